// The preload's allow-list logic, without Electron: the same createRoleApi that preload/index.ts exposes.
import { describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, channelsFor, EVENTS_BY_ROLE, type ChannelName, type EventName, type WindowRole } from '../../preload/contract.js';
import { preloadDefines } from '../../preload/build-defines.js';
import { createRoleApi, type IpcPort } from '../../preload/role-api.js';

const ROLES: WindowRole[] = ['cashier', 'customer-display', 'kiosk', 'manager'];

function fakeIpc() {
  const handlers = new Map<string, Set<(payload: unknown) => void>>();
  const port: IpcPort = {
    invoke: vi.fn((channel: string) => Promise.resolve({ ok: true, value: channel })),
    on(event, listener) {
      const set = handlers.get(event) ?? new Set();
      handlers.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  const emit = (event: string, payload: unknown) => handlers.get(event)?.forEach((h) => h(payload));
  return { port, emit, handlers };
}

const apiFor = (role: WindowRole, port: IpcPort) => createRoleApi({ role, channels: channelsFor(role), events: EVENTS_BY_ROLE[role] }, port);

describe('preload: role allow-lists', () => {
  it('exposes exactly invoke and on, frozen', () => {
    const api = apiFor('cashier', fakeIpc().port);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it.each(ROLES)('%s sends only its own channels; the rest are refused before sending', async (role) => {
    const { port } = fakeIpc();
    const api = apiFor(role, port);
    for (const channel of CHANNEL_NAMES) {
      const result = await api.invoke(channel, {} as never);
      if (channelsFor(role).includes(channel)) expect(result).toEqual({ ok: true, value: channel });
      else expect(result).toEqual({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.any(String) } });
    }
    expect(port.invoke).toHaveBeenCalledTimes(channelsFor(role).length);
  });

  it('refuses non-string and look-alike channel names', async () => {
    const { port } = fakeIpc();
    const api = apiFor('manager', port);
    for (const channel of [{ toString: () => 'app:info' }, 'APP:INFO', 'app:info ', '__proto__', 'constructor', '', null]) {
      await expect(api.invoke(channel as unknown as ChannelName, {} as never)).resolves.toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    }
    expect(port.invoke).not.toHaveBeenCalled();
  });

  it('turns an IPC rejection or a malformed answer into a typed error', async () => {
    const { port } = fakeIpc();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    port.invoke = () => Promise.reject(new Error('No handler registered'));
    await expect(apiFor('cashier', port).invoke('app:info', {})).resolves.toMatchObject({ ok: false, error: { code: 'IPC_FAILED' } });
    port.invoke = () => Promise.resolve('surprise');
    await expect(apiFor('cashier', port).invoke('app:info', {})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('subscribes only to the role\'s events, passes the payload alone, and unsubscribes', () => {
    const { port, emit, handlers } = fakeIpc();
    const display = apiFor('customer-display', port);
    expect(() => display.on('refund:changed' as EventName, () => {})).toThrow(TypeError);
    expect(() => display.on('till:notice' as EventName, () => {})).toThrow(TypeError);
    const seen: unknown[] = [];
    const stop = display.on('payment:qr', (payload) => seen.push(payload));
    emit('payment:qr', { attemptId: 1 });
    expect(seen).toEqual([{ attemptId: 1 }]);
    stop();
    emit('payment:qr', { attemptId: 2 });
    expect(seen).toHaveLength(1);
    expect(handlers.get('payment:qr')?.size).toBe(0);
  });
});

describe('preload: build-time constants', () => {
  it.each(ROLES)('%s gets its role and the contract\'s lists as JSON literals', (role) => {
    const defines = preloadDefines(role);
    expect(JSON.parse(defines.__POS_ROLE__ ?? '')).toBe(role);
    expect(JSON.parse(defines.__POS_CHANNELS__ ?? '')).toEqual(channelsFor(role));
    expect(JSON.parse(defines.__POS_EVENTS__ ?? '')).toEqual(EVENTS_BY_ROLE[role]);
  });
});
