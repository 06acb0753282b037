// Attempts that need a person: late successes after the till gave up (docs/architecture.md §3). The manager
// attaches each to its sale, records that it was refunded, or keeps it as unattached money.
import { useCallback, useEffect, useState } from 'react';
import type { AttemptView } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';
import { usePosEvent } from '../shared/use-pos-event.js';
import { tenderKey } from '../shared/wallet.js';
import { useManagerCall } from './manager-api.js';
import { TechnicalDetails } from './TechnicalDetails.js';

type Resolution = 'attached-to-sale' | 'refunded' | 'kept-as-unattached';

/** `onRefund` opens the refund flow prefilled for that payment; once refunded in full it can be marked refunded. */
export function NeedsActionTab({ onRefund }: { onRefund?: (attempt: AttemptView) => void }) {
  const { t, money, locale, info } = useApp();
  const mcall = useManagerCall();
  const [attempts, setAttempts] = useState<AttemptView[] | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);

  const load = useCallback(async () => {
    const list = await mcall('attempt:needsAction', {});
    if (list) setAttempts(list);
  }, [mcall]);

  useEffect(() => {
    void load();
  }, [load]);
  usePosEvent('payment:attempt', (a) => {
    if (a.needsAction) void load();
  });

  const resolve = async (attemptId: number, resolution: Resolution) => {
    setBusyId(attemptId);
    const done = await mcall('attempt:resolve', { attemptId, resolution });
    setBusyId(null);
    if (done) void load();
  };

  const when = (ms: number) => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium', timeZone: info.timeZone }).format(ms);

  if (!attempts) return <p className="hint">{t('common.loading')}</p>;
  if (attempts.length === 0) return <p className="hint hint-lg" data-testid="needs-action-empty">✔ {t('needs.none')}</p>;
  return (
    <ul className="tab-body needs-list">
      {attempts.map((a) => (
        <li key={a.id} className="panel" data-testid="needs-action-item" data-attempt-id={a.id}>
          <div className="panel-head">
            <strong>
              {t(tenderKey(a))} · {money(a.amountCents, a.currency)}
            </strong>
            <span>{when(a.createdAt)}</span>
          </div>
          <p className="muted">
            {t('receipt.saleNo', { id: a.saleId })} · {t(`phase.${a.phase}`)}
            {a.reason ? ` · ${t(`reason.${a.reason}`)}` : ''}
          </p>
          <TechnicalDetails attempt={a} />
          <div className="row">
            {onRefund ? (
              <button type="button" className="btn btn-danger btn-lg" data-testid="needs-action-refund" disabled={busyId === a.id} onClick={() => onRefund(a)}>
                {t('needs.refund')}
              </button>
            ) : null}
            <button type="button" className="btn btn-primary" disabled={busyId === a.id} onClick={() => void resolve(a.id, 'attached-to-sale')}>
              {t('needs.attach')}
            </button>
            <button type="button" className="btn" disabled={busyId === a.id} onClick={() => void resolve(a.id, 'refunded')}>
              {t('needs.refunded')}
            </button>
            <button type="button" className="btn" disabled={busyId === a.id} onClick={() => void resolve(a.id, 'kept-as-unattached')}>
              {t('needs.keep')}
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
