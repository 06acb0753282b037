// Receipts (docs/printing.md "Reprints"): find a sale by its number, its receipt code (scanned: RT1-42) or a
// wallet code's last 4 digits, and print its receipt again; the copy says REPRINT and the request is journaled.
import { useCallback, useEffect, useState } from 'react';
import type { ChannelResponse } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';
import { pushToast } from '../shared/toast-store.js';
import { useManagerCall } from './manager-api.js';

type Found = ChannelResponse<'receipt:find'>;

export function ReceiptsPanel() {
  const { t, money, locale, info } = useApp();
  const mcall = useManagerCall();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [busy, setBusy] = useState(false);

  const find = useCallback(async (q: string) => {
    const result = await mcall('receipt:find', { query: q });
    if (result) setFound(result);
  }, [mcall]);

  useEffect(() => {
    void find('');
  }, [find]);

  const reprint = async (saleId: number) => {
    setBusy(true);
    const r = await mcall('receipt:reprint', { saleId });
    setBusy(false);
    if (r) pushToast(t('printer.reprintQueued', { id: r.saleId }), 'info');
  };

  const time = (ms: number) => new Intl.DateTimeFormat(locale, { timeStyle: 'short', dateStyle: 'short', timeZone: info.timeZone }).format(ms);
  return (
    <section className="tab-body receipts-panel" data-testid="receipts-panel">
      <form className="row" onSubmit={(e) => { e.preventDefault(); void find(query); }}>
        <label className="field-label">
          {t('receipts.query')}
          <input className="field" data-testid="receipts-query" value={query} maxLength={40} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <button type="submit" className="btn btn-lg" data-testid="receipts-find">{t('receipts.find')}</button>
      </form>
      {found && found.length === 0 ? <p className="hint">{t('receipts.none')}</p> : null}
      <ul className="receipts-list">
        {(found ?? []).map((s) => (
          <li key={s.saleId} className="panel" data-testid="receipts-sale" data-sale-id={s.saleId}>
            <span>
              {t('receipt.saleNo', { id: s.saleId })} · {time(s.createdAt)} · {money(s.totalCents, s.currency)}
            </span>
            <button type="button" className="btn btn-primary" data-testid="receipts-reprint" disabled={busy} onClick={() => void reprint(s.saleId)}>
              {t('printer.reprint')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
