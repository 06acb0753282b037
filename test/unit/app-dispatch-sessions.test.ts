// Sessions at the door: the contract says which channels need a manager PIN session, and the dispatcher checks
// it once, before the handler runs. No handler checks a session by hand (main/app/handlers/*).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from '../../main/app/dispatch.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';
import { CHANNELS, CHANNEL_NAMES } from '../../preload/contract.js';

class Expired extends Error {
  readonly code = 'SESSION_EXPIRED';
}

function rig(validSession: string) {
  const called: string[] = [];
  const checked: string[] = [];
  const handlers = new Proxy({}, { get: (_t, name: string) => () => (called.push(name), { ok: true }) }) as unknown as Handlers;
  const invoke = createDispatcher(handlers, createLogger('t', silentSink), ({ role, session }) => {
    if (role !== 'manager') return undefined;
    checked.push(session ?? '');
    if (session !== validSession) throw new Expired('Manager session ended.');
    return { staffId: 'manager', name: 'Manager', role: 'manager' };
  });
  return { invoke, called, checked };
}

describe('the door checks manager sessions', () => {
  it('a session channel with a bad token never reaches its handler; with a good one it does', async () => {
    const { invoke, called, checked } = rig('g'.repeat(20));
    expect(await invoke('manager', 'manager:lock', { session: 'b'.repeat(20) })).toMatchObject({ ok: true });
    expect(await invoke('manager', 'journal:verify', { session: 'b'.repeat(20) })).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED' } });
    expect(called).toEqual(['manager:lock']);
    await invoke('manager', 'journal:verify', { session: 'g'.repeat(20) });
    expect(called).toEqual(['manager:lock', 'journal:verify']);
    expect(checked).toEqual(['b'.repeat(20), 'g'.repeat(20)]);
  });

  it('every channel that carries a session token is marked as needing one, except unlock and lock', () => {
    const carriesSession = CHANNEL_NAMES.filter((name) => 'shape' in CHANNELS[name].request && 'session' in (CHANNELS[name].request as { shape: object }).shape);
    const marked = CHANNEL_NAMES.filter((name) => CHANNELS[name].session);
    expect(marked.sort()).toEqual(carriesSession.filter((name) => name !== 'manager:lock').sort());
  });

  it('no handler checks a session by hand', () => {
    const dir = new URL('../../main/app/handlers/', import.meta.url);
    for (const file of readdirSync(dir)) expect(readFileSync(new URL(file, dir), 'utf8'), file).not.toMatch(/sessions\.require/);
  });
});
