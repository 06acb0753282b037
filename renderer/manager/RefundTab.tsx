// Refunds and returns: find the sale (its receipt's barcode, scanned into the search field by a keyboard-wedge
// scanner or typed; the order or sale number, a payment code's last 4 digits, or today's recent sales when the
// search is empty), then take lines back (ReturnLinesPanel: main prices them and refunds them on the sale's own
// tenders) or refund an amount from one tender. Without a receipt: NoReceiptPanel. Main mints the refund number,
// journals it first and refuses more than was paid or sold (docs/register.md "Returns and exchanges").
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AttemptView, SaleView } from '../../preload/contract.js';
import { REFUND_STATES, type RefundState } from '../../preload/payment-states.js';
import { useApp } from '../shared/app-context.js';
import { centsToInput, fractionDigits, parseAmountToCents } from '../shared/money.js';
import { pushToast } from '../shared/toast-store.js';
import { usePosEvent } from '../shared/use-pos-event.js';
import { tenderKey } from '../shared/wallet.js';
import { useManagerCall } from './manager-api.js';
import { useMayCall } from './manager-may.js';
import { NoReceiptPanel } from './NoReceiptPanel.js';
import { refundableCents } from './refundable.js';
import { ReturnLinesPanel } from './ReturnLinesPanel.js';

const isRefundState = (state: string): state is RefundState => (REFUND_STATES as readonly string[]).includes(state);

interface Props {
  /** A needs-action payment to refund: the tab opens on its sale with it chosen. */
  prefill?: AttemptView | null;
  /** Called once that payment is marked refunded. */
  onResolved?: () => void;
}

