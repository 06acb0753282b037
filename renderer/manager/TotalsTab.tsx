// Daily totals for a store day (today by default): net by currency, sales by hour and by channel.
import { useCallback, useEffect, useState } from 'react';
import type { ChannelResponse } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';
import { channelKey } from '../shared/wallet.js';
import { BarChart } from './BarChart.js';
import { RegisterTotals } from './RegisterTotals.js';
import { TotalsTable } from './TotalsTable.js';
import { useManagerCall } from './manager-api.js';
import { StoreTotals, TotalsScope, type TotalsScopeName } from './StoreTotals.js';

type Totals = ChannelResponse<'report:dailyTotals'>;

export function TotalsTab() {
  const { t, money } = useApp();
  const mcall = useManagerCall();
  const [date, setDate] = useState('');
  const [totals, setTotals] = useState<Totals | null>(null);
  const [scope, setScope] = useState<TotalsScopeName>('terminal');

  const load = useCallback(async () => {
    const result = await mcall('report:dailyTotals', date ? { date } : {});
    if (result) setTotals(result);
  }, [mcall, date]);

  useEffect(() => {
    void load();
  }, [load]);

  const hours = Array.from({ length: 24 }, (_, hour) => ({
    label: String(hour).padStart(2, '0'),
    value: totals?.byHour.find((b) => b.hour === hour)?.grossCents ?? 0,
  }));
  // Rows are keyed by the gateway's channel code (`data-channel`); people read the words (wallet.ts).
  const channelName = (code: string) => t(channelKey(code));

  return (
    <section className="tab-body">
      <TotalsScope scope={scope} onChange={setScope} />
      {scope === 'store' ? <StoreTotals /> : (<>
      <div className="row">
        <label className="field-label">
          {t('manager.storeDay')}
          <input type="date" className="field" value={date || totals?.storeDay || ''} onChange={(e) => setDate(e.target.value)} />
        </label>
        <button type="button" className="btn" onClick={() => void load()}>
          ↻ {t('common.refresh')}
        </button>
      </div>
      {totals ? (
        <>
          <div className="stat-row">
            <div className="stat">
              <span>{t('manager.net')}</span>
              <strong data-testid="totals-net">
                {totals.byCurrency.length === 0 ? money(0) : totals.byCurrency.map((c) => money(c.netCents, c.currency)).join(' · ')}
              </strong>
            </div>
            <div className="stat">
              <span>{t('manager.payments')}</span>
              <strong data-testid="totals-payments">{totals.byCurrency.reduce((n, c) => n + c.paymentCount, 0)}</strong>
            </div>
            <div className="stat">
              <span>{t('manager.refunds')}</span>
              <strong data-testid="totals-refunds">{totals.byCurrency.map((c) => money(c.refundCents, c.currency)).join(' · ') || money(0)}</strong>
            </div>
            <div className={`stat${totals.needsActionCount > 0 ? ' stat-alert' : ''}`}>
              <span>{t('manager.needsAction')}</span>
              <strong>{totals.needsActionCount}</strong>
            </div>
            <div className="stat">
              <span>{t('manager.pending')}</span>
              <strong>{totals.pendingCount}</strong>
            </div>
          </div>
          <RegisterTotals register={totals.register} testId="totals-register" />
          <BarChart title={t('manager.byHour', { zone: totals.timeZone })} bars={hours} format={(v) => money(v)} labelEvery={3} />
          <BarChart
            title={t('manager.byChannel')}
            bars={totals.byChannel.map((c) => ({ label: channelName(c.label), value: Math.max(0, c.netCents) }))}
            format={(v) => money(v)}
          />
          {/* The chart's numbers as a table: payments and refunds per channel, counts included. */}
          <TotalsTable
            heading={t('manager.channel')}
            lines={totals.byChannel}
            testIdPrefix="channel"
            name={channelName}
          />
          <TotalsTable heading={t('manager.cashier')} lines={totals.byCashier} testIdPrefix="cashier" />
        </>
      ) : null}
      </>)}
    </section>
  );
}
