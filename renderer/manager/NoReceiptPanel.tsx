// A return without a receipt (docs/register.md "Returns and exchanges"): a manager scans or types each item's barcode
// or SKU; main prices it from the catalog at today's price and tax (refund:quoteNoReceipt) and pays it back in cash
// (refund:noReceipt), journaled with who approved and why. Cards and wallets need their original sale.
import { useEffect, useRef, useState } from 'react';
import type { ChannelResponse } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';
import { useManagerCall } from './manager-api.js';

type Quote = ChannelResponse<'refund:quoteNoReceipt'>;

export function NoReceiptPanel() {
  const { t, money } = useApp();
  const mcall = useManagerCall();
  const [code, setCode] = useState('');
  const [items, setItems] = useState<Array<{ code: string; quantity: number }>>([]);
  const [quote, setQuote] = useState<Quote | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  const seq = useRef(0);
  const itemsKey = JSON.stringify(items);

  useEffect(() => {
    const mine = ++seq.current;
    const wanted = JSON.parse(itemsKey) as typeof items;
    if (wanted.length === 0) {
      setQuote(null);
      return;
    }
    void mcall('refund:quoteNoReceipt', { items: wanted }).then((q) => {
      if (mine !== seq.current) return;
      // An unknown code was refused (toast): drop the last item so the list stays one main can price.
      if (!q) setItems((list) => list.slice(0, -1));
      else setQuote(q);
    });
  }, [itemsKey, mcall]);

  const add = () => {
    const c = code.trim();
    if (c === '') return;
    setDone(null);
    setItems((list) => {
      const i = list.findIndex((x) => x.code === c);
      return i < 0 ? [...list, { code: c, quantity: 1 }] : list.map((x, j) => (j === i ? { ...x, quantity: x.quantity + 1 } : x));
    });
    setCode('');
  };

  const submit = async () => {
    setBusy(true);
    const result = await mcall('refund:noReceipt', { items, reason: reason.trim() });
    setBusy(false);
    if (result) {
      setDone(result.cashBackCents);
      setItems([]);
      setReason('');
    }
  };

  return (
    <div className="return-no-receipt" data-testid="return-no-receipt">
      <p className="hint">{t('return.noReceiptHint')}</p>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <input className="field field-grow" data-testid="no-receipt-code" placeholder={t('return.itemCode')} value={code} maxLength={64} onChange={(e) => setCode(e.target.value)} />
        <button type="submit" className="btn btn-lg" data-testid="no-receipt-add" disabled={busy}>
          {t('return.addItem')}
        </button>
      </form>
      {quote && items.length > 0 ? (
        <>
          <table className="table">
            <tbody>
              {quote.lines.map((l, i) => (
                <tr key={l.lineNo} data-testid="no-receipt-line">
                  <td>
                    {l.name} <span className="muted">× {l.quantity}</span>
                  </td>
                  <td>{money(l.amountCents, quote.currency)}</td>
                  <td>
                    <button type="button" className="btn" disabled={busy} onClick={() => setItems((list) => list.filter((_, j) => j !== i))}>
                      {t('return.removeItem')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <form
            className="panel refund-form"
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <p className="money-strong" data-testid="no-receipt-total" data-cents={quote.cashBackCents}>
              {t('return.back', { amount: money(quote.cashBackCents, quote.currency) })}{' '}
              <span className="muted">({t('return.taxPart', { amount: money(quote.taxCents, quote.currency) })})</span>
            </p>
            <label className="field-label">
              {t('refund.reason')}
              <input className="field" data-testid="no-receipt-reason" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
            </label>
            <button type="submit" className="btn btn-danger btn-xl" data-testid="no-receipt-submit" disabled={busy || reason.trim().length < 3}>
              {t('return.noReceiptSubmit')}
            </button>
          </form>
        </>
      ) : null}
      {done !== null ? (
        <p className="panel refund-status" data-testid="no-receipt-done">
          {t('return.done', { amount: money(done) })}
        </p>
      ) : null}
    </div>
  );
}
