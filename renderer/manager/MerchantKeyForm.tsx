// The IOTPay merchant key, write-only. Main puts it in the OS secret store and never returns it; this field
// starts empty every time and is emptied again once the key is saved.
import { useState } from 'react';
import type { ChannelResponse } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';
import { pushToast } from '../shared/toast-store.js';
import { useManagerCall } from './manager-api.js';

type Settings = ChannelResponse<'settings:get'>;

export function MerchantKeyForm({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const { t } = useApp();
  const mcall = useManagerCall();
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    const saved = await mcall('settings:setMerchantKey', { merchantKey: key });
    setBusy(false);
    // Cleared whatever the outcome: a key should not sit in a field on a shop counter.
    setKey('');
    if (saved) {
      onSaved(saved);
      pushToast(t('settings.keySaved'), 'info');
    }
  };

  return (
    <form
      className="panel merchant-key"
      autoComplete="off"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{t('settings.merchantKey')}</h3>
      <p className={settings.merchantKeyStored ? 'ok' : 'muted'} data-testid="merchant-key-stored">
        {settings.merchantKeyStored ? t('settings.keyStored') : t('settings.keyNotStored')}
      </p>
      {!settings.secretStoreAvailable ? <p className="bad">{t('settings.noSecretStore')}</p> : null}
      <input
        className="field"
        type="password"
        data-testid="merchant-key-input"
        autoComplete="new-password"
        placeholder={t('settings.keyPlaceholder')}
        value={key}
        minLength={8}
        maxLength={128}
        onChange={(e) => setKey(e.target.value)}
        disabled={!settings.secretStoreAvailable}
      />
      <button type="submit" className="btn btn-primary btn-lg" data-testid="merchant-key-save" disabled={busy || key.length < 8 || !settings.secretStoreAvailable}>
        {t('settings.saveKey')}
      </button>
    </form>
  );
}
