// Exchanges and returns without a receipt at the counter (docs/register.md "Returns and exchanges"). Exchange: the
// cashier rings up the new items, then scans or types the old receipt's code (or its sale number), picks the lines
// coming back, and a supervisor or manager types their PIN; the credit then shows on the open sale as its own row
// and the customer pays only the difference with any tender (or main gives it back on the old tenders). Without a
// receipt: catalog items, a reason and a manager's PIN; cash back. Every amount is main's; the screen only shows it.
import { useEffect, useRef, useState } from 'react';
import type { ChannelResponse, IpcError, SaleView } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';
import { invokeRaw } from '../shared/invoke.js';
import { RefusalLine } from '../shared/RefusalLine.js';
import '../shared/staff.css';
import { PinField, isPin } from './PinField.js';

interface Props {
  sale: SaleView;
  /** The cart is busy (a payment holds the sale): nothing new starts. */
  locked: boolean;
  onSale: (sale: SaleView) => void;
}

/** The two buttons, and whichever dialog is open. */
export function ExchangePanel({ sale, locked, onSale }: Props) {
  const { t } = useApp();
  const [open, setOpen] = useState<'exchange' | 'no-receipt' | null>(null);
  if (sale.status !== 'open') return null;
  const done = async () => {
    setOpen(null);
    const fresh = await invokeRaw('sale:current', {});
    if (fresh.ok) onSale(fresh.value);
  };
  return (
    <div className="row till-returns">
      <button type="button" className="btn" data-testid="exchange-open" disabled={locked} onClick={() => setOpen('exchange')}>
        {t('exchange.open')}
      </button>
      <button type="button" className="btn" data-testid="no-receipt-open" disabled={locked} onClick={() => setOpen('no-receipt')}>
        {t('noReceipt.open')}
      </button>
      {open === 'exchange' ? <ExchangeDialog onClose={() => setOpen(null)} onDone={() => void done()} /> : null}
      {open === 'no-receipt' ? <NoReceiptDialog onClose={() => setOpen(null)} onDone={() => void done()} /> : null}
    </div>
  );
}

type ExchangeQuote = ChannelResponse<'exchange:quote'>;

