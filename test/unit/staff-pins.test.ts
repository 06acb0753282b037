// PINs (docs/staff.md "PINs"): kept only as a salted scrypt hash; one lockout for the terminal's PIN pad, on the
// monotonic clock (a manual clock here); the factory PIN in live mode only lets its holder choose a new one.
import { describe, expect, it } from 'vitest';
import { ManagerSessions, memoryPinStore } from '../../main/app/manager-sessions.js';
import { TillOperator } from '../../main/app/till-operator.js';
import { ManualClock } from '../../main/shared/clock.js';
import { hashPin, isPinHash, pinMatches } from '../../main/staff/pin-hash.js';
import type { StaffMember } from '../../main/staff/staff-directory.js';

const person = (id: string, role: StaffMember['role'], mustChangePin = false): StaffMember => ({ id, name: id, role, active: true, mustChangePin, builtIn: false });

/** A directory of three people, with their hashes made the real way. */
function directory(mustChangeManager = false) {
  const people = [
    { member: person('ann', 'cashier'), hash: hashPin('1111') },
    { member: person('sue', 'supervisor'), hash: hashPin('2222') },
    { member: person('max', 'manager', mustChangeManager), hash: hashPin('1234') },
  ];
  return { identify: (pin: string) => people.find((p) => pinMatches(pin, p.hash))?.member };
}

describe('the PIN hash', () => {
  it('is salted scrypt: the same PIN hashes differently each time, and both verify', () => {
    const a = hashPin('4321');
    const b = hashPin('4321');
    expect(a).not.toBe(b);
    expect(isPinHash(a)).toBe(true);
    expect(a).not.toContain('4321');
    expect([pinMatches('4321', a), pinMatches('4321', b), pinMatches('4322', a), pinMatches('4321', 'scrypt$zz$zz')]).toEqual([true, true, false, false]);
  });
});

describe('the PIN pad', () => {
  it('five wrong PINs lock it for five minutes on the monotonic clock; setting the wall clock does not lift it', () => {
    const clock = new ManualClock();
    const pad = new ManagerSessions(clock, directory(), memoryPinStore());
    for (let i = 4; i >= 1; i -= 1) expect(() => pad.signIn('9999')).toThrow(`Wrong PIN. ${i} ${i === 1 ? 'try' : 'tries'} left.`);
    expect(() => pad.signIn('9999')).toThrow(/locked for 5 minutes/);
    // Even the right PIN is refused while locked.
    expect(() => pad.signIn('1111')).toThrow(/Try again in 5 min/);
    clock.jump(60 * 60_000);
    expect(() => pad.signIn('1111')).toThrow(/Try again in 5 min/);
    clock.advance(4 * 60_000 + 59_999);
    expect(() => pad.signIn('1111')).toThrow(/Try again in 1 min/);
    clock.advance(1);
    expect(pad.signIn('1111').id).toBe('ann');
  });

  it('a good PIN resets the count of wrong ones', () => {
    const pad = new ManagerSessions(new ManualClock(), directory(), memoryPinStore());
    for (let i = 0; i < 4; i += 1) expect(() => pad.signIn('9999')).toThrow(/Wrong PIN/);
    expect(pad.signIn('2222').id).toBe('sue');
    expect(() => pad.signIn('9999')).toThrow('Wrong PIN. 4 tries left.');
  });

  it('approvals follow the roles and return the approver\'s staff id; a cashier cannot approve her own discount', () => {
    const pad = new ManagerSessions(new ManualClock(), directory(), memoryPinStore());
    expect(() => pad.approve('1111', 'discount')).toThrow(expect.objectContaining({ code: 'APPROVAL_NOT_ALLOWED' }));
    expect(pad.approve('2222', 'discount')).toBe('sue');
    expect(() => pad.approve('2222', 'cash-variance')).toThrow(expect.objectContaining({ code: 'APPROVAL_NOT_ALLOWED' }));
    expect(pad.approver('1234', 'cash-variance')).toEqual({ staffId: 'max', name: 'max', role: 'manager' });
  });

  it('the manager screen opens for supervisors and managers only; a session carries its person and role', () => {
    const pad = new ManagerSessions(new ManualClock(), directory(), memoryPinStore());
    expect(() => pad.unlock('1111')).toThrow(expect.objectContaining({ code: 'STAFF_ROLE_TOO_LOW' }));
    const sue = pad.unlock('2222');
    expect(pad.require(sue.session, 'supervisor')).toMatchObject({ staffId: 'sue' });
    expect(() => pad.require(sue.session, 'manager')).toThrow(expect.objectContaining({ code: 'STAFF_ROLE_TOO_LOW' }));
    pad.endSessionsOf('sue');
    expect(() => pad.require(sue.session, 'supervisor')).toThrow(expect.objectContaining({ code: 'SESSION_EXPIRED' }));
  });

  it('the factory PIN in live mode only lets its holder choose a new PIN', () => {
    const pad = new ManagerSessions(new ManualClock(), directory(true), memoryPinStore());
    expect(() => pad.unlock('1234')).toThrow(expect.objectContaining({ code: 'PIN_CHANGE_REQUIRED' }));
    expect(() => pad.approve('1234', 'void')).toThrow(expect.objectContaining({ code: 'PIN_CHANGE_REQUIRED' }));
    let changedFor = '';
    expect(pad.changePin('1234', (m) => ((changedFor = m.id), { ...m, mustChangePin: false })).staffId).toBe('max');
    expect(changedFor).toBe('max');
  });
});

describe('the till operator', () => {
  it('signs out after the idle time on the monotonic clock; each call that needs someone is activity', () => {
    const clock = new ManualClock();
    const till = new TillOperator(clock, () => 10 * 60_000);
    expect(() => till.require('cashier')).toThrow(expect.objectContaining({ code: 'SIGNED_OUT' }));
    till.signIn({ staffId: 'ann', name: 'Ann', role: 'cashier' });
    clock.advance(9 * 60_000);
    expect(till.require('cashier').staffId).toBe('ann');
    clock.jump(60 * 60_000); // the wall clock is set forward: no sign-out
    clock.advance(9 * 60_000);
    expect(till.staffId('nobody')).toBe('ann');
    clock.advance(60_000);
    expect(till.current()).toBeUndefined();
    expect(till.staffId('nobody')).toBe('nobody');
    till.signIn({ staffId: 'ann', name: 'Ann', role: 'cashier' });
    expect(() => till.require('supervisor')).toThrow(expect.objectContaining({ code: 'STAFF_ROLE_TOO_LOW' }));
  });
});
