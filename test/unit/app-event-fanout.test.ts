// Events are checked like responses: main parses each payload with its contract schema (preload/contract-schemas.ts
// `events`) before any screen hears it. A payload outside its schema is logged and not sent; extra fields are stripped.
import { describe, expect, it } from 'vitest';
import { EventFanout } from '../../main/app/event-fanout.js';
import { createLogger, type LogSink } from '../../main/shared/logger.js';
import { CHANNELS, EVENTS, type EventMap } from '../../preload/contract.js';

function rig() {
  const logged: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  const sink: LogSink = (level, _prefix, message, fields) => logged.push({ level, message, ...(fields ? { fields } : {}) });
  const fanout = new EventFanout(() => undefined, () => true, createLogger('events', sink));
  const heard: { event: string; payload: unknown }[] = [];
  fanout.subscribe('cashier', (event, payload) => heard.push({ event, payload }));
  return { fanout, heard, logged };
}

describe('events are parsed before fan-out', () => {
  it('sends a payload that fits its schema', () => {
    const { fanout, heard, logged } = rig();
    fanout.emit('payment:countdown', { attemptId: 3, remainingMs: 4000, phase: 'waiting' });
    fanout.emit('till:notice', { kind: 'scan-refused', message: 'no product with code 123', code: 'SCAN_UNKNOWN_PRODUCT', saleId: 2 });
    expect(heard).toEqual([
      { event: 'payment:countdown', payload: { attemptId: 3, remainingMs: 4000, phase: 'waiting' } },
      { event: 'till:notice', payload: { kind: 'scan-refused', message: 'no product with code 123', code: 'SCAN_UNKNOWN_PRODUCT', saleId: 2 } },
    ]);
    expect(logged).toEqual([]);
  });

  it('logs and drops a payload outside its schema', () => {
    const { fanout, heard, logged } = rig();
    const bad = { attemptId: 3, remainingMs: 4000, phase: 'expired' } as unknown as EventMap['payment:countdown'];
    fanout.emit('payment:countdown', bad);
    // A refused scan must carry a code the screens can word.
    fanout.emit('till:notice', { kind: 'scan-refused', message: 'x', code: 'SQLITE_BUSY' } as unknown as EventMap['till:notice']);
    fanout.emit('app:locale', { locale: 'de-DE' } as unknown as EventMap['app:locale']);
    expect(heard).toEqual([]);
    expect(logged.map((l) => [l.level, l.message, l.fields?.event])).toEqual([
      ['error', 'event outside its schema, not sent', 'payment:countdown'],
      ['error', 'event outside its schema, not sent', 'till:notice'],
      ['error', 'event outside its schema, not sent', 'app:locale'],
    ]);
  });

  it('strips a field a producer adds by mistake (the merchant key never rides along)', () => {
    const { fanout, heard } = rig();
    fanout.emit('payment:cardForm', { attemptId: 1, secureId: 's-1', amountCents: 500, currency: 'CAD', merchantKey: 'TESTKEY' } as EventMap['payment:cardForm']);
    expect(heard).toEqual([{ event: 'payment:cardForm', payload: { attemptId: 1, secureId: 's-1', amountCents: 500, currency: 'CAD' } }]);
  });

  it('shapes shared with responses are the same schema, written once', () => {
    expect(EVENTS['sale:changed']).toBe(CHANNELS['sale:current'].response);
    expect(EVENTS['payment:attempt']).toBe(CHANNELS['payment:confirmCard'].response);
  });
});
