// Read-side admin commands: daily totals, day close, CSV export, journal verification and (re)creation.
import { shiftsForZ } from '../staff/shifts.js';
import { staffDirectory } from './staff-commands.js';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JOURNAL_FILE, openServices, type Services } from '../app/services.js';
import { journalIdOf } from '../journal/database.js';
import { describeVerdict, verifyJournalFile, type PrintedSeal } from '../journal/verify-file.js';
import { consoleSink, createLogger } from '../shared/logger.js';
import { storeDayOf } from '../journal/store-day.js';
import { exportCsv } from '../reports/csv-export.js';
import { dailyTotals } from '../reports/daily-totals.js';
import { closeDay } from '../reports/day-close.js';
import type { RegisterTotals } from '../reports/register-totals.js';
import { centsFlag, dayFlag, money, textFlag, UsageError, type Flags, type Out } from './cli-io.js';
import { printClosedZ, printerFlag } from './printer-commands.js';

function today(services: Services): string {
  return storeDayOf(services.journal.clock.now(), services.settings.storeTimeZone);
}

/** Net sales, each tax (collected, refunded) and the 5¢ cash rounding, one line per currency. */
function registerLines(register: RegisterTotals[], out: Out): void {
  for (const r of register) {
    const m = (c: number) => money(c, r.currency);
    const taxes = r.taxes.map((t) => `${t.code} ${m(t.collectedCents)}${t.refundedCents ? ` (refunded ${m(t.refundedCents)})` : ''}`).join(', ');
    out(`sales ${r.currency}: ${r.salesCount} paid, net sales ${m(r.netSalesCents)}${r.discountCents ? ` (after discounts ${m(r.discountCents)})` : ''}, tax ${m(r.taxCollectedCents)}${taxes ? ` [${taxes}]` : ''}, refunded tax ${m(r.taxRefundedCents)}, cash rounding ${m(r.roundingCents)}`);
  }
}

export function reportCommand(services: Services, flags: Flags, out: Out): number {
  const day = dayFlag(flags, 'date', today(services));
  const totals = dailyTotals(services.journal, day, services.settings.storeTimeZone);
  if (flags.json) {
    out(JSON.stringify(totals));
    return 0;
  }
  out(`store day ${day} (${totals.timeZone})`);
  for (const c of totals.byCurrency) out(`total ${c.currency}: gross ${money(c.grossCents, c.currency)}, refunds ${money(c.refundCents, c.currency)}, net ${money(c.netCents, c.currency)}, ${c.paymentCount} payments, ${c.refundCount} refunds`);
  for (const r of totals.byChannel) out(`  channel ${r.key}: net ${money(r.netCents, r.currency)} (${r.paymentCount} payments, ${r.refundCount} refunds)`);
  const staff = staffDirectory(services);
  for (const r of totals.byCashier) out(`  cashier ${staff.nameOf(r.key)}: net ${money(r.netCents, r.currency)} (${r.paymentCount} payments, ${r.refundCount} refunds)`);
  registerLines(totals.register, out);
  out(`pending: ${totals.pendingCount}, needs action: ${totals.needsActionCount}`);
  return 0;
}

