// The door answers only codes the screens can word (preload/error-codes.ts): a thrown error whose `code` is not
// listed (a Node errno, a SQLite code, a class nobody listed) is logged whole and answered as INTERNAL.
import { describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from '../../main/app/dispatch.js';
import { createLogger, type LogSink } from '../../main/shared/logger.js';
import { ERROR_CODES } from '../../preload/error-codes.js';
import { AmountExceedsDueError } from '../../main/payments/payment-errors.js';

function rig(thrown: unknown) {
  const logged: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  const sink: LogSink = (level, _prefix, message, fields) => logged.push({ level, message, ...(fields ? { fields } : {}) });
  const handlers = new Proxy({}, { get: () => () => { throw thrown; } }) as unknown as Handlers;
  const invoke = createDispatcher(handlers, createLogger('ipc', sink), () => {});
  return { invoke, logged };
}

describe('the door answers listed codes only', () => {
  it('passes a listed code through, with its whitelisted details', async () => {
    const { invoke, logged } = rig(new AmountExceedsDueError(900, 450));
    expect(await invoke('cashier', 'sale:new', {})).toEqual({
      ok: false, error: { code: 'AMOUNT_EXCEEDS_DUE', message: 'amount 900 exceeds the 450 cents still due', details: { amountCents: 900, dueCents: 450 } },
    });
    expect(logged).toEqual([]);
  });

  it.each([
    ['a Node errno', Object.assign(new Error("EACCES: permission denied, open '/data/settings.json.tmp'"), { code: 'EACCES' })],
    ['a SQLite code', Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })],
    ['an error class nobody listed', Object.assign(new Error('The drawer is jammed.'), { code: 'DRAWER_JAMMED' })],
    ['a lower-case lookalike of a listed code', Object.assign(new Error('x'), { code: 'internal' })],
  ])('answers %s as INTERNAL and logs it', async (_what, err) => {
    const { invoke, logged } = rig(err);
    const result = await invoke('cashier', 'sale:new', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain(err.message);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 'error', message: 'handler threw', fields: { channel: 'sale:new', errorCode: err.code } });
    expect(String(logged[0]?.fields?.error)).toContain(err.message);
  });

  it('every code the door itself answers with is listed', async () => {
    const { invoke } = rig(new Error('boom'));
    const answers = [
      await invoke('cashier', 'no:such', {}),
      await invoke('customer-display', 'sale:new', {}),
      await invoke('cashier', 'receipt:get', { saleId: -1 }),
      await invoke('cashier', 'sale:new', {}),
    ];
    for (const a of answers) expect(ERROR_CODES).toContain(a.ok ? 'ok' : a.error.code);
  });
});