function ExchangeDialog({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { t, money } = useApp();
  const [query, setQuery] = useState('');
  const [old, setOld] = useState<SaleView | null>(null);
  const [picked, setPicked] = useState<Record<number, number>>({});
  const [quote, setQuote] = useState<ExchangeQuote | null>(null);
  const [reason, setReason] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const seq = useRef(0);

  const chosen = Object.entries(picked).filter(([, q]) => q > 0).map(([lineNo, quantity]) => ({ lineNo: Number(lineNo), quantity }));
  const chosenKey = JSON.stringify(chosen);

  useEffect(() => {
    const mine = ++seq.current;
    const lines = JSON.parse(chosenKey) as Array<{ lineNo: number; quantity: number }>;
    if (!old || lines.length === 0) {
      setQuote(null);
      return;
    }
    void invokeRaw('exchange:quote', { saleId: old.id, lines }).then((r) => {
      if (mine !== seq.current) return;
      setQuote(r.ok ? r.value : null);
      setError(r.ok ? null : r.error);
    });
  }, [chosenKey, old]);

  const find = async () => {
    if (query.trim() === '') return;
    setBusy(true);
    const r = await invokeRaw('exchange:findSale', { query: query.trim() });
    setBusy(false);
    setError(r.ok ? null : r.error);
    if (r.ok) {
      setOld(r.value);
      setPicked({});
    }
  };

  const confirm = async () => {
    if (!old || !quote || !isPin(pin) || reason.trim().length < 3) return;
    setBusy(true);
    const r = await invokeRaw('exchange:confirm', { saleId: old.id, lines: chosen, reason: reason.trim(), pin });
    setBusy(false);
    setPin('');
    if (r.ok) return onDone();
    setError(r.error);
  };

  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" aria-labelledby="exchange-title">
      <div className="modal approve shift-modal" data-testid="exchange-dialog">
        <h2 id="exchange-title">{t('exchange.title')}</h2>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void find();
          }}
        >
          {/* A receipt scanner is a keyboard wedge: the code lands here, with Enter (use-wedge.ts leaves this field's keys to it). */}
          <input className="field" data-testid="exchange-search" data-wedge="own" autoFocus placeholder={t('exchange.search')} aria-label={t('exchange.search')} value={query} maxLength={64} onChange={(e) => setQuery(e.target.value)} />
          <button type="submit" className="btn btn-lg" data-testid="exchange-find" disabled={busy}>
            {t('exchange.find')}
          </button>
        </form>
        {old ? (
          <table className="table" data-testid="exchange-lines" data-sale-id={old.id}>
            <caption>{t('exchange.sale', { id: old.id })}</caption>
            <tbody>
              {old.lines.map((line) => {
                const left = line.quantity - (line.returnedQuantity ?? 0);
                const qty = picked[line.lineNo] ?? 0;
                return (
                  <tr key={line.lineNo} data-testid="exchange-line" data-line-no={line.lineNo} data-left={left}>
                    <td>
                      {line.name} <span className="muted">× {line.quantity}</span>
                      {left < line.quantity ? <span className="muted"> · {left === 0 ? t('return.allReturned') : t('return.returnedCount', { count: line.quantity - left })}</span> : null}
                    </td>
                    <td>{money(line.lineTotalCents - line.discountCents, old.currency)}</td>
                    <td>
                      {left === 0 ? null : (
                        <label>
                          {t('return.quantity')}{' '}
                          <input
                            className="field field-qty"
                            type="number"
                            data-testid="exchange-line-qty"
                            min={0}
                            max={left}
                            value={qty}
                            disabled={busy}
                            onChange={(e) => setPicked((p) => ({ ...p, [line.lineNo]: Math.max(0, Math.min(left, Math.trunc(Number(e.target.value) || 0))) }))}
                          />
                        </label>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : null}
        {quote ? (
          <div data-testid="exchange-quote" data-credit={quote.creditCents} data-still-due={quote.stillDueCents}>
            <p>{t('return.exchangeCredit', { id: quote.newSaleId, total: money(quote.newSaleTotalCents, quote.currency), credit: money(quote.creditCents, quote.currency) })}</p>
            <p className="money-strong">
              {quote.stillDueCents > 0
                ? t('return.exchangeDue', { amount: money(quote.stillDueCents, quote.currency) })
                : t('return.exchangeBack', { amount: money(quote.tenders.reduce((s, x) => s + x.amountCents, 0), quote.currency) })}
            </p>
            <label className="field-label">
              {t('refund.reason')}
              <input className="field" data-testid="exchange-reason" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
            </label>
            <PinField testId="exchange-pin" label={t('exchange.pin')} value={pin} onChange={setPin} disabled={busy} />
          </div>
        ) : null}
        <RefusalLine error={error} testId="exchange-error" />
        <div className="row row-stretch">
          <button type="button" className="btn btn-lg" data-testid="exchange-cancel" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="btn btn-primary btn-lg" data-testid="exchange-submit" disabled={busy || !quote || !isPin(pin) || reason.trim().length < 3} onClick={() => void confirm()}>
            {t('return.exchangeSubmit')}
          </button>
        </div>
      </div>
    </div>
  );
}

type Product = ChannelResponse<'catalog:search'>[number];
type NoReceiptQuote = ChannelResponse<'return:quoteNoReceipt'>;

function NoReceiptDialog({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { t, money } = useApp();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Product[]>([]);
  const [items, setItems] = useState<Array<{ code: string; name: string; quantity: number }>>([]);
  const [quote, setQuote] = useState<NoReceiptQuote | null>(null);
  const [reason, setReason] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const [paidBack, setPaidBack] = useState<ChannelResponse<'return:noReceipt'> | null>(null);
  const seq = useRef(0);
  const itemsKey = JSON.stringify(items.map((i) => ({ code: i.code, quantity: i.quantity })));

  useEffect(() => {
    const mine = ++seq.current;
    const wanted = JSON.parse(itemsKey) as Array<{ code: string; quantity: number }>;
    if (wanted.length === 0) {
      setQuote(null);
      return;
    }
    void invokeRaw('return:quoteNoReceipt', { items: wanted }).then((r) => {
      if (mine !== seq.current) return;
      setQuote(r.ok ? r.value : null);
      setError(r.ok ? null : r.error);
    });
  }, [itemsKey]);

  const search = async () => {
    const typed = query.trim();
    const r = await invokeRaw('catalog:search', { query: typed });
    const list = r.ok ? r.value.slice(0, 6) : [];
    // A scanned barcode (or an exact SKU) is that item: added at once. GTIN-8/12/13/14 differ by leading zeros.
    const digits = typed.replace(/[\s-]/g, '').replace(/^0+/, '');
    const exact = list.find((p) => p.sku === typed || (/^\d{8,14}$/.test(typed.replace(/[\s-]/g, '')) && p.gtin.replace(/^0+/, '') === digits));
    if (exact) return add(exact);
    setFound(list);
  };
  const add = (p: Product) => {
    setItems((list) => (list.some((i) => i.code === p.sku) ? list : [...list, { code: p.sku, name: p.name, quantity: 1 }]));
    setFound([]);
    setQuery('');
  };
  const submit = async () => {
    if (!quote || !isPin(pin) || reason.trim().length < 3) return;
    setBusy(true);
    const r = await invokeRaw('return:noReceipt', { items: items.map((i) => ({ code: i.code, quantity: i.quantity })), reason: reason.trim(), pin });
    setBusy(false);
    setPin('');
    if (r.ok) setPaidBack(r.value);
    else setError(r.error);
  };

  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" aria-labelledby="no-receipt-title">
      <div className="modal approve shift-modal" data-testid="no-receipt-dialog">
        <h2 id="no-receipt-title">{t('noReceipt.title')}</h2>
        {paidBack ? (
          <>
            <p className="money-strong" data-testid="no-receipt-done" data-cents={paidBack.cashBackCents}>
              {t('noReceipt.done', { amount: money(paidBack.cashBackCents, paidBack.currency) })}
            </p>
            <button type="button" className="btn btn-primary btn-xl" data-testid="no-receipt-close" onClick={onDone}>
              {t('common.ok')}
            </button>
          </>
        ) : (
          <>
            <p className="hint">{t('return.noReceiptHint')}</p>
            <form
              className="row"
              onSubmit={(e) => {
                e.preventDefault();
                void search();
              }}
            >
              <input className="field" data-testid="no-receipt-search" data-wedge="own" autoFocus placeholder={t('noReceipt.search')} aria-label={t('noReceipt.search')} value={query} maxLength={64} onChange={(e) => setQuery(e.target.value)} />
              <button type="submit" className="btn btn-lg" data-testid="no-receipt-find">
                {t('exchange.find')}
              </button>
            </form>
            {found.length > 0 ? (
              <div className="row" data-testid="no-receipt-found">
                {found.map((p) => (
                  <button key={p.sku} type="button" className="btn" data-testid="no-receipt-pick" data-sku={p.sku} onClick={() => add(p)}>
                    {p.name} · {money(p.priceCents, quote?.currency ?? 'CAD')}
                  </button>
                ))}
              </div>
            ) : null}
            {items.length > 0 ? (
              <table className="table">
                <tbody>
                  {items.map((i) => (
                    <tr key={i.code} data-testid="no-receipt-item" data-sku={i.code}>
                      <td>{i.name}</td>
                      <td>
                        <label>
                          {t('return.quantity')}{' '}
                          <input
                            className="field field-qty"
                            type="number"
                            data-testid="no-receipt-qty"
                            min={1}
                            max={999}
                            value={i.quantity}
                            onChange={(e) => setItems((list) => list.map((x) => (x.code === i.code ? { ...x, quantity: Math.max(1, Math.min(999, Math.trunc(Number(e.target.value) || 1))) } : x)))}
                          />
                        </label>
                      </td>
                      <td>
                        <button type="button" className="btn" onClick={() => setItems((list) => list.filter((x) => x.code !== i.code))}>
                          {t('return.removeItem')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {quote ? (
              <div data-testid="no-receipt-quote" data-cents={quote.cashBackCents}>
                <p className="money-strong">{t('return.back', { amount: money(quote.cashBackCents, quote.currency) })}</p>
                <label className="field-label">
                  {t('refund.reason')}
                  <input className="field" data-testid="no-receipt-reason" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
                </label>
                <PinField testId="no-receipt-pin" label={t('noReceipt.pin')} value={pin} onChange={setPin} disabled={busy} />
              </div>
            ) : null}
            <RefusalLine error={error} testId="no-receipt-error" />
            <div className="row row-stretch">
              <button type="button" className="btn btn-lg" data-testid="no-receipt-cancel" onClick={onClose}>
                {t('common.cancel')}
              </button>
              <button type="button" className="btn btn-danger btn-lg" data-testid="no-receipt-submit" disabled={busy || !quote || !isPin(pin) || reason.trim().length < 3} onClick={() => void submit()}>
                {t('return.noReceiptSubmit')}
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