export async function closeDayCommand(services: Services, flags: Flags, out: Out): Promise<number> {
  // Checked before the Z is taken: a mistyped printer must not leave a Z behind with the command refused.
  printerFlag(flags);
  const closedBy = textFlag(flags, 'by', false) ?? 'admin-cli';
  const z = closeDay(services.journal, {
    storeDay: dayFlag(flags, 'date', today(services)),
    closedBy,
    // Required: a Z report is immutable, so a forgotten count must not be written down as an empty drawer.
    countedCashCents: centsFlag(flags, 'counted-cash', true, true) as number,
    cashCurrency: services.settings.currency,
    timeZone: services.settings.storeTimeZone,
  });
  out(`Z ${z.zNumber} for ${z.storeDay}: expected cash ${money(z.expectedCashCents, z.cashCurrency)}, counted ${money(z.countedCashCents, z.cashCurrency)}, difference ${money(z.differenceCents, z.cashCurrency)}`);
  out(`  period ${z.zNumber}: ${z.totals.salesPaid} sales paid, ${z.totals.salesVoided} voided; ${z.totals.pendingCount} payments still open go to the next Z`);
  // The seal: keep it with the printed Z. `journal verify --seal N:HASH` checks a journal file against it later.
  out(`  seal: event ${z.eventCount}, hash ${z.headHash} (journal verify --seal ${z.eventCount}:${z.headHash.slice(0, 16)})`);
  // After the seal, so the first three lines keep their places for whoever reads them.
  registerLines(z.totals.register, (line) => out(`  ${line}`));
  // Held sales still parked: listed, not counted as sales (docs/register.md "Held sales").
  for (const p of z.parkedSales) out(`  parked: sale ${p.saleId}, ${p.cashier}, ${money(p.totalCents, p.currency)} (not counted)`);
  // The drawer's shifts this Z covers, with their variances (docs/staff.md "On the Z").
  const staff = staffDirectory(services);
  for (const s of shiftsForZ(services.journal, z.zNumber)) {
    const closed = s.closedBy === null ? 'still open' : `closed by ${staff.nameOf(s.closedBy)}, counted ${money(s.countedCents ?? 0, s.currency)}, variance ${money(s.varianceCents ?? 0, s.currency)}`;
    out(`  shift ${s.id}: opened by ${staff.nameOf(s.openedBy)}, expected ${money(s.expectedCents, s.currency)}, ${closed}`);
  }
  // With --printer, the Z prints there too (docs/printing.md), last, after every line above.
  await printClosedZ(services, flags, out, z.zNumber, closedBy);
  return 0;
}

export function exportCommand(services: Services, flags: Flags, out: Out): number {
  const csv = exportCsv(services.journal, { fromDay: dayFlag(flags, 'from'), toDay: dayFlag(flags, 'to'), timeZone: services.settings.storeTimeZone });
  const file = textFlag(flags, 'out', false);
  if (file) {
    writeFileSync(file, csv);
    out(`wrote ${file}`);
  } else {
    out(csv.trimEnd());
  }
  return 0;
}

/** `--seal 120:3fa9c0d1e2b4a5f6[,N:HASH]`: seals printed on Z reports (the hash may be shortened to 8+ digits). */
function sealsFlag(flags: Flags): PrintedSeal[] {
  const text = textFlag(flags, 'seal', false);
  if (text === undefined) return [];
  return text.split(',').map((part) => {
    const m = /^(\d{1,12}):([0-9a-fA-F]{8,64})$/.exec(part.trim());
    if (!m) throw new UsageError(`--seal must be EVENT:HASH as printed on a Z, e.g. 120:3fa9c0d1e2b4a5f6 (got ${part})`);
    return { seq: Number(m[1]), hash: m[2] as string };
  });
}

/** Read-only: runs before the app's services open the journal (which would migrate an older file). */
export function journalVerifyCommand(dataDir: string, flags: Flags, out: Out): number {
  const file = join(dataDir, JOURNAL_FILE);
  if (!existsSync(file)) {
    out(`no journal at ${file}`);
    return 1;
  }
  const { lines, exitCode } = describeVerdict(file, verifyJournalFile(file, sealsFlag(flags)));
  for (const line of lines) out(line);
  return exitCode;
}

/** `journal init --i-understand`: a new, empty journal where the old one is gone. Never replaces an existing one. */
export async function journalInitCommand(dataDir: string, flags: Flags, env: NodeJS.ProcessEnv, out: Out): Promise<number> {
  const file = join(dataDir, JOURNAL_FILE);
  if (flags['i-understand'] !== true) {
    throw new UsageError('journal init starts an EMPTY journal: the sales of a lost one are not in it. Add --i-understand to go ahead');
  }
  if (existsSync(file)) {
    out(`a journal already exists at ${file}; journal init never replaces one (move it aside first if it must go)`);
    return 1;
  }
  const logger = createLogger('pos', consoleSink(env.POS_LOG_LEVEL === 'debug' ? 'debug' : 'warn'));
  const services = await openServices({ dataDir, logger, env, withGateway: false, initJournal: true });
  try {
    out(`new empty journal ${file} (journal id ${journalIdOf(services.journal) ?? '?'}) for terminal ${services.settings.terminalId}`);
  } finally {
    await services.close();
  }
  return 0;
}
