// The lines of a found sale, to take some back (docs/register.md "Returns and exchanges"). The manager picks lines
// and quantities; main prices them (refund:quote: price after discount plus its tax, on which tenders, cash rounded)
// and, on submit, returns them (refund:returnLines), refusing a line past what was sold. A line fully returned
// shows as returned and cannot be picked again. The screen only shows main's amounts.
import { useEffect, useRef, useState } from 'react';
import type { ChannelResponse, SaleView } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';
import { tenderKey } from '../shared/wallet.js';
import { useManagerCall } from './manager-api.js';
import { returnableUnits } from './refundable.js';

type Quote = ChannelResponse<'refund:quote'>;
type ExchangeQuote = ChannelResponse<'refund:quoteExchange'>;

interface Props {
  sale: SaleView;
  /** Called with the return's result once main has written it (the refunds may still be in progress). */
  onReturned: (result: ChannelResponse<'refund:returnLines'>) => void;
  /** Called once an exchange is written: its value credited to the counter's open sale. */
  onExchanged?: (result: ChannelResponse<'refund:exchange'>) => void;
}

export function ReturnLinesPanel({ sale, onReturned, onExchanged }: Props) {
  const { t, money } = useApp();
  const mcall = useManagerCall();
  const [picked, setPicked] = useState<Record<number, number>>({});
  const [quote, setQuote] = useState<Quote | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [exchange, setExchange] = useState<ExchangeQuote | null>(null);
  const seq = useRef(0);

  const chosen = Object.entries(picked).filter(([, q]) => q > 0).map(([lineNo, quantity]) => ({ lineNo: Number(lineNo), quantity }));
  const chosenKey = JSON.stringify(chosen);

  useEffect(() => {
    const mine = ++seq.current;
    const lines = JSON.parse(chosenKey) as Array<{ lineNo: number; quantity: number }>;
    setExchange(null);
    if (lines.length === 0) {
      setQuote(null);
      return;
    }
    void mcall('refund:quote', { saleId: sale.id, lines }).then((q) => {
      if (mine === seq.current) setQuote(q ?? null);
    });
  }, [chosenKey, mcall, sale.id]);

  const setQty = (lineNo: number, quantity: number) => setPicked((p) => ({ ...p, [lineNo]: quantity }));

  const submit = async () => {
    if (chosen.length === 0) return;
    setBusy(true);
    const result = await mcall('refund:returnLines', { saleId: sale.id, lines: chosen, reason: reason.trim() });
    setBusy(false);
    if (result) {
      setPicked({});
      setReason('');
      onReturned(result);
    }
  };

  /** An exchange: the value pays the sale the cashier has open at the counter; main says how much and what is left. */
  const askExchange = async () => {
    setBusy(true);
    setExchange((await mcall('refund:quoteExchange', { saleId: sale.id, lines: chosen })) ?? null);
    setBusy(false);
  };
  const confirmExchange = async () => {
    setBusy(true);
    const result = await mcall('refund:exchange', { saleId: sale.id, lines: chosen, reason: reason.trim() });
    setBusy(false);
    if (result) {
      setPicked({});
      setReason('');
      setExchange(null);
      onExchanged?.(result);
    }
  };

  const tenderWords = (attemptId: number | null) => {
    const a = sale.attempts.find((x) => x.id === attemptId);
    return a ? t(tenderKey(a)) : t('return.cash');
  };

  return (
    <div className="return-lines" data-testid="return-lines" data-sale-id={sale.id}>
      <h4>{t('return.lines')}</h4>
      <table className="table">
        <tbody>
          {sale.lines.map((line) => {
            const left = returnableUnits(line);
            const returned = line.returnedQuantity ?? 0;
            const qty = picked[line.lineNo] ?? 0;
            return (
              <tr key={line.lineNo} data-testid="return-line" data-line-no={line.lineNo} data-returned={returned} data-left={left}>
                <td>
                  {line.name} <span className="muted">× {line.quantity}</span>
                  {returned > 0 ? (
                    <span className="muted" data-testid="return-line-returned">
                      {' · '}
                      {left === 0 ? t('return.allReturned') : t('return.returnedCount', { count: returned })}
                    </span>
                  ) : null}
                </td>
                <td>{money(line.lineTotalCents - line.discountCents, sale.currency)}</td>
                <td>
                  {left === 0 ? null : line.quantity === 1 ? (
                    <label>
                      <input type="checkbox" data-testid="return-line-pick" checked={qty > 0} disabled={busy} onChange={(e) => setQty(line.lineNo, e.target.checked ? 1 : 0)} /> {t('return.pick')}
                    </label>
                  ) : (
                    <label>
                      {t('return.quantity')}{' '}
                      <input
                        className="field"
                        type="number"
                        data-testid="return-line-qty"
                        min={0}
                        max={left}
                        value={qty}
                        disabled={busy}
                        onChange={(e) => setQty(line.lineNo, Math.max(0, Math.min(left, Math.trunc(Number(e.target.value) || 0))))}
                      />
                    </label>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {quote ? (
        <form
          className="panel refund-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <p className="money-strong" data-testid="return-total" data-cents={quote.valueCents}>
            {t('return.back', { amount: money(quote.valueCents, quote.currency) })}{' '}
            <span className="muted" data-testid="return-tax" data-cents={quote.taxCents}>
              ({quote.pricesIncludeTax ? t('return.taxIncluded', { amount: money(quote.taxCents, quote.currency) }) : t('return.taxPart', { amount: money(quote.taxCents, quote.currency) })})
            </span>
          </p>
          {quote.tenders.length > 0 ? (
            <p data-testid="return-tenders">
              {t('return.goesTo', { tenders: quote.tenders.map((x) => `${tenderWords(x.attemptId)} ${money(x.amountCents, quote.currency)}`).join(' · ') })}
            </p>
          ) : null}
          <label className="field-label">
            {t('refund.reason')}
            <input className="field" data-testid="return-reason" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit" className="btn btn-danger btn-xl" data-testid="return-submit" disabled={busy || reason.trim().length < 3}>
            {t('return.submit')}
          </button>
          {onExchanged ? (
            <button type="button" className="btn btn-lg" data-testid="exchange-ask" disabled={busy} onClick={() => void askExchange()}>
              {t('return.exchange')}
            </button>
          ) : null}
          {exchange ? (
            <div className="panel" data-testid="exchange-quote" data-credit={exchange.creditCents} data-still-due={exchange.stillDueCents}>
              <p>{t('return.exchangeCredit', { id: exchange.newSaleId, total: money(exchange.newSaleTotalCents, exchange.currency), credit: money(exchange.creditCents, exchange.currency) })}</p>
              <p className="money-strong">
                {exchange.stillDueCents > 0
                  ? t('return.exchangeDue', { amount: money(exchange.stillDueCents, exchange.currency) })
                  : t('return.exchangeBack', { amount: money(exchange.tenders.reduce((sum, x) => sum + x.amountCents, 0), exchange.currency) })}
              </p>
              <button type="button" className="btn btn-danger btn-xl" data-testid="exchange-submit" disabled={busy || reason.trim().length < 3} onClick={() => void confirmExchange()}>
                {t('return.exchangeSubmit')}
              </button>
            </div>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
