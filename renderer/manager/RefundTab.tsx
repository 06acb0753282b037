// Refunds: find the sale (order or sale number), pick the tender, amount and reason. Main mints the refund
// number, journals it first and refuses more than was paid.
import { useState } from 'react';
import type { AttemptView, SaleView } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';
import { centsToInput, fractionDigits, parseAmountToCents } from '../shared/money.js';
import { pushToast } from '../shared/toast-store.js';
import { usePosEvent } from '../shared/use-pos-event.js';
import { tenderKey } from '../shared/wallet.js';
import { useManagerCall } from './manager-api.js';
import { refundableCents } from './refundable.js';

export function RefundTab() {
  const { t, money, locale, info } = useApp();
  const mcall = useManagerCall();
  const [query, setQuery] = useState('');
  const [sales, setSales] = useState<SaleView[] | null>(null);
  const [chosen, setChosen] = useState<{ sale: SaleView; attempt: AttemptView } | null>(null);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ refundId: number; state: string; amountCents: number } | null>(null);

  usePosEvent('refund:changed', (e) => setStatus((s) => (s && s.refundId === e.refundId ? { ...s, state: e.state } : s)));

  const search = async () => {
    if (query.trim() === '') return;
    setBusy(true);
    const found = await mcall('refund:findSales', { query: query.trim() });
    setBusy(false);
    setChosen(null);
    if (found) setSales(found);
  };

  const choose = (sale: SaleView, attempt: AttemptView) => {
    setChosen({ sale, attempt });
    setAmount(centsToInput(refundableCents(sale, attempt), fractionDigits(attempt.currency)));
    setStatus(null);
  };

  const submit = async () => {
    if (!chosen) return;
    const cents = parseAmountToCents(amount, fractionDigits(chosen.attempt.currency));
    if (cents === null || cents <= 0) {
      pushToast(t('error.amountInvalid'));
      return;
    }
    setBusy(true);
    const refund = await mcall('refund:create', { attemptId: chosen.attempt.id, amountCents: cents, reason: reason.trim() });
    setBusy(false);
    if (refund) {
      setStatus({ refundId: refund.id, state: refund.state, amountCents: refund.amountCents });
      setReason('');
      void search();
    }
  };

  const when = (ms: number) => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: info.timeZone }).format(ms);

  return (
    <section className="tab-body">
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <input
          className="field field-grow"
          data-testid="refund-search"
          placeholder={t('refund.searchPlaceholder')}
          value={query}
          maxLength={40}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="submit" className="btn btn-primary btn-lg" data-testid="refund-find" disabled={busy || query.trim() === ''}>
          {t('refund.find')}
        </button>
      </form>
      {sales && sales.length === 0 ? <p className="hint">{t('refund.noneFound')}</p> : null}
      <ul className="refund-sales">
        {sales?.map((sale) => (
          <li key={sale.id} className="panel">
            <div className="panel-head">
              <strong>{t('receipt.saleNo', { id: sale.id })}</strong>
              <span>{when(sale.createdAt)}</span>
              <span className="money-strong">{money(sale.totalCents, sale.currency)}</span>
            </div>
            <div className="attempt-choices">
              {sale.attempts
                .filter((a) => a.state === 'succeeded')
                .map((a) => {
                  const left = refundableCents(sale, a);
                  const selected = chosen?.attempt.id === a.id;
                  return (
                    <button
                      key={a.id}
                      type="button"
                      className={`btn btn-choice${selected ? ' is-active' : ''}`}
                      aria-pressed={selected}
                      data-testid="refund-attempt"
                      data-attempt-id={a.id}
                      disabled={left <= 0}
                      onClick={() => choose(sale, a)}
                    >
                      <span>{t(tenderKey(a))}</span>
                      <span className="muted">{a.mchOrderNo}</span>
                      <span>
                        {money(a.amountCents, a.currency)} · {t('refund.left', { amount: money(left, a.currency) })}
                      </span>
                    </button>
                  );
                })}
            </div>
            {sale.refunds.length > 0 ? (
              <ul className="refund-history">
                {sale.refunds.map((r) => (
                  <li key={r.id}>
                    {r.mchRefundNo} · {money(r.amountCents, sale.currency)} · {r.state} · {r.reason}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      {chosen ? (
        <form
          className="panel refund-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <h3>{t('refund.formTitle', { order: chosen.attempt.mchOrderNo })}</h3>
          <label className="field-label">
            {t('refund.amount')}
            <input className="field field-money field-xl" data-testid="refund-amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
          </label>
          <label className="field-label">
            {t('refund.reason')}
            <input className="field" data-testid="refund-reason" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit" className="btn btn-danger btn-xl" data-testid="refund-submit" disabled={busy || reason.trim().length < 3 || amount.trim() === ''}>
            {t('refund.submit')}
          </button>
        </form>
      ) : null}
      {status ? (
        <p className="panel refund-status" data-testid="refund-status" data-state={status.state}>
          {t('refund.status', { amount: money(status.amountCents), state: status.state })}
        </p>
      ) : null}
    </section>
  );
}
