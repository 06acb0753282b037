// The manager screen: PIN first, then the back-office tabs. The session token is held in this component's
// state only; Lock (or a SESSION_EXPIRED refusal) drops it.
import { useCallback, useMemo, useState } from 'react';
import type { AttemptView } from '../../preload/contract.js';
import { AppShell } from '../shared/AppShell.js';
import { useApp } from '../shared/app-context.js';
import { call } from '../shared/invoke.js';
import type { MessageKey } from '../shared/i18n/translate.js';
import { CloseDayTab } from './CloseDayTab.js';
import { ManagerCallContext, makeManagerCall, type ManagerChannel } from './manager-api.js';
import { ManagerMayContext } from './manager-may.js';
import { TodayShifts } from './TodayShifts.js';
import { NeedsActionTab } from './NeedsActionTab.js';
import { PinPad } from './PinPad.js';
import { RefundTab } from './RefundTab.js';
import { ReceiptsPanel } from './ReceiptsPanel.js';
import { SettingsTab } from './SettingsTab.js';
import { SystemTab } from './SystemTab.js';
import { StaffTab } from './StaffTab.js';
import { TotalsTab } from './TotalsTab.js';

type Tab = 'totals' | 'close' | 'refunds' | 'receipts' | 'needs' | 'settings' | 'system' | 'staff' | 'shifts';

const TABS: { id: Tab; label: MessageKey }[] = [
  { id: 'totals', label: 'tab.totals' },
  { id: 'close', label: 'tab.close' },
  { id: 'refunds', label: 'tab.refunds' },
  { id: 'receipts', label: 'tab.receipts' },
  { id: 'needs', label: 'tab.needs' },
  { id: 'settings', label: 'tab.settings' },
  { id: 'system', label: 'tab.system' },
  { id: 'staff', label: 'tab.staff' },
  { id: 'shifts', label: 'tab.shifts' },
];

/** The channel each tab is for: a tab is offered when its person may call it (preload/channel-access.ts, at unlock). */
const TAB_CHANNEL: Partial<Record<Tab, ManagerChannel>> = { close: 'report:closeDay', settings: 'settings:update', staff: 'staff:list', shifts: 'shift:today' };

export function ManagerApp() {
  const { t } = useApp();
  const [session, setSession] = useState<string | null>(null);
  // What the session's person may call (main says at unlock): the rest is not offered (docs/staff.md "The door").
  const [may, setMay] = useState<ReadonlySet<string> | null>(null);
  const [tab, setTab] = useState<Tab>('totals');
  // A needs-action payment the manager chose to refund: the refund tab opens on it.
  const [refundFor, setRefundFor] = useState<AttemptView | null>(null);
  const openTab = (next: Tab) => {
    setRefundFor(null);
    setTab(next);
  };

  const drop = useCallback(() => setSession(null), []);
  const mcall = useMemo(() => (session ? makeManagerCall(session, drop) : null), [session, drop]);

  const lock = async () => {
    if (session) await call('manager:lock', { session });
    setSession(null);
    setTab('totals');
  };

  const lockButton = session ? (
    <button type="button" className="btn btn-danger-outline" data-testid="manager-lock" onClick={() => void lock()}>
      {t('manager.lock')}
    </button>
  ) : null;

  return (
    <AppShell title={t('manager.title')} actions={lockButton} className="manager">
      {!mcall ? (
        <PinPad onUnlocked={(u) => { setSession(u.session); setMay(u.may ? new Set(u.may) : null); }} />
      ) : (
        <ManagerCallContext.Provider value={mcall}>
          <ManagerMayContext.Provider value={may}>
          <nav className="tabs" role="tablist">
            {TABS.filter((item) => { const need = TAB_CHANNEL[item.id]; return may === null || need === undefined || may.has(need); }).map((item) => (
              <button
                key={item.id}
                type="button"
                role="tab"
                aria-selected={tab === item.id}
                data-testid={`tab-${item.id}`}
                className={`btn tab${tab === item.id ? ' is-active' : ''}`}
                onClick={() => openTab(item.id)}
              >
                {t(item.label)}
              </button>
            ))}
          </nav>
          {tab === 'totals' ? <TotalsTab /> : null}
          {tab === 'close' ? <CloseDayTab /> : null}
          {tab === 'receipts' ? <ReceiptsPanel /> : null}
          {tab === 'refunds' ? <RefundTab key={refundFor?.id ?? 'search'} prefill={refundFor} onResolved={() => openTab('needs')} /> : null}
          {tab === 'needs' ? (
            <NeedsActionTab
              onRefund={(a) => {
                setRefundFor(a);
                setTab('refunds');
              }}
            />
          ) : null}
          {tab === 'settings' ? <SettingsTab /> : null}
          {tab === 'system' ? <SystemTab /> : null}
          {tab === 'staff' ? <StaffTab /> : null}
          {tab === 'shifts' ? <TodayShifts /> : null}
          </ManagerMayContext.Provider>
        </ManagerCallContext.Provider>
      )}
    </AppShell>
  );
}
