// What the desktop updater asks before installing (HostApi.inFlight → main/app/update-guard.ts), read from the
// real journal of a composed app against the real training sandbox: idle allows; a QR on screen blocks; after the
// cashier's cancel the payment is checking and still blocks; once the customer cancels in the wallet it is final
// and the update may go. A refund whose answer was lost (unknown) blocks too.
import { describe, expect, it } from 'vitest';
import { updateDecision } from '../../main/app/update-guard.js';
import { createControlClient } from '../../main/sandbox/control-client.js';
import { composedAppPerTest, until } from '../support/composed-app.js';
import { walletCode } from '../support/sandbox-fixtures.js';

describe('HostApi.inFlight in the composed app', () => {
  const app = composedAppPerTest('pos-update-guard-');
  const { call } = app;
  const decision = () => updateDecision(app.host.inFlight?.());

  it('a QR payment blocks the update while working and while checking; final, it no longer does', async () => {
    const { host } = await app.start();
    expect(decision()).toEqual({ install: true });
    expect(host.inFlight?.()).toEqual({ attemptStates: [], refundStates: [], printQueue: 0, storeOutbox: 0 });

    await call('cashier', 'sale:addCustom', { name: 'Tea', amountCents: 450 });
    const charged = await call('cashier', 'payment:chargeByQr', { channel: 'WX_NATIVE' });
    expect(charged.ok).toBe(true);
    const attemptId = charged.value!.id as number;
    await until(() => host.inFlight?.().attemptStates.includes('pending') === true, 'the attempt to be pending');
    expect(decision()).toEqual({ install: false, blockers: ['PAYMENT_IN_FLIGHT'] });

    expect((await call('cashier', 'payment:cancel', { attemptId })).value).toEqual({ cancelled: true });
    await until(() => host.inFlight?.().attemptStates.includes('expired') === true, 'the attempt to be checking');
    expect(decision()).toEqual({ install: false, blockers: ['PAYMENT_IN_FLIGHT'] });

    const control = createControlClient(host.trainingControlUrl!);
    await control.cancelQr({ payOrderId: (await control.ledger()).orders.at(-1)!.payOrderId });
    await until(() => host.inFlight?.().attemptStates.length === 0, 'the gateway to say final');
    expect(decision()).toEqual({ install: true });
  });

  it('a refund whose answer was lost blocks the update', async () => {
    const { host } = await app.start();
    await call('cashier', 'sale:addCustom', { name: 'Gift', amountCents: 2000 });
    const paid = await call('cashier', 'payment:chargeByScan', { code: walletCode('ALIPAY', '01') });
    await until(() => host.inFlight?.().attemptStates.length === 0, 'the payment to be final');
    expect(decision()).toEqual({ install: true });

    const control = createControlClient(host.trainingControlUrl!);
    // The sandbox refunds, then answers 500: the till cannot know, so the refund is unknown until reconciled.
    await control.injectFault({ kind: '5xx-after', path: 'refund_order', count: 5 });
    const session = (await call('manager', 'manager:unlock', { pin: '1234' })).value!.session as string;
    await call('manager', 'refund:create', { session, attemptId: paid.value!.id, amountCents: 500, reason: 'damaged' });
    const refundStates = host.inFlight?.().refundStates ?? [];
    expect(refundStates.length).toBe(1);
    expect(decision()).toEqual({ install: false, blockers: ['REFUND_PROCESSING'] });
  });

  it('after close, what is in flight cannot be read, and that blocks', async () => {
    const { host } = await app.start();
    await host.close();
    expect(() => host.inFlight?.()).toThrow();
  });
});
