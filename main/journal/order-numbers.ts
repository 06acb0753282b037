// mchOrderNo / mchRefundNo minting (docs/architecture.md §3, "Idempotency").
// Shape: terminal id + kind letter (P pay, R refund) + yyMMdd store day + 4-digit journal tag + sequence
// (at least 8 digits), e.g. `T01P260115042700000042`; 27 characters with an 8-character terminal id.
// - Unique across terminals: the terminal id ends at the only letter after it, and everything after is digits.
// - Never reused: the per-kind sequence never resets (not even on a new day, so a clock set back cannot repeat
//   a number) and is bumped in the same transaction as the row that uses the number: if that rolls back, the
//   number was never sent. The random journal tag guards against a replaced journal restarting its sequences.
import type { Journal } from './database.js';
import { JournalInputError } from './errors.js';
import { storeDayOf } from './store-day.js';

export type OrderNumberKind = 'P' | 'R';
export const MAX_ORDER_NUMBER_LENGTH = 30;
const SEQUENCE_DIGITS = 8;

const tags = new WeakMap<Journal, string>();

/** Written once by migration 0030 and never changed, so it is read once per connection. */
function journalTag(journal: Journal): string {
  const cached = tags.get(journal);
  if (cached) return cached;
  const row = journal.statement(`SELECT value FROM meta WHERE key = 'order_number_tag'`).get() as
    | { value: string }
    | undefined;
  if (!row) throw new JournalInputError('meta', 'order_number_tag is missing');
  tags.set(journal, row.value);
  return row.value;
}

function nextSequence(journal: Journal, kind: OrderNumberKind): number {
  const row = journal
    .statement(
      `INSERT INTO order_number_sequences (kind, last_value) VALUES (?, 1)
       ON CONFLICT (kind) DO UPDATE SET last_value = last_value + 1 RETURNING last_value`,
    )
    .get(kind) as { last_value: number };
  return row.last_value;
}

/** Mints the next number of `kind`. Must run inside the `journal.write()` that stores the row using it. */
export function mintOrderNumber(journal: Journal, kind: OrderNumberKind): string {
  if (!journal.db.inTransaction) throw new JournalInputError('mintOrderNumber', 'must run inside a journal write');
  const day = storeDayOf(journal.clock.now(), journal.timeZone).replaceAll('-', '').slice(2);
  const sequence = String(nextSequence(journal, kind)).padStart(SEQUENCE_DIGITS, '0');
  const number = `${journal.terminalId}${kind}${day}${journalTag(journal)}${sequence}`;
  if (number.length > MAX_ORDER_NUMBER_LENGTH) {
    throw new JournalInputError('mchOrderNo', `${number} is longer than ${MAX_ORDER_NUMBER_LENGTH} characters`);
  }
  return number;
}
