// Manager → Totals → Whole store (docs/store.md): the store database's totals for a store day, per terminal, channel,
// tender and cashier, the taxes, each terminal's sync state (a terminal that is behind says so), the needs-action
// list across terminals, and the store day close (refused while a terminal is behind or checking, unless a manager
// overrides with a reason; the override is journaled in main).
import { useCallback, useEffect, useState } from 'react';
import type { ChannelResponse } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';
import { channelKey } from '../shared/wallet.js';
import { TotalsTable } from './TotalsTable.js';
import { useManagerCall } from './manager-api.js';
import { useMayCall } from './manager-may.js';

type Totals = ChannelResponse<'store:totals'>;
type Sync = ChannelResponse<'store:sync'>;
type Day = ChannelResponse<'store:day'>;
type Terminal = Totals['terminals'][number];

export type TotalsScopeName = 'terminal' | 'store';

/** This terminal | Whole store: the switch at the top of Manager → Totals. */
export function TotalsScope({ scope, onChange }: { scope: TotalsScopeName; onChange: (scope: TotalsScopeName) => void }) {
  const { t } = useApp();
  return (
    <div className="tabs" role="tablist">
      {(['terminal', 'store'] as const).map((s) => (
        <button key={s} type="button" role="tab" aria-selected={scope === s} className={`btn${scope === s ? ' is-active' : ''}`} data-testid={`totals-scope-${s}`} onClick={() => onChange(s)}>
          {t(s === 'terminal' ? 'store.scopeTerminal' : 'store.scopeStore')}
        </button>
      ))}
    </div>
  );
}

function SyncCell({ terminal }: { terminal: Terminal }) {
  const { t } = useApp();
  if (terminal.quarantined) return <span className="stat-alert" title={terminal.quarantineReason ?? undefined}>{t('store.quarantined')}</span>;
  if (terminal.lastSyncAt === null) return <span>{t('store.neverSynced')}</span>;
  if (terminal.behind > 0) return <span className="stat-alert">{t('store.eventsBehind', { count: terminal.behind })}</span>;
  return <span>{t('store.upToDate')}</span>;
}

