// What the journal keeps of a wallet payment code: its last 4 characters (to match a receipt) and an
// HMAC-SHA256 fingerprint keyed with this journal's own random secret. The fingerprint lets the UNIQUE index
// refuse a replayed code without the journal ever holding the code, and without a guessable plain hash.
import { createHmac } from 'node:crypto';
import type { Journal } from './database.js';
import { JournalInputError } from './errors.js';

const secrets = new WeakMap<Journal, Buffer>();

function secretOf(journal: Journal): Buffer {
  let secret = secrets.get(journal);
  if (!secret) {
    const row = journal.statement(`SELECT value FROM meta WHERE key = 'code_fingerprint_secret'`).get() as
      | { value: string }
      | undefined;
    if (!row) throw new JournalInputError('meta', 'code_fingerprint_secret is missing');
    secret = Buffer.from(row.value, 'hex');
    secrets.set(journal, secret);
  }
  return secret;
}

export function codeLast4(code: string): string {
  return code.slice(-4);
}

export function codeFingerprint(journal: Journal, code: string): string {
  if (code.length < 8) throw new JournalInputError('paymentCode', 'too short to be a payment code');
  return createHmac('sha256', secretOf(journal)).update(code, 'utf8').digest('hex');
}
