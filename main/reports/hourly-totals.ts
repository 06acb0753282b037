// Gross takings per hour of a store day, for the manager's chart. A day's succeeded payments are a few
// thousand rows at most, read through the same partial index as the daily totals.
import type { Journal } from '../journal/database.js';
import { storeDayRange } from '../journal/store-day.js';

export interface HourBucket { hour: number; grossCents: number; count: number }

export function hourlyTotals(journal: Journal, storeDay: string, timeZone: string = journal.timeZone): HourBucket[] {
  const range = storeDayRange(storeDay, timeZone);
  const rows = journal
    .statement(`SELECT finalized_at AS at, amount_cents AS cents FROM attempts WHERE state = 'succeeded' AND finalized_at >= ? AND finalized_at < ?`)
    .all(range.startMs, range.endMs) as Array<{ at: number; cents: number }>;
  const hourOf = new Intl.DateTimeFormat('en-CA', { timeZone, hour: 'numeric', hourCycle: 'h23' });
  const buckets = Array.from({ length: 24 }, (_, hour) => ({ hour, grossCents: 0, count: 0 }));
  for (const row of rows) {
    const bucket = buckets[Number(hourOf.format(row.at)) % 24]!;
    bucket.grossCents += row.cents;
    bucket.count += 1;
  }
  return buckets;
}
