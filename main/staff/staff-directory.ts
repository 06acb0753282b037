// The terminal's own staff list (docs/staff.md): who may sign in here, offline, by PIN alone. Kept in the journal
// (staff-records.ts); a PIN is only ever held as its scrypt hash (pin-hash.ts). Sign-in is by PIN alone, so two
// active people never share a PIN: a PIN is found by trying it against each active person's hash.
// Two people exist without a record until their PIN is first changed (then they become a record with the same id):
//   - the factory manager (`manager`, PIN 1234), while no active manager has a record. In live mode its PIN must be
//     changed at first sign-in (`mustChangePin`); in training mode 1234 keeps working. A manager PIN saved by an
//     older version (settings.json managerPinHash) is its PIN instead, already changed.
//   - in training mode, the training cashier (`trainee`, PIN 1111), so a trainee can sign in at once.
import type { StaffRole } from '../../preload/staff-roles.js';
import { KIOSK_STAFF_ID, STAFF_PIN } from '../../preload/staff-roles.js';
import type { ErrorCode } from '../../preload/error-codes.js';
import type { Journal } from '../journal/database.js';
import { insertStaff, listStaffRecords, updateStaff, type StaffRecord } from '../journal/staff-records.js';
import { hashPin, pinMatches } from './pin-hash.js';

export const FACTORY_PIN = '1234';
export const FACTORY_MANAGER = { id: 'manager', name: 'Manager' } as const;
export const TRAINING_CASHIER = { id: 'trainee', name: 'Trainee', pin: '1111' } as const;

export interface StaffMember {
  id: string;
  name: string;
  role: StaffRole;
  active: boolean;
  /** The PIN is the factory one (live mode): it must be changed before anything else. */
  mustChangePin: boolean;
  /** Exists without a record yet (the factory manager, the training cashier). */
  builtIn: boolean;
}

export class StaffError extends Error {
  constructor(readonly code: Extract<ErrorCode, 'STAFF_NAME_TAKEN' | 'PIN_TAKEN' | 'PIN_NOT_ALLOWED' | 'STAFF_NOT_FOUND' | 'LAST_MANAGER'>, message: string) {
    super(message);
    this.name = 'StaffError';
  }
}

export interface DirectoryOptions {
  training: boolean;
  /** A manager PIN hash saved by a version before staff records (settings.json managerPinHash). */
  legacyManagerPinHash?: () => string | undefined;
}

interface Candidate {
  member: StaffMember;
  pinHash: string;
}

const member = (r: StaffRecord): StaffMember => ({ id: r.id, name: r.name, role: r.role, active: r.active, mustChangePin: r.mustChangePin, builtIn: false });

export class StaffDirectory {
  private readonly factoryHash = hashPin(FACTORY_PIN);
  private readonly traineeHash = hashPin(TRAINING_CASHIER.pin);

  constructor(private readonly journal: Journal, private readonly options: DirectoryOptions) {}

  /** Everyone who may sign in now, built-ins included. */
  private candidates(): Candidate[] {
    const records = listStaffRecords(this.journal);
    const out: Candidate[] = records.filter((r) => r.active).map((r) => ({ member: member(r), pinHash: r.pinHash }));
    const hasRecord = (id: string) => records.some((r) => r.id === id);
    if (!hasRecord(FACTORY_MANAGER.id) && !records.some((r) => r.active && r.role === 'manager')) {
      const legacy = this.options.legacyManagerPinHash?.();
      out.push({
        member: { ...FACTORY_MANAGER, role: 'manager', active: true, mustChangePin: legacy === undefined && !this.options.training, builtIn: true },
        pinHash: legacy ?? this.factoryHash,
      });
    }
    if (this.options.training && !hasRecord(TRAINING_CASHIER.id)) {
      out.push({ member: { id: TRAINING_CASHIER.id, name: TRAINING_CASHIER.name, role: 'cashier', active: true, mustChangePin: false, builtIn: true }, pinHash: this.traineeHash });
    }
    return out;
  }

  /** The active person whose PIN this is, if any. Not counted toward the lockout: callers do that (manager-sessions.ts). */
  identify(pin: string): StaffMember | undefined {
    if (!STAFF_PIN.test(pin)) return undefined;
    return this.candidates().find((c) => pinMatches(pin, c.pinHash))?.member;
  }

  /** Everyone, the disabled too (old sales name them), for the Staff tab and `pos staff list`. */
  list(): StaffMember[] {
    const active = this.candidates().map((c) => c.member);
    const disabled = listStaffRecords(this.journal).filter((r) => !r.active).map(member);
    return [...active, ...disabled];
  }

  get(id: string): StaffMember | undefined {
    return this.list().find((m) => m.id === id);
  }

  byName(name: string): StaffMember | undefined {
    const want = name.trim().toLocaleLowerCase();
    return this.list().find((m) => m.active && m.name.toLocaleLowerCase() === want);
  }

  /** A person's name for reports; the id itself for the kiosk and for sales from before staff records. */
  nameOf(id: string): string {
    if (id === KIOSK_STAFF_ID) return 'Kiosk';
    return this.get(id)?.name ?? id;
  }

  add(input: { name: string; role: StaffRole; pin: string }): StaffMember {
    const name = input.name.trim();
    if (this.byName(name)) throw new StaffError('STAFF_NAME_TAKEN', `Someone called ${name} is already on the staff list.`);
    this.checkNewPin(input.pin, undefined);
    return member(insertStaff(this.journal, { name, role: input.role, pinHash: hashPin(input.pin) }));
  }

  changePin(id: string, newPin: string): StaffMember {
    const who = this.get(id);
    if (!who?.active) throw new StaffError('STAFF_NOT_FOUND', 'No such person on the staff list.');
    this.checkNewPin(newPin, id);
    if (who.builtIn) return member(insertStaff(this.journal, { id: who.id, name: who.name, role: who.role, pinHash: hashPin(newPin) }));
    return member(updateStaff(this.journal, id, { pinHash: hashPin(newPin), mustChangePin: false }));
  }

  disable(id: string): StaffMember {
    const who = this.get(id);
    if (!who?.active) throw new StaffError('STAFF_NOT_FOUND', 'No such person on the staff list.');
    // Never the last active manager (the factory manager included): nobody could then open the manager screen.
    const managers = this.list().filter((m) => m.active && m.role === 'manager');
    if (who.role === 'manager' && managers.length === 1 && managers[0]?.id === id) {
      throw new StaffError('LAST_MANAGER', 'This is the only manager; add another manager first.');
    }
    // A built-in person is disabled by writing their record, disabled.
    if (who.builtIn) {
      insertStaff(this.journal, { id: who.id, name: who.name, role: who.role, pinHash: who.id === FACTORY_MANAGER.id ? this.factoryHash : this.traineeHash });
    }
    return member(updateStaff(this.journal, id, { active: false }));
  }

  private checkNewPin(pin: string, forId: string | undefined): void {
    if (!STAFF_PIN.test(pin)) throw new StaffError('PIN_NOT_ALLOWED', 'A PIN is 4 to 8 digits.');
    if (pin === FACTORY_PIN) throw new StaffError('PIN_NOT_ALLOWED', 'Choose a PIN other than the factory PIN.');
    const holder = this.identify(pin);
    if (holder && holder.id !== forId) throw new StaffError('PIN_TAKEN', 'Someone else already uses that PIN; choose another.');
  }
}

