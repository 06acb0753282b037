// The sales still parked when the Z was taken (docs/register.md "Held sales"): listed with the Z (sale number, cashier,
// amount), never counted as sales; they stay parked for the next day.
import type { ChannelResponse } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';

type Parked = ChannelResponse<'report:closeDay'>['parkedSales'];

export function ParkedAtClose({ parked }: { parked: Parked }) {
  const { t, money } = useApp();
  if (parked.length === 0) return null;
  return (
    <dl className="z-report" data-testid="z-parked">
      <dt style={{ gridColumn: '1 / -1' }}>{t('manager.parkedAtClose')}</dt>
      {parked.map((p) => (
        <div key={p.saleId} data-testid="z-parked-row" data-sale={p.saleId} style={{ display: 'contents' }}>
          <dt style={{ fontWeight: 'normal' }}>
            {t('park.sale', { id: p.saleId })} · {p.cashier}
          </dt>
          <dd data-testid="z-parked-amount">{money(p.totalCents, p.currency)}</dd>
        </div>
      ))}
    </dl>
  );
}
