// The receipt for a paid sale, from receipt:get (main's record, not the screen's memory of it). Tenders are
// named as people say them (wallet.ts); refunds and change are listed; gateway codes and order numbers are not
// (the sale number and a wallet code's last 4 digits find the sale again for a refund).
import { useEffect, useState } from 'react';
import type { ChannelResponse } from '../../preload/contract.js';
import { refundHoldsMoney } from '../../preload/payment-states.js';
import { useApp } from './app-context.js';
import { TaxRows } from './CartList.js';
import { call } from './invoke.js';
import { signedMoney } from './money.js';
import { tenderKey } from './wallet.js';

type Receipt = ChannelResponse<'receipt:get'>;

export function ReceiptView({ saleId }: { saleId: number }) {
  const { t, money, locale, info } = useApp();
  const [receipt, setReceipt] = useState<Receipt | null>(null);

  useEffect(() => {
    let stale = false;
    void call('receipt:get', { saleId }).then((r) => {
      if (!stale && r) setReceipt(r);
    });
    return () => {
      stale = true;
    };
  }, [saleId]);

  if (!receipt) return <p className="hint">{t('common.loading')}</p>;
  const { sale } = receipt;
  const printed = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: info.timeZone }).format(receipt.printedAt);
  const paid = sale.attempts.filter((a) => a.phase === 'paid');
  const refunds = sale.refunds.filter((r) => refundHoldsMoney(r.state));
  const tenderOf = (attemptId: number) => sale.attempts.find((a) => a.id === attemptId);
  return (
    <article className="receipt" data-testid="receipt" aria-label={t('receipt.title')}>
      <header className="receipt-head">
        {receipt.storeName ? <strong>{receipt.storeName}</strong> : null}
        <span>
          {t('receipt.terminal')} {receipt.terminalId} · {t('receipt.saleNo', { id: sale.id })}
        </span>
        <span>{printed}</span>
        {receipt.gstNumber ? <span data-testid="receipt-gst-number">{t('receipt.gstNumber', { number: receipt.gstNumber })}</span> : null}
        {receipt.qstNumber ? <span data-testid="receipt-qst-number">{t('receipt.qstNumber', { number: receipt.qstNumber })}</span> : null}
        {receipt.training ? <strong className="receipt-training">{t('receipt.training')}</strong> : null}
      </header>
      <ul className="receipt-lines">
        {sale.lines.map((line) => (
          <li key={line.lineNo}>
            <span>
              {line.quantity} × {line.name}
            </span>
            <span>{money(line.lineTotalCents, sale.currency)}</span>
          </li>
        ))}
      </ul>
      {sale.taxes.length > 0 ? (
        <div className="receipt-taxes">
          <TaxRows sale={sale} rowClass="receipt-tax" />
        </div>
      ) : null}
      <div className="receipt-total">
        <span>{t('cart.total')}</span>
        <span data-testid="receipt-total">{money(sale.totalCents, sale.currency)}</span>
      </div>
      {/* Cash rounding is its own line: the total, then what the 5¢ rounding changed, then the cash taken. */}
      {paid.filter((a) => a.roundingCents !== 0).map((a) => (
        <div key={`rounding-${a.id}`} className="receipt-tax receipt-rounding" data-testid="receipt-rounding">
          <span>{t('cash.rounding')}</span>
          <span>{signedMoney(a.roundingCents, (c) => money(c, a.currency))}</span>
        </div>
      ))}
      <ul className="receipt-tenders">
        {paid.map((a) => (
          <li key={a.id}>
            <span>
              {t(tenderKey(a))}
              {a.codeLast4 ? ` ···${a.codeLast4}` : ''}
              {a.cashTenderedCents !== null ? ` (${t('cash.tendered')} ${money(a.cashTenderedCents, a.currency)})` : ''}
            </span>
            <span>{money(a.amountCents, a.currency)}</span>
          </li>
        ))}
        {paid.filter((a) => a.changeCents).map((a) => (
          <li key={`change-${a.id}`} className="receipt-change" data-testid="receipt-change">
            <span>{t('cash.changeDue')}</span>
            <span>{money(a.changeCents ?? 0, a.currency)}</span>
          </li>
        ))}
        {refunds.map((r) => {
          const from = tenderOf(r.attemptId);
          return (
            <li key={`refund-${r.id}`} className="receipt-refund" data-testid="receipt-refund">
              <span>
                {t('receipt.refund')}
                {from ? ` · ${t(tenderKey(from))}` : ''}
                {r.state === 'succeeded' ? '' : ` (${t(`refundState.${r.state}`)})`}
              </span>
              <span>−{money(r.amountCents, sale.currency)}</span>
            </li>
          );
        })}
      </ul>
    </article>
  );
}