export function RefundTab({ prefill = null, onResolved }: Props) {
  const { t, money, locale, info } = useApp();
  const mcall = useManagerCall();
  // Returns without a receipt are a manager's (docs/staff.md "The door"): a supervisor is not offered them.
  const mayNoReceipt = useMayCall()('refund:noReceipt');
  const [query, setQuery] = useState(prefill?.mchOrderNo ?? '');
  const [searched, setSearched] = useState('');
  const [sales, setSales] = useState<SaleView[] | null>(null);
  const [chosen, setChosen] = useState<{ sale: SaleView; attempt: AttemptView } | null>(null);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ refundId: number; state: string; amountCents: number } | null>(null);
  const [mode, setMode] = useState<'receipt' | 'no-receipt'>('receipt');
  const [returned, setReturned] = useState<{ returnId: number; cents: number } | null>(null);
  const [exchanged, setExchanged] = useState<{ credit: number; saleId: number } | null>(null);

  usePosEvent('refund:changed', (e) => setStatus((s) => (s && s.refundId === e.refundId ? { ...s, state: e.state } : s)));

  const searchSeq = useRef(0);
  const select = useCallback((sale: SaleView, attempt: AttemptView) => {
    setChosen({ sale, attempt });
    setAmount(centsToInput(refundableCents(sale, attempt), fractionDigits(attempt.currency)));
  }, []);
  const choose = (sale: SaleView, attempt: AttemptView) => {
    select(sale, attempt);
    setStatus(null);
  };

  /** An empty query lists today's recent paid sales. The old list is cleared first, so nothing stale is tapped. */
  const runSearch = useCallback(
    async (text: string, pick?: number) => {
      // Only the latest search may fill the list: an older answer arriving late is dropped.
      const mine = ++searchSeq.current;
      setBusy(true);
      setSales(null);
      setChosen(null);
      const found = await mcall('refund:findSales', { query: text.trim() });
      if (mine !== searchSeq.current) return;
      setBusy(false);
      if (!found) return;
      setSales(found);
      setSearched(text.trim());
      const sale = pick === undefined ? undefined : found.find((s) => s.attempts.some((a) => a.id === pick));
      const attempt = sale?.attempts.find((a) => a.id === pick);
      if (sale && attempt) select(sale, attempt);
    },
    [mcall, select],
  );
  const search = () => runSearch(query);

  useEffect(() => {
    void runSearch(prefill?.mchOrderNo ?? '', prefill?.id);
  }, [runSearch, prefill]);

  const markRefunded = async (attemptId: number) => {
    setBusy(true);
    const done = await mcall('attempt:resolve', { attemptId, resolution: 'refunded' });
    setBusy(false);
    if (done) onResolved?.();
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
      const keep = chosen.attempt;
      void runSearch(searched, keep.needsAction ? keep.id : undefined);
    }
  };

  const onReturned = (result: { returnId: number; valueCents: number; cashBackCents: number; cashValueCents: number }) => {
    setStatus(null);
    setExchanged(null);
    setReturned({ returnId: result.returnId, cents: result.valueCents - result.cashValueCents + result.cashBackCents });
    void runSearch(searched);
  };

  const onExchanged = (result: { returnId: number; creditCents: number; newSaleId: number }) => {
    setStatus(null);
    setReturned(null);
    setExchanged({ credit: result.creditCents, saleId: result.newSaleId });
    void runSearch(searched);
  };

  const refundWords = (state: string) => (isRefundState(state) ? t(`refundState.${state}`) : t('refundState.unknown'));
  const when = (ms: number) => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: info.timeZone }).format(ms);

  return (
    <section className="tab-body">
      {mayNoReceipt ? <div className="tabs" role="tablist">
        {(['receipt', 'no-receipt'] as const).map((m) => (
          <button key={m} type="button" role="tab" aria-selected={mode === m} className={`btn${mode === m ? ' is-active' : ''}`} data-testid={`return-mode-${m}`} onClick={() => setMode(m)}>
            {t(m === 'receipt' ? 'return.withReceipt' : 'return.withoutReceipt')}
          </button>
        ))}
      </div> : null}
      {mode === 'no-receipt' && mayNoReceipt ? <NoReceiptPanel /> : null}
      {mode === 'receipt' ? (<>
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
          // A receipt scanner is a keyboard wedge: it types the receipt code and Enter into this field.
          autoFocus
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="submit" className="btn btn-primary btn-lg" data-testid="refund-find" disabled={busy}>
          {t('refund.find')}
        </button>
      </form>
      {returned ? (
        <p className="panel refund-status" data-testid="return-status" data-return-id={returned.returnId} data-cents={returned.cents}>
          {t('return.done', { amount: money(returned.cents) })}
        </p>
      ) : null}
      {exchanged ? (
        <p className="panel refund-status" data-testid="exchange-status" data-credit={exchanged.credit}>
          {t('return.exchangeDone', { credit: money(exchanged.credit), id: exchanged.saleId })}
        </p>
      ) : null}
      {sales && sales.length > 0 && searched === '' ? <h3 data-testid="refund-recent">{t('refund.recent')}</h3> : null}
      {sales && sales.length === 0 ? <p className="hint">{t('refund.noneFound')}</p> : null}
      <ul className="refund-sales">
        {sales?.map((sale) => (
          <li key={sale.id} className="panel">
            <div className="panel-head">
              <strong>{t('receipt.saleNo', { id: sale.id })}</strong>
              <span>{when(sale.createdAt)}</span>
              <span className="money-strong">{money(sale.totalCents, sale.currency)}</span>
            </div>
            {sale.status === 'paid' ? <ReturnLinesPanel sale={sale} onReturned={onReturned} onExchanged={onExchanged} /> : null}
            <div className="attempt-choices">
              {sale.attempts
                .filter((a) => a.phase === 'paid')
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
                      <span>
                        {t(tenderKey(a))}
                        {a.codeLast4 ? <span className="muted"> ···{a.codeLast4}</span> : null}
                      </span>
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
                    {money(r.amountCents, sale.currency)} · {refundWords(r.state)} · {r.reason}
                  </li>
                ))}
              </ul>
            ) : null}
            <details className="tech-details" data-testid="technical-details">
              <summary>{t('manager.technicalDetails')}</summary>
              <ul>
                {sale.attempts.map((a) => (
                  <li key={a.id}>
                    {t(tenderKey(a))} · {money(a.amountCents, a.currency)} · {t('manager.orderNo')} {a.mchOrderNo} · {a.state}
                    {a.failureCode ? ` · ${a.failureCode}` : ''}
                    {a.failureMessage ? ` · ${a.failureMessage}` : ''}
                  </li>
                ))}
                {sale.refunds.map((r) => (
                  <li key={`r-${r.id}`}>
                    {t('receipt.refund')} {r.mchRefundNo} · {r.state}
                  </li>
                ))}
              </ul>
            </details>
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
          <h3>{t('refund.formTitle', { order: `${t(tenderKey(chosen.attempt))} · ${money(chosen.attempt.amountCents, chosen.attempt.currency)} · ${t('receipt.saleNo', { id: chosen.sale.id })}` })}</h3>
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
      {chosen?.attempt.needsAction ? (
        <div className="panel">
          <p>{t('refund.needsAction')}</p>
          <button type="button" className="btn btn-lg" data-testid="refund-mark-refunded" disabled={busy} onClick={() => void markRefunded(chosen.attempt.id)}>
            {t('needs.refunded')}
          </button>
        </div>
      ) : null}
      {status ? (
        <p className="panel refund-status" data-testid="refund-status" data-state={status.state}>
          {t('refund.status', { amount: money(status.amountCents), state: refundWords(status.state) })}
        </p>
      ) : null}
      </>) : null}
    </section>
  );
}
