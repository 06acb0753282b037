// Signing a cashier in at the counter till before a test rings anything up (docs/staff.md): the cashier screen
// starts at sign-in, so the rigs sign in the training cashier (PIN 1111) when they open a cashier screen, unless a
// test opts out to drive the sign-in itself. In live mode (no training cashier) the factory manager's PIN is first
// changed and a cashier with PIN 1111 added, the way a shop's first start goes.
import type { HostApi } from '../../main/app/host-api.js';
import { TRAINING_CASHIER } from '../../main/staff/staff-directory.js';

export const TEST_CASHIER_PIN = TRAINING_CASHIER.pin;
/** The manager PIN a live-mode rig sets at first start. */
export const LIVE_MANAGER_PIN = '97531';

type Invoke = HostApi['invoke'];

async function must(invoke: Invoke, role: Parameters<Invoke>[0], channel: string, payload: unknown): Promise<Record<string, unknown>> {
  const r = (await invoke(role, channel, payload)) as { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } };
  if (!r.ok) throw new Error(`${channel} refused: ${r.error?.code} ${r.error?.message}`);
  return r.value ?? {};
}

/** Signs a cashier in at the counter till (the training cashier; in live mode one is created first). */
export async function signInTestCashier(host: Pick<HostApi, 'invoke'>): Promise<void> {
  const invoke = host.invoke.bind(host) as Invoke;
  const first = (await invoke('cashier', 'staff:signIn', { pin: TEST_CASHIER_PIN })) as { ok: boolean };
  if (first.ok) return;
  // Live mode: the factory PIN must be changed first; then a manager adds the test cashier.
  await must(invoke, 'manager', 'staff:changePin', { pin: '1234', newPin: LIVE_MANAGER_PIN });
  const { session } = await must(invoke, 'manager', 'manager:unlock', { pin: LIVE_MANAGER_PIN });
  await must(invoke, 'manager', 'staff:add', { session, name: 'Test cashier', role: 'cashier', pin: TEST_CASHIER_PIN });
  await must(invoke, 'manager', 'manager:lock', { session });
  await must(invoke, 'cashier', 'staff:signIn', { pin: TEST_CASHIER_PIN });
}
