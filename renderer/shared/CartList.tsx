// The sale's lines. Editable at the till (quantity steppers, remove), read-only on the customer display and
// while a payment holds the sale. A long name wraps; the price and line total are never cut. When a line is
// added the list scrolls to it, so the cashier sees what was just scanned.
import { useEffect, useRef } from 'react';
import type { SaleView } from '../../preload/contract.js';
import { useApp } from './app-context.js';
import { discountText } from './discount-format.js';
import { formatTaxRate, signedMoney } from './money.js';

interface Props {
  sale: SaleView;
  editable: boolean;
  /** Controls stay visible but inert while a change is in flight (no flicker, no double step). */
  disabled?: boolean;
  onQuantity?: (lineNo: number, quantity: number) => void;
  onRemove?: (lineNo: number) => void;
  /** The till only: opens the discount panel for a line (renderer/cashier/DiscountPanel.tsx). */
  onDiscount?: (lineNo: number) => void;
}

export function CartList({ sale, editable, disabled = false, onQuantity, onRemove, onDiscount }: Props) {
  const { t, money, locale } = useApp();
  const list = useRef<HTMLUListElement>(null);
  const newest = sale.lines.reduce((max, line) => Math.max(max, line.lineNo), 0);
  // Starts at 0 so a screen opened on a long sale shows its newest line too.
  const seen = useRef({ saleId: sale.id, newest: 0 });

  useEffect(() => {
    const before = seen.current;
    seen.current = { saleId: sale.id, newest };
    if (before.saleId === sale.id && newest <= before.newest) return;
    const el = list.current?.querySelector<HTMLElement>(`[data-line-no="${newest}"]`);
    el?.scrollIntoView?.({ block: 'nearest' });
  }, [sale.id, newest]);

  if (sale.lines.length === 0) return <p className="cart-empty">{t('cart.empty')}</p>;
  return (
    <ul className={`cart-lines${editable && onQuantity && onRemove ? ' cart-lines-editable' : ''}`} ref={list}>
      {sale.lines.map((line) => (
        <li key={line.lineNo} className="cart-line" data-testid="sale-line" data-sku={line.sku} data-line-no={line.lineNo}>
          <div className="cart-line-main">
            <span className="cart-line-name">{line.name}</span>
            <span className="cart-line-unit">
              {line.quantity} × {money(line.unitPriceCents, sale.currency)}
            </span>
            {line.catalogPriceCents !== null ? (
              <span className="cart-line-note" data-testid="line-price-override">{t('discount.priceWas', { price: money(line.catalogPriceCents, sale.currency) })}</span>
            ) : null}
            {line.lineDiscount ? (
              <span className="cart-line-note cart-line-discount" data-testid="line-discount">
                {t('discount.line')} <span className="nowrap">{discountText(line.lineDiscount, (c) => money(c, sale.currency), locale)}</span>
              </span>
            ) : null}
          </div>
          {editable && onQuantity && onRemove ? (
            <div className="cart-line-edit">
              <button
                type="button"
                className="btn btn-step"
                aria-label={t('cart.decrease')}
                disabled={disabled || line.quantity <= 1}
                onClick={() => onQuantity(line.lineNo, line.quantity - 1)}
              >
                −
              </button>
              <span className="cart-line-qty" aria-label={t('cart.quantity')}>{line.quantity}</span>
              <button type="button" className="btn btn-step" aria-label={t('cart.increase')} disabled={disabled} onClick={() => onQuantity(line.lineNo, line.quantity + 1)}>
                +
              </button>
              <button type="button" className="btn btn-step btn-danger" aria-label={t('cart.remove')} disabled={disabled} onClick={() => onRemove(line.lineNo)}>
                ✕
              </button>
              {onDiscount ? (
                <button type="button" className="btn btn-step" data-testid="line-discount-open" aria-label={t('discount.lineButton')} disabled={disabled} onClick={() => onDiscount(line.lineNo)}>
                  %
                </button>
              ) : null}
            </div>
          ) : null}
          <span className="cart-line-total">{money(line.lineTotalCents, sale.currency)}</span>
        </li>
      ))}
    </ul>
  );
}

