// Read-side admin commands: daily totals, day close, CSV export, journal verification.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JOURNAL_FILE, type Services } from '../app/services.js';
import { describeVerdict, verifyJournalFile } from '../journal/verify-file.js';
import { storeDayOf } from '../journal/store-day.js';
import { exportCsv } from '../reports/csv-export.js';
import { dailyTotals } from '../reports/daily-totals.js';
import { closeDay } from '../reports/day-close.js';
import { centsFlag, dayFlag, money, textFlag, type Flags, type Out } from './cli-io.js';

function today(services: Services): string {
  return storeDayOf(services.journal.clock.now(), services.settings.storeTimeZone);
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
  for (const r of totals.byCashier) out(`  cashier ${r.key}: net ${money(r.netCents, r.currency)}`);
  out(`pending: ${totals.pendingCount}, needs action: ${totals.needsActionCount}`);
  return 0;
}

export function closeDayCommand(services: Services, flags: Flags, out: Out): number {
  const z = closeDay(services.journal, {
    storeDay: dayFlag(flags, 'date', today(services)),
    closedBy: textFlag(flags, 'by', false) ?? 'admin-cli',
    // Required: a Z report is immutable, so a forgotten count must not be written down as an empty drawer.
    countedCashCents: centsFlag(flags, 'counted-cash', true, true) as number,
    cashCurrency: services.settings.currency,
    timeZone: services.settings.storeTimeZone,
  });
  out(`Z ${z.zNumber} for ${z.storeDay}: expected cash ${money(z.expectedCashCents, z.cashCurrency)}, counted ${money(z.countedCashCents, z.cashCurrency)}, difference ${money(z.differenceCents, z.cashCurrency)}`);
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

/** Read-only: runs before the app's services open the journal (which would migrate an older file). */
export function journalVerifyCommand(dataDir: string, out: Out): number {
  const file = join(dataDir, JOURNAL_FILE);
  if (!existsSync(file)) {
    out(`no journal at ${file}`);
    return 1;
  }
  const { line, exitCode } = describeVerdict(file, verifyJournalFile(file));
  out(line);
  return exitCode;
}
