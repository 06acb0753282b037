// The register's part of the totals and of the Z, per currency: net sales before tax, each tax collected (and
// refunded, apportioned by main: docs/register.md "In the reports"), and what 5¢ cash rounding changed.
import type { ChannelResponse } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';
import { signedMoney } from '../shared/money.js';

type Register = ChannelResponse<'report:dailyTotals'>['register'];

export function RegisterTotals({ register, testId }: { register: Register; testId: string }) {
  const { t, money } = useApp();
  if (register.length === 0) return null;
  return (
    <>
      {register.map((r) => (
        <dl key={r.currency} className="z-report register-totals" data-testid={testId} data-currency={r.currency}>
          <dt>{t('manager.netSales')}</dt>
          <dd data-testid={`${testId}-net-sales`}>{money(r.netSalesCents, r.currency)}</dd>
          {r.discountCents > 0 ? (
            <>
              <dt>{t('manager.discounts')}</dt>
              <dd data-testid={`${testId}-discounts`}>−{money(r.discountCents, r.currency)}</dd>
            </>
          ) : null}
          {r.taxes.map((tax) => (
            <div key={tax.code} className="register-tax" data-testid={`${testId}-tax`} data-code={tax.code}>
              <dt>{t('manager.taxCollected', { tax: t(`tax.${tax.code}`) })}</dt>
              <dd>
                {money(tax.collectedCents, r.currency)}
                {tax.refundedCents > 0 ? ` (${t('manager.taxRefunded')} −${money(tax.refundedCents, r.currency)})` : ''}
              </dd>
            </div>
          ))}
          <dt>{t('manager.cashRounding')}</dt>
          <dd data-testid={`${testId}-rounding`}>{r.roundingCents === 0 ? money(0, r.currency) : signedMoney(r.roundingCents, (c) => money(c, r.currency))}</dd>
        </dl>
      ))}
    </>
  );
}