function TerminalsTable({ terminals }: { terminals: Terminal[] }) {
  const { t, locale, info } = useApp();
  // In the store's zone, as every time on the manager screen.
  const when = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium', timeZone: info.timeZone }).format(new Date(iso));
  return (
    <table className="table" data-testid="store-terminals">
      <thead>
        <tr>
          <th>{t('store.terminal')}</th>
          <th>{t('store.lastSync')}</th>
          <th>{t('store.state')}</th>
          <th>{t('store.checking')}</th>
          <th>{t('manager.needsAction')}</th>
        </tr>
      </thead>
      <tbody>
        {terminals.map((x) => (
          <tr key={x.terminalId} data-testid="store-terminal" data-terminal={x.terminalId} data-behind={x.behind}>
            <td>{x.terminalId}</td>
            <td>{x.lastSyncAt ? when(x.lastSyncAt) : '—'}</td>
            <td><SyncCell terminal={x} /></td>
            <td>{x.paymentsChecking}</td>
            <td>{x.needsAction}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function StoreClose({ date }: { date: string }) {
  const { t, money } = useApp();
  const mcall = useManagerCall();
  // A supervisor sees the store Z and what holds the close up; closing it is a manager's (docs/staff.md "The door").
  const mayClose = useMayCall()('store:closeDay');
  const [day, setDay] = useState<Day | null>(null);
  const [reason, setReason] = useState('');
  const load = useCallback(async () => {
    const r = await mcall('store:day', date ? { date } : {});
    if (r) setDay(r);
  }, [mcall, date]);
  useEffect(() => {
    void load();
  }, [load]);
  const close = async (override: boolean) => {
    const r = await mcall('store:closeDay', { ...(date ? { date } : {}), ...(override ? { override: { reason } } : {}) });
    if (r) setDay(r);
  };
  const report = day?.report;
  if (!report) return null;
  return (
    <section data-testid="store-close">
      <h3>{t('store.closeTitle')}</h3>
      <table className="table">
        <thead>
          <tr><th>{t('store.terminal')}</th><th>Z</th><th>{t('store.expected')}</th><th>{t('store.counted')}</th><th>{t('store.difference')}</th></tr>
        </thead>
        <tbody>
          {report.zs.map((z) => (
            <tr key={`${z.terminalId}-${z.zNumber}`} data-testid="store-z">
              <td>{z.terminalId}</td><td>{t('store.zNumber', { number: z.zNumber })}</td>
              <td>{money(z.expectedCashCents, z.cashCurrency)}</td><td>{money(z.countedCashCents, z.cashCurrency)}</td><td>{money(z.differenceCents, z.cashCurrency)}</td>
            </tr>
          ))}
          {report.withoutZ.map((id) => (
            <tr key={id}><td>{id}</td><td colSpan={4}>{t('store.noZ')}</td></tr>
          ))}
        </tbody>
      </table>
      {report.closed ? (
        <p className="hint" data-testid="store-closed">{t(report.overridden ? 'store.closedOverridden' : 'store.closed')}</p>
      ) : (
        <>
          <ul data-testid="store-close-problems">
            {report.problems.map((p) => (
              <li key={`${p.terminalId}-${p.kind}`} className="stat-alert">{t(`store.closeProblem.${p.kind}`, { terminal: p.terminalId, count: p.count })}</li>
            ))}
          </ul>
          {!mayClose ? null : report.problems.length === 0 ? (
            <button type="button" className="btn btn-primary" data-testid="store-close-day" onClick={() => void close(false)}>{t('store.closeDay')}</button>
          ) : (
            <div className="row">
              <input className="field field-grow" data-testid="store-override-reason" placeholder={t('store.overrideReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
              <button type="button" className="btn" data-testid="store-close-anyway" disabled={reason.trim().length < 3} onClick={() => void close(true)}>{t('store.closeAnyway')}</button>
            </div>
          )}
        </>
      )}
    </section>
  );
}

export function StoreTotals() {
  const { t, money } = useApp();
  const mcall = useManagerCall();
  const [date, setDate] = useState('');
  const [totals, setTotals] = useState<Totals | null>(null);
  const [sync, setSync] = useState<Sync | null>(null);

  const load = useCallback(async () => {
    const [tot, own] = await Promise.all([mcall('store:totals', date ? { date } : {}), mcall('store:sync', {})]);
    if (tot) setTotals(tot);
    if (own) setSync(own);
  }, [mcall, date]);
  useEffect(() => {
    void load();
  }, [load]);

  const channelName = (code: string) => t(channelKey(code));
  // Tenders as the till names them (wallet scan and wallet QR are both "Wallet"); an unknown one as it is.
  const tenderName = (tender: string) => (tender === 'cash' ? t('tender.cash') : tender === 'card' ? t('tender.card') : tender.startsWith('wallet') ? t('tender.wallet') : tender);
  return (
    <div data-testid="store-totals">
      <div className="row">
        <label className="field-label">
          {t('manager.storeDay')}
          <input type="date" className="field" value={date || totals?.storeDay || ''} onChange={(e) => setDate(e.target.value)} />
        </label>
        <button type="button" className="btn" onClick={() => void load()}>↻ {t('common.refresh')}</button>
      </div>
      {sync?.configured ? (
        <p className="hint" data-testid="store-own-sync">{sync.failing ? t('store.thisTerminalFailing') : t('store.thisTerminal', { unsent: sync.unsent })}</p>
      ) : null}
      {totals?.problem ? <p className="hint hint-lg" data-testid="store-problem" data-problem={totals.problem}>{t(`store.problem.${totals.problem}`)}</p> : null}
      {totals && !totals.problem ? (
        <>
          <div className="stat-row">
            <div className="stat">
              <span>{t('manager.net')}</span>
              <strong data-testid="store-net">{totals.byCurrency.length === 0 ? money(0) : totals.byCurrency.map((c) => money(c.netCents, c.currency)).join(' · ')}</strong>
            </div>
            <div className="stat">
              <span>{t('manager.payments')}</span>
              <strong data-testid="store-payments">{totals.byCurrency.reduce((n, c) => n + c.paymentCount, 0)}</strong>
            </div>
            <div className="stat">
              <span>{t('manager.refunds')}</span>
              <strong>{totals.byCurrency.map((c) => money(c.refundCents, c.currency)).join(' · ') || money(0)}</strong>
            </div>
            <div className={`stat${totals.needsAction.length > 0 ? ' stat-alert' : ''}`}>
              <span>{t('manager.needsAction')}</span>
              <strong>{totals.needsAction.length}</strong>
            </div>
          </div>
          <p className="hint" data-testid="store-taxes">
            {t('store.taxes')}: {totals.taxes.filter((x) => x.collectedCents !== 0 || x.refundedCents !== 0).map((x) => `${x.code} ${money(x.collectedCents, x.currency)}${x.refundedCents > 0 ? ` (${t('manager.taxRefunded')} −${money(x.refundedCents, x.currency)})` : ''}`).join(' · ') || money(0)}
            {totals.sales.map((x) => ` · ${t('store.netSales')} ${money(x.netSalesCents, x.currency)}`).join('')}
            {totals.sales.filter((x) => x.discountCents > 0).map((x) => ` · ${t('manager.discounts')} −${money(x.discountCents, x.currency)}`).join('')}
          </p>
          <TerminalsTable terminals={totals.terminals} />
          <TotalsTable heading={t('store.terminal')} lines={totals.byTerminal} testIdPrefix="terminal" />
          <TotalsTable heading={t('manager.channel')} lines={totals.byChannel} name={channelName} />
          <TotalsTable heading={t('store.tender')} lines={totals.byTender} name={tenderName} />
          <TotalsTable heading={t('manager.cashier')} lines={totals.byCashier} />
          {totals.needsAction.length > 0 ? (
            <table className="table" data-testid="store-needs-action">
              <caption>{t('store.needsActionList')}</caption>
              <tbody>
                {totals.needsAction.map((n) => (
                  <tr key={`${n.terminalId}-${n.attemptId}`}><td>{n.terminalId}</td><td>{channelName(n.channel)}</td><td>{money(n.amountCents, n.currency)}</td></tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <StoreClose date={date || totals.storeDay} />
        </>
      ) : null}
    </div>
  );
}
