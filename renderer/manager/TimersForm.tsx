// The wallet timers of docs/architecture.md §3, shown in seconds. Main checks the bounds and that every deadline
// outlasts its poll; the engine was built with the old values, so they apply after a restart.
import { useState } from 'react';
import type { ChannelResponse } from '../../preload/contract.js';
import { TIMER_BOUNDS } from '../../preload/manager-limits.js';
import { useApp } from '../shared/app-context.js';
import type { MessageKey } from '../shared/i18n/translate.js';
import { pushToast } from '../shared/toast-store.js';
import { useManagerCall } from './manager-api.js';

type Settings = ChannelResponse<'settings:get'>;
type Timers = Settings['timers'];
type Field = 'scanPollMs' | 'WX_MICROPAY' | 'ALIPAY_MICROPAY' | 'UPI_MICROPAY' | 'qrPollMs' | 'qrExpiryMs' | 'qrBackgroundMs' | 'reconcileEveryMs';

const FIELDS: { field: Field; label: MessageKey; bounds: readonly [number, number] }[] = [
  { field: 'scanPollMs', label: 'timers.scanPoll', bounds: TIMER_BOUNDS.scanPollMs },
  { field: 'WX_MICROPAY', label: 'timers.deadlineWx', bounds: TIMER_BOUNDS.scanDeadlineMs },
  { field: 'ALIPAY_MICROPAY', label: 'timers.deadlineAlipay', bounds: TIMER_BOUNDS.scanDeadlineMs },
  { field: 'UPI_MICROPAY', label: 'timers.deadlineUpi', bounds: TIMER_BOUNDS.scanDeadlineMs },
  { field: 'qrPollMs', label: 'timers.qrPoll', bounds: TIMER_BOUNDS.qrPollMs },
  { field: 'qrExpiryMs', label: 'timers.qrExpiry', bounds: TIMER_BOUNDS.qrExpiryMs },
  { field: 'qrBackgroundMs', label: 'timers.qrBackground', bounds: TIMER_BOUNDS.qrBackgroundMs },
  { field: 'reconcileEveryMs', label: 'timers.reconcile', bounds: TIMER_BOUNDS.reconcileEveryMs },
];

const seconds = (ms: number) => String(ms / 1000);

function flatten(t: Timers): Record<Field, string> {
  return {
    scanPollMs: seconds(t.scanPollMs), ...{ WX_MICROPAY: seconds(t.scanDeadlineMs.WX_MICROPAY), ALIPAY_MICROPAY: seconds(t.scanDeadlineMs.ALIPAY_MICROPAY), UPI_MICROPAY: seconds(t.scanDeadlineMs.UPI_MICROPAY) },
    qrPollMs: seconds(t.qrPollMs), qrExpiryMs: seconds(t.qrExpiryMs), qrBackgroundMs: seconds(t.qrBackgroundMs), reconcileEveryMs: seconds(t.reconcileEveryMs),
  };
}

/** Seconds as typed (comma or point) to whole milliseconds; NaN when it is not a number. */
function toMs(text: string): number {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() === '' ? Number.NaN : Math.round(value * 1000);
}

export function TimersForm({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const { t } = useApp();
  const mcall = useManagerCall();
  const [draft, setDraft] = useState(() => flatten(settings.timers));
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const ms = Object.fromEntries(FIELDS.map(({ field }) => [field, toMs(draft[field])])) as Record<Field, number>;
    if (Object.values(ms).some((n) => !Number.isFinite(n))) {
      pushToast(t('error.amountInvalid'));
      return;
    }
    const timers = {
      scanPollMs: ms.scanPollMs, scanDeadlineMs: { WX_MICROPAY: ms.WX_MICROPAY, ALIPAY_MICROPAY: ms.ALIPAY_MICROPAY, UPI_MICROPAY: ms.UPI_MICROPAY },
      qrPollMs: ms.qrPollMs, qrExpiryMs: ms.qrExpiryMs, qrBackgroundMs: ms.qrBackgroundMs, reconcileEveryMs: ms.reconcileEveryMs,
    };
    setBusy(true);
    const saved = await mcall('settings:update', { timers });
    setBusy(false);
    if (saved) {
      onSaved(saved);
      setDraft(flatten(saved.timers));
      pushToast(t('timers.note'), 'info');
    }
  };

  return (
    <form
      className="panel settings-form"
      data-testid="timers-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{t('timers.title')}</h3>
      <p className="hint">{t('timers.note')}</p>
      {FIELDS.map(({ field, label, bounds }) => (
        <label key={field} className="field-label">
          {t(label)}
          <input
            className="field"
            data-testid={`timer-${field}`}
            inputMode="decimal"
            value={draft[field]}
            onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
          />
          <span className="hint">{t('timers.range', { min: bounds[0] / 1000, max: bounds[1] / 1000 })}</span>
        </label>
      ))}
      <button type="submit" className="btn btn-primary btn-lg" data-testid="timers-save" disabled={busy}>
        {t('timers.save')}
      </button>
    </form>
  );
}
