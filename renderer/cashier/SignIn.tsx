// The cashier screen starts here (docs/staff.md "Signing in"): a PIN pad. A PIN signs its person in; signing out
// and typing another PIN switches the operator at once. After the idle time the manager set (Manager → Staff) with
// no touch or key, the screen signs out by itself; main keeps the same time as a backstop (main/app/till-operator.ts).
// The factory PIN in live mode asks for a new PIN first. The till itself (children) shows only while someone is in.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { ChannelResponse } from '../../preload/contract.js';
import { AppShell } from '../shared/AppShell.js';
import { useApp } from '../shared/app-context.js';
import { invokeRaw } from '../shared/invoke.js';
import { PinPrompt } from '../shared/PinPrompt.js';
import { ShiftPanel } from './ShiftPanel.js';
import '../shared/staff.css';

type Operator = ChannelResponse<'staff:signIn'>;

const OperatorContext = createContext<{ operator: Operator; signOut: () => void } | null>(null);

/** How often the screen asks main whether its operator is still signed in (main may have timed them out). */
const RECHECK_MS = 20_000;

export function SignIn({ children }: { children: ReactNode }) {
  const { t } = useApp();
  const [state, setState] = useState<{ loaded: boolean; operator: Operator | null; idleMinutes: number; training: boolean }>({ loaded: false, operator: null, idleMinutes: 10, training: false });

  const refresh = useCallback(async () => {
    const r = await invokeRaw('staff:current', {});
    if (r.ok) setState({ loaded: true, operator: r.value.staff, idleMinutes: r.value.signOutAfterIdleMinutes, training: r.value.training });
  }, []);
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), RECHECK_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const signOut = useCallback(() => {
    void invokeRaw('staff:signOut', {}).then(() => setState((s) => ({ ...s, operator: null })));
  }, []);

  // Idle sign-out: any touch, click or key restarts the wait.
  const signedIn = state.operator !== null;
  useEffect(() => {
    if (!signedIn) return;
    let timer = setTimeout(signOut, state.idleMinutes * 60_000);
    const touch = () => {
      clearTimeout(timer);
      timer = setTimeout(signOut, state.idleMinutes * 60_000);
    };
    const events = ['pointerdown', 'keydown'] as const;
    for (const e of events) window.addEventListener(e, touch, { capture: true });
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, touch, { capture: true });
    };
  }, [signedIn, state.idleMinutes, signOut]);

  if (!state.loaded) return null;
  if (state.operator) return <OperatorContext.Provider value={{ operator: state.operator, signOut }}>{children}</OperatorContext.Provider>;
  return (
    <AppShell title={t('cashier.title')} className="cashier">
      <PinEntry training={state.training} onSignedIn={(operator) => setState((s) => ({ ...s, operator }))} />
    </AppShell>
  );
}

function PinEntry({ training, onSignedIn }: { training: boolean; onSignedIn: (o: Operator) => void }) {
  const { t } = useApp();
  return (
    <PinPrompt
      className="signin"
      testIds={{ form: 'signin', pin: 'signin-pin', error: 'signin-error', submit: 'signin-submit' }}
      words={{ title: t('staff.enterPin'), pin: t('staff.pin'), submit: t('staff.signIn') }}
      send={(pin) => invokeRaw('staff:signIn', { pin })}
      onAccepted={onSignedIn}
    >
      {training ? <p className="hint">{t('staff.trainingHint')}</p> : null}
    </PinPrompt>
  );
}

/** The title bar's operator: who is signed in, the drawer's shift, and Sign out (then another PIN switches). */
export function OperatorActions() {
  const { t } = useApp();
  const ctx = useContext(OperatorContext);
  const [shiftOpen, setShiftOpen] = useState(false);
  if (!ctx) return null;
  return (
    <div className="operator">
      <span className="operator-name" data-testid="operator-name">{t('staff.signedInAs', { name: ctx.operator.name, role: t(`staff.role.${ctx.operator.role}`) })}</span>
      <button type="button" className="btn" data-testid="shift-button" onClick={() => setShiftOpen(true)}>{t('shift.button')}</button>
      <button type="button" className="btn btn-danger-outline" data-testid="signout" onClick={ctx.signOut}>{t('staff.signOut')}</button>
      {/* Outside the title bar, so none of its styles reach the panel. */}
      {shiftOpen ? createPortal(<ShiftPanel onClose={() => setShiftOpen(false)} />, document.body) : null}
    </div>
  );
}
