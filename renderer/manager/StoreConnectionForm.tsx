// Manager → Settings → Store database (docs/store.md "Setting up"): this terminal's sync state, and the connection
// strings `pos store init` printed, write-only like the merchant key. Main keeps the URLs without their passwords in
// settings.json and the passwords in the OS secret store; nothing comes back, and the fields are emptied once saved.
import { useCallback, useEffect, useState } from 'react';
import type { ChannelResponse } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';
import { pushToast } from '../shared/toast-store.js';
import { useManagerCall } from './manager-api.js';

type Sync = ChannelResponse<'store:sync'>;

export function StoreConnectionForm() {
  const { t } = useApp();
  const mcall = useManagerCall();
  const [sync, setSync] = useState<Sync | null>(null);
  const [connection, setConnection] = useState('');
  const [managerConnection, setManagerConnection] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const s = await mcall('store:sync', {});
    if (s) setSync(s);
  }, [mcall]);
  useEffect(() => {
    void load();
  }, [load]);

  const save = async () => {
    setBusy(true);
    const saved = await mcall('store:connect', { connection, ...(managerConnection ? { managerConnection } : {}) });
    setBusy(false);
    // Cleared whatever the outcome: a password should not sit in a field on a shop counter.
    setConnection('');
    setManagerConnection('');
    if (saved) pushToast(t('store.connectionSaved'), 'info');
  };

  if (!sync) return null;
  const usable = sync.secretStoreAvailable;
  return (
    <form
      className="panel merchant-key store-connection"
      autoComplete="off"
      data-testid="store-connection"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{t('store.connectionTitle')}</h3>
      <p className={sync.configured ? 'ok' : 'muted'} data-testid="store-connection-state">
        {sync.configured ? (sync.failing ? t('store.thisTerminalFailing') : t('store.thisTerminal', { unsent: sync.unsent })) : t('store.problem.not-configured')}
      </p>
      {!usable ? <p className="bad">{t('store.noSecretStore')}</p> : null}
      <label className="field-label">
        {t('store.connectionPlaceholder')}
        <input className="field" type="password" data-testid="store-connection-input" autoComplete="new-password"
          value={connection} maxLength={500} onChange={(e) => setConnection(e.target.value)} disabled={!usable} />
      </label>
      <label className="field-label">
        {t('store.managerConnectionPlaceholder')}
        <input className="field" type="password" data-testid="store-manager-connection-input" autoComplete="new-password"
          value={managerConnection} maxLength={500} onChange={(e) => setManagerConnection(e.target.value)} disabled={!usable} />
      </label>
      <button type="submit" className="btn btn-primary btn-lg" data-testid="store-connection-save" disabled={busy || connection.length < 10 || !usable}>
        {t('store.saveConnection')}
      </button>
    </form>
  );
}
