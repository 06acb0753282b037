// `pos staff` and `pos shift` (docs/staff.md "Command line"): the terminal's staff list and the drawer's shift from
// the owner's command line. The command line is the owner's tool, so it takes no PIN (the screens always do); what
// it does is journaled like the screens' (a shift variance above the threshold is approved by `admin-cli`).
import type { Services } from '../app/services.js';
import { isStaffRole } from '../../preload/staff-roles.js';
import { FACTORY_PIN, StaffDirectory } from '../staff/staff-directory.js';
import { closeShift, currentShift, moveCash, openShift } from '../staff/shifts.js';
import { centsFlag, textFlag, UsageError, type Flags, type Out } from './cli-io.js';

export const STAFF_USAGE = `  staff add --name NAME --role cashier|supervisor|manager --pin PIN | staff list | staff disable --name NAME
  shift open --staff NAME --float CENTS     open the drawer's shift with its float
  shift pay-in|pay-out --cents N --reason TEXT [--staff NAME]
  shift close --counted CENTS [--staff NAME]   prints expected, counted and the variance
  charge ... --staff NAME                   the sale and its tender are that person's`;

/** Who did it on the command line, when nobody is named. */
const CLI_STAFF = 'admin-cli';

export function staffDirectory(services: Services): StaffDirectory {
  return new StaffDirectory(services.journal, { training: services.training, legacyManagerPinHash: () => services.settings.managerPinHash });
}

/** `--staff NAME` as a staff id (an active person on the list), or undefined without the flag. */
export function staffIdFlag(services: Services, flags: Flags, directory = staffDirectory(services)): string | undefined {
  const name = textFlag(flags, 'staff', false);
  if (name === undefined) return undefined;
  const who = directory.byName(name);
  if (!who) throw new UsageError(`--staff: nobody called ${name} is on the staff list (pos staff list)`);
  return who.id;
}

const money = (cents: number, currency: string) => `${cents < 0 ? '-' : ''}${(Math.abs(cents) / 100).toFixed(2)} ${currency}`;

export function staffCommand(services: Services, positionals: string[], flags: Flags, out: Out): number {
  const directory = staffDirectory(services);
  switch (positionals[0]) {
    case 'add': {
      const role = textFlag(flags, 'role') as string;
      if (!isStaffRole(role)) throw new UsageError('--role must be cashier, supervisor or manager');
      const added = directory.add({ name: textFlag(flags, 'name') as string, role, pin: textFlag(flags, 'pin') as string });
      out(`added ${added.name} (${added.role}), staff id ${added.id}`);
      return 0;
    }
    case 'list':
      for (const m of directory.list()) {
        const notes = [m.active ? 'active' : 'disabled', ...(m.builtIn ? [`built in${m.id === 'manager' ? `, PIN ${FACTORY_PIN} until changed` : ''}`] : []), ...(m.mustChangePin ? ['must change PIN'] : [])];
        out(`${m.id}\t${m.name}\t${m.role}\t${notes.join(', ')}`);
      }
      return 0;
    case 'disable': {
      const name = textFlag(flags, 'name') as string;
      const who = directory.byName(name);
      if (!who) throw new UsageError(`nobody called ${name} is on the staff list`);
      directory.disable(who.id);
      out(`disabled ${who.name}`);
      return 0;
    }
    default:
      throw new UsageError('did you mean: staff add, staff list or staff disable');
  }
}

export function shiftCommand(services: Services, positionals: string[], flags: Flags, out: Out): number {
  const journal = services.journal;
  const currency = services.settings.currency;
  const directory = staffDirectory(services);
  const m = (cents: number) => money(cents, currency);
  switch (positionals[0]) {
    case 'open': {
      const openedBy = staffIdFlag(services, flags, directory);
      if (!openedBy) throw new UsageError('--staff NAME is required: who counted the float');
      const s = openShift(journal, { openedBy, currency, counts: {}, totalCents: centsFlag(flags, 'float', true, true) as number });
      out(`shift ${s.id} opened by ${directory.nameOf(openedBy)} with a float of ${m(s.floatCents)}`);
      return 0;
    }
    case 'pay-in':
    case 'pay-out': {
      const open = currentShift(journal);
      const staffId = staffIdFlag(services, flags, directory) ?? open?.openedBy ?? CLI_STAFF;
      const s = moveCash(journal, { kind: positionals[0] === 'pay-in' ? 'pay_in' : 'pay_out', amountCents: centsFlag(flags, 'cents') as number, reason: textFlag(flags, 'reason') as string, staffId });
      out(`${positionals[0]} recorded on shift ${s.id}; expected cash now ${m(s.expectedCents)}`);
      return 0;
    }
    case 'close': {
      const closedBy = staffIdFlag(services, flags, directory) ?? CLI_STAFF;
      const s = closeShift(journal, {
        closedBy, counts: {}, totalCents: centsFlag(flags, 'counted', true, true) as number,
        thresholdCents: services.settings.staff.cashVarianceThresholdCents, approve: () => CLI_STAFF,
      });
      out(`shift ${s.id} closed by ${directory.nameOf(closedBy)}`);
      out(`  float ${m(s.floatCents)}, cash sales ${m(s.cashSalesCents)}, cash refunds ${m(s.cashRefundsCents)}, pay-ins ${m(s.payInsCents)}, pay-outs ${m(s.payOutsCents)}`);
      out(`  expected ${m(s.expectedCents)}, counted ${m(s.countedCents ?? 0)}, variance ${m(s.varianceCents ?? 0)}${s.varianceApprovedBy ? ` (above the threshold; approved on the command line)` : ''}`);
      return 0;
    }
    default:
      throw new UsageError('did you mean: shift open, shift pay-in, shift pay-out or shift close');
  }
}
