// Who may call a channel, one declaration (preload/contract.ts `staff`) read by one helper (preload/channel-access.ts):
// the door asks it for a channel's requirement, and the manager screen is told at unlock which channels its person may
// call. A supervisor's list holds no manager-only channel, and the door refuses exactly what that list leaves out.
import { describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from '../../main/app/dispatch.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';
import { channelsFor, mayCall, staffNeeded } from '../../preload/channel-access.js';
import { CHANNELS, CHANNEL_NAMES, type ChannelName } from '../../preload/contract.js';
import { STAFF_ROLES, roleAtLeast, type StaffRole } from '../../preload/staff-roles.js';

class TooLow extends Error {
  readonly code = 'STAFF_ROLE_TOO_LOW';
}

const SESSION = 's'.repeat(20);
/** Manager channels whose request is the session alone: the door can be driven through them with no other field. */
const sessionOnly = CHANNEL_NAMES.filter((c) => CHANNELS[c].session && CHANNELS[c].request.safeParse({ session: SESSION }).success);

/** The door with a session held by a person of `role`; the session check compares the requirement the door hands it. */
function doorFor(role: StaffRole) {
  const reached: string[] = [];
  const handlers = new Proxy({}, { get: (_t, name: string) => () => (reached.push(name), {}) }) as unknown as Handlers;
  const invoke = createDispatcher(handlers, createLogger('t', silentSink), ({ staff }) => {
    if (!roleAtLeast(role, staff)) throw new TooLow(`Only a ${staff} may do this.`);
    return { staffId: 's1', name: 'Sam', role };
  });
  return { invoke, reached };
}

describe('who may call a channel', () => {
  it('reads the contract\'s declaration, for every channel and role', () => {
    for (const c of CHANNEL_NAMES) {
      expect(staffNeeded(c)).toBe(CHANNELS[c].staff);
      for (const role of STAFF_ROLES) expect(mayCall(role, c)).toBe(CHANNELS[c].staff === null || roleAtLeast(role, CHANNELS[c].staff));
    }
  });

  it('a supervisor\'s manager screen has the totals, refunds, receipts, verify and the shifts, and none of the manager\'s channels', () => {
    const may = channelsFor('supervisor', 'manager');
    for (const c of ['report:dailyTotals', 'refund:create', 'receipt:reprint', 'journal:verify', 'attempt:resolve', 'shift:today'] as ChannelName[]) expect(may).toContain(c);
    for (const c of ['report:closeDay', 'report:printZ', 'settings:update', 'settings:get', 'staff:list', 'scanners:status', 'scanners:discover', 'gateway:lastCheck', 'printer:setup'] as ChannelName[]) expect(may).not.toContain(c);
    expect(may.filter((c) => CHANNELS[c].staff === 'manager')).toEqual([]);
    expect(channelsFor('manager', 'manager').length).toBeGreaterThan(may.length);
    // The window role still applies: no cashier channel is on the manager screen's list.
    expect(may).not.toContain('shift:close');
    expect(channelsFor('cashier', 'cashier')).toContain('shift:close');
  });

  it('the door refuses a supervisor exactly the channels the screen is told she may not call', async () => {
    expect(sessionOnly.length).toBeGreaterThan(10);
    const { invoke, reached } = doorFor('supervisor');
    const refused: string[] = [];
    for (const c of sessionOnly) {
      const answer = await invoke('manager', c, { session: SESSION });
      if (!answer.ok && answer.error.code === 'STAFF_ROLE_TOO_LOW') refused.push(c);
    }
    const may = new Set<string>(channelsFor('supervisor', 'manager'));
    expect(refused.sort()).toEqual(sessionOnly.filter((c) => !may.has(c)).sort());
    expect(reached.sort()).toEqual(sessionOnly.filter((c) => may.has(c)).sort());
    expect(refused).toContain('scanners:status');
  });
});
