// Refusals carry a stable code plus only whitelisted numbers (so each screen can word them in its own language),
// and the store's default language is the manager's to change: no other screen can, and a screen's own switch
// never reaches main at all (renderer/shared/AppProvider.tsx keeps it per window).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS, channelsFor } from '../../preload/contract.js';
import { composedAppPerTest, type Answer } from '../support/composed-app.js';

const app = composedAppPerTest('pos-errors-');
const { start, call } = app;

describe('refusals with details', () => {
  it('wrong PINs say how many tries are left (singular at one), then how long the pad is locked', async () => {
    await start();
    const answers: Answer[] = [];
    for (let i = 0; i < 4; i += 1) answers.push(await call('manager', 'manager:unlock', { pin: '0000' }));
    expect(answers.map((a) => a.error)).toEqual([
      { code: 'PIN_WRONG', message: 'Wrong PIN. 4 tries left.', details: { triesLeft: 4 } },
      { code: 'PIN_WRONG', message: 'Wrong PIN. 3 tries left.', details: { triesLeft: 3 } },
      { code: 'PIN_WRONG', message: 'Wrong PIN. 2 tries left.', details: { triesLeft: 2 } },
      { code: 'PIN_WRONG', message: 'Wrong PIN. 1 try left.', details: { triesLeft: 1 } },
    ]);
    expect((await call('manager', 'manager:unlock', { pin: '0000' })).error).toEqual({
      code: 'PIN_LOCKED', message: 'Too many wrong PINs. The PIN pad is locked for 5 minutes.', details: { minutes: 5 },
    });
    expect((await call('manager', 'manager:unlock', { pin: '1234' })).error).toMatchObject({ code: 'PIN_LOCKED', details: { minutes: 5 } });
  });

  it('a tender over what is due carries both amounts as numbers, and nothing else', async () => {
    await start();
    const products = (await call('cashier', 'catalog:search', { query: '' })).value as unknown as { sku: string; priceCents: number }[];
    await call('cashier', 'sale:new');
    // What is due includes the sales tax (docs/register.md).
    const due = (await call('cashier', 'sale:addItem', { sku: products[0]!.sku })).value!.dueCents as number;
    const answer = await call('cashier', 'payment:payCash', { tenderedCents: 100_000, amountCents: due + 1 });
    expect(answer.error).toMatchObject({ code: 'AMOUNT_EXCEEDS_DUE' });
    expect(answer.error?.details).toEqual({ amountCents: due + 1, dueCents: due });
  });

  it('refusals without whitelisted numbers carry no details at all', async () => {
    await start();
    const refused = await call('kiosk', 'manager:lock', { session: 'x' });
    expect(refused.error).toEqual({ code: 'NOT_ALLOWED', message: 'This screen may not make that request.' });
    const expired = await call('manager', 'settings:get', { session: 'A'.repeat(32) });
    expect(expired.error).toEqual({ code: 'SESSION_EXPIRED', message: 'Manager session ended. Enter the PIN again.' });
  });
});

describe('the store default language', () => {
  it('is manager-only in the contract (pinned on purpose)', () => {
    expect(CHANNELS['app:setLocale'].roles).toEqual(['manager']);
    for (const role of ['cashier', 'kiosk', 'customer-display'] as const) {
      expect(channelsFor(role)).not.toContain('app:setLocale');
      expect(channelsFor(role)).toContain('app:info');
    }
  });

  it('no other screen can change it; the manager can, behind the PIN, and every screen hears the new default', async () => {
    await start();
    const heard: string[] = [];
    app.host.subscribe('kiosk', (event, payload) => {
      if (event === 'app:locale') heard.push((payload as { locale: string }).locale);
    });
    for (const role of ['cashier', 'kiosk', 'customer-display'] as const) {
      expect((await call(role, 'app:setLocale', { locale: 'zh-CN' })).error?.code).toBe('NOT_ALLOWED');
    }
    expect((await call('manager', 'app:setLocale', { locale: 'zh-CN' })).error?.code).toBe('INVALID_REQUEST');
    expect((await call('manager', 'app:setLocale', { locale: 'zh-CN', session: 'A'.repeat(32) })).error?.code).toBe('SESSION_EXPIRED');
    expect((await call('kiosk', 'app:info')).value?.locale).toBe('en-CA');
    expect(heard).toEqual([]);

    const session = (await call('manager', 'manager:unlock', { pin: '1234' })).value!.session as string;
    expect((await call('manager', 'app:setLocale', { locale: 'fr-CA', session })).ok).toBe(true);
    expect((await call('kiosk', 'app:info')).value?.locale).toBe('fr-CA');
    expect(JSON.parse(readFileSync(join(app.dataDir, 'settings.json'), 'utf8'))).toMatchObject({ locale: 'fr-CA' });
    expect(heard).toEqual(['fr-CA']);
  });
});
