// How the till screens tell a keyboard-wedge scanner from a person typing (renderer/shared/keyboard-wedge.ts).
// The screens read these through app:info when they load, so a change reaches them when they next open.
import { useState } from 'react';
import type { ChannelResponse } from '../../preload/contract.js';
import { WEDGE_TERMINATORS } from '../../preload/manager-limits.js';
import { useApp } from '../shared/app-context.js';
import { pushToast } from '../shared/toast-store.js';
import { useManagerCall } from './manager-api.js';

type Settings = ChannelResponse<'settings:get'>;
type Terminator = (typeof WEDGE_TERMINATORS)[number];

const isTerminator = (s: string): s is Terminator => (WEDGE_TERMINATORS as readonly string[]).includes(s);

export function WedgeForm({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const { t } = useApp();
  const mcall = useManagerCall();
  const [gap, setGap] = useState(String(settings.wedge.maxInterKeyGapMs));
  const [minLength, setMinLength] = useState(String(settings.wedge.minLength));
  const [terminators, setTerminators] = useState<Terminator[]>(settings.wedge.terminators.filter(isTerminator));
  const [busy, setBusy] = useState(false);

  const toggle = (key: Terminator) => setTerminators((list) => (list.includes(key) ? list.filter((k) => k !== key) : [...list, key]));

  const save = async () => {
    setBusy(true);
    const saved = await mcall('settings:update', { wedge: { maxInterKeyGapMs: Number(gap), minLength: Number(minLength), terminators } });
    setBusy(false);
    if (saved) {
      onSaved(saved);
      pushToast(t('wedge.note'), 'info');
    }
  };

  return (
    <form
      className="panel settings-form"
      data-testid="wedge-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{t('wedge.title')}</h3>
      <p className="hint">{t('wedge.note')}</p>
      <label className="field-label">
        {t('wedge.maxGap')}
        <input className="field" data-testid="wedge-gap" inputMode="numeric" value={gap} onChange={(e) => setGap(e.target.value.replace(/\D/g, ''))} />
      </label>
      <label className="field-label">
        {t('wedge.minLength')}
        <input className="field" data-testid="wedge-min-length" inputMode="numeric" value={minLength} onChange={(e) => setMinLength(e.target.value.replace(/\D/g, ''))} />
      </label>
      <fieldset className="field-label">
        <legend>{t('wedge.terminators')}</legend>
        <div className="row">
          {WEDGE_TERMINATORS.map((key) => (
            <button
              key={key}
              type="button"
              className={`btn btn-lg btn-choice${terminators.includes(key) ? ' is-active' : ''}`}
              aria-pressed={terminators.includes(key)}
              data-testid={`wedge-terminator-${key}`}
              onClick={() => toggle(key)}
            >
              {t(`wedge.${key}`)}
            </button>
          ))}
        </div>
      </fieldset>
      <button type="submit" className="btn btn-primary btn-lg" data-testid="wedge-save" disabled={busy || gap === '' || minLength === '' || terminators.length === 0}>
        {t('wedge.save')}
      </button>
    </form>
  );
}