/** "HST 13%", "TPS 5 %": a tax line's words, in the screen's language (docs/register.md). */
export function useTaxLabel(): (tax: SaleView['taxes'][number]) => string {
  const { t, locale } = useApp();
  return (tax) => t('tax.line', { tax: t(`tax.${tax.code}`), rate: formatTaxRate(tax.ratePer100k, locale) });
}

/** The subtotal and each tax of a taxed sale, as the cart, the customer display and the receipt show them. */
export function TaxRows({ sale, rowClass }: { sale: SaleView; rowClass: string }) {
  const { t, money } = useApp();
  const label = useTaxLabel();
  if (sale.taxes.length === 0) return null;
  return (
    <>
      <div className={rowClass} data-testid="sale-subtotal-row">
        <span>{t('cart.subtotal')}</span>
        <span data-testid="sale-subtotal">{money(sale.subtotalCents, sale.currency)}</span>
      </div>
      {sale.taxes.map((tax) => (
        <div key={`${tax.code}-${tax.ratePer100k}`} className={rowClass} data-testid="sale-tax" data-code={tax.code} data-rate={tax.ratePer100k}>
          <span>{label(tax)}</span>
          <span data-testid="sale-tax-amount">{money(tax.amountCents, sale.currency)}</span>
        </div>
      ))}
      {sale.pricesIncludeTax ? <div className={`${rowClass} sale-total-note`}><span>{t('cart.taxesIncluded')}</span></div> : null}
    </>
  );
}

/** Subtotal and taxes, the total, then what was paid, what a payment being checked may still pay, what is due, and anything paid over. */
export function SaleTotals({ sale }: { sale: SaleView }) {
  const { t, money, locale } = useApp();
  const split = sale.paidCents > 0 || sale.heldCents > 0;
  return (
    <div className="sale-totals">
      {sale.saleDiscount ? (
        <div className="sale-total-row sale-total-discount" data-testid="sale-discount-row">
          <span>{t('cart.saleDiscount')}</span>
          <span data-testid="sale-discount">{discountText(sale.saleDiscount, (c) => money(c, sale.currency), locale)}</span>
        </div>
      ) : null}
      <TaxRows sale={sale} rowClass="sale-total-row sale-total-tax" />
      <div className="sale-total-row sale-total-main">
        <span>{t('cart.total')}</span>
        <span data-testid="sale-total">{money(sale.totalCents, sale.currency)}</span>
      </div>
      {sale.roundingCents !== 0 ? (
        <div className="sale-total-row sale-total-rounding">
          <span>{t('cash.rounding')}</span>
          <span data-testid="sale-rounding">{signedMoney(sale.roundingCents, (c) => money(c, sale.currency))}</span>
        </div>
      ) : null}
      {(sale.credits ?? []).map((c) => (
        // An exchange's credit: returned items of an earlier sale pay this one (docs/register.md "Returns and exchanges").
        <div key={c.returnId} className="sale-total-row sale-total-credit" data-testid="sale-credit-row" data-cents={c.amountCents}>
          <span>{t('exchange.creditRow', { id: c.fromSaleId })}</span>
          <span>−{money(c.amountCents, sale.currency)}</span>
        </div>
      ))}
      {sale.paidCents > 0 ? (
        // The money taken: with cash rounded to 5¢ (the line above), what the customer paid is the total plus the
        // rounding, so Total + Rounding = Paid reads true on the screen (docs/register.md "Cash rounding").
        <div className="sale-total-row">
          <span>{t('cart.paid')}</span>
          <span data-testid="sale-paid">{money(sale.paidCents + sale.roundingCents, sale.currency)}</span>
        </div>
      ) : null}
      {sale.heldCents > 0 ? (
        <div className="sale-total-row sale-total-held">
          <span>{t('cart.held')}</span>
          <span data-testid="sale-held">{money(sale.heldCents, sale.currency)}</span>
        </div>
      ) : null}
      {split ? (
        <div className="sale-total-row sale-total-due">
          <span>{t('cart.due')}</span>
          <span data-testid="sale-due">{money(sale.dueCents, sale.currency)}</span>
        </div>
      ) : null}
      {sale.overpaidCents > 0 ? (
        <div className="sale-total-row sale-total-over">
          <span>{t('cart.overpaid')}</span>
          <span data-testid="sale-overpaid">{money(sale.overpaidCents, sale.currency)}</span>
        </div>
      ) : null}
    </div>
  );
}
