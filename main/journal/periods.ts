// Z periods (docs/journal.md "Z periods"). Z n closes period n; the open period is the one after the last Z. A sale,
// an attempt or a refund belongs to the period that was open when it became final (paid or voided; succeeded or
// failed), read from the journal inside the same write, so no clock setting can put it in a period already closed.
import type { Journal } from './database.js';

/** The period the next Z will close. Call inside the write that stamps it, so a concurrent close cannot slip in. */
export function openPeriod(journal: Journal): number {
  const row = journal.statement('SELECT coalesce(max(z_number), 0) + 1 AS period FROM day_closes').get() as { period: number };
  return row.period;
}
