// Read-side admin commands: daily totals, day close, CSV export, journal verification.
import { writeFileSync } from 'node:fs';
import type { Services } from '../app/services.js';
import { verifyChain } from '../journal/events.js';
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
    countedCashCents: centsFlag(flags, 'counted-cash', false) ?? 0,
    cashCurrency: services.settings.currency,
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

export function journalVerifyCommand(services: Services, out: Out): number {
  const verdict = verifyChain(services.journal);
  if (verdict.ok) {
    out(`journal ok: ${verdict.events} events, hash chain intact`);
    return 0;
  }
  out(`journal BROKEN at event ${verdict.firstBrokenSeq}: ${verdict.reason}`);
  return 1;
}
