// `pos refund --sale N --line LINE[:QTY] ...` on a real data folder in training mode (docs/register.md "Returns and
// exchanges"): lines of a paid sale come back at their price after discount plus their tax, on the sale's own tender,
// cash 5¢-rounded cumulatively; a line past what was sold is refused with its code; `journal verify` stays clean.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { walletCode } from '../support/sandbox-fixtures.js';
import { posCliPerTest } from '../support/pos-cli-rig.js';

const { dataDir, pos } = posCliPerTest('pos-cli-returns-', { withErrorCode: true });

describe('pos refund --sale --line', () => {
  it('returns one line of a wallet sale, then part of a cash line; refuses a line twice', async () => {
    const dir = dataDir();
    // Latte 4.95 + muffin 3.25 = 8.20; HST 13% 1.066 → 1.07; 9.27 by wallet.
    expect((await pos('charge', '--item', 'LATTE', '--item', 'MUFFIN', '--scan', walletCode('WX', '01'), '--data-dir', dir)).code).toBe(0);
    // The muffin's share of the HST: 107 × 325 / 820 = 42.4 → 42 (largest remainder gives the latte 65).
    const muffin = await pos('refund', '--sale', '1', '--line', '2', '--reason', 'stale', '--data-dir', dir);
    expect(muffin.code, muffin.lines.join('\n')).toBe(0);
    expect(muffin.lines).toContain('line 2 × 1 Blueberry muffin: 3.67 CAD');
    expect(muffin.lines.some((l) => /refund of 3\.67 CAD: succeeded$/.test(l))).toBe(true);
    const again = await pos('refund', '--sale', '1', '--line', '2', '--data-dir', dir);
    expect(again.code).toBe(1);
    expect(again.lines.join('\n')).toContain('[RETURN_EXCEEDS_SOLD]');

    // Cash: 3 baos 13.50 + HST 1.755 → 1.76 = 15.26, 15.25 in cash. One bao back: 4.50 + 0.59 = 5.09 → 5.10 in cash.
    expect((await pos('charge', '--item', 'BAO:3', '--cash', '2000', '--data-dir', dir)).code).toBe(0);
    const bao = await pos('refund', '--sale', '2', '--line', '1:1', '--data-dir', dir);
    expect(bao.code, bao.lines.join('\n')).toBe(0);
    expect(bao.lines.some((l) => l.includes('5.09 CAD') && l.includes('cash back 5.10 CAD'))).toBe(true);
    const rest = await pos('refund', '--sale', '2', '--line', '1:2', '--data-dir', dir);
    expect(rest.lines.some((l) => l.includes('10.17 CAD') && l.includes('cash back 10.15 CAD'))).toBe(true);
    const db = new Database(join(dir, 'journal.sqlite'), { readonly: true });
    try {
      expect(db.prepare(`SELECT sum(r.amount_cents) AS cents FROM refunds r JOIN attempts a ON a.id = r.attempt_id WHERE a.sale_id = 2`).get()).toEqual({ cents: 1525 });
    } finally {
      db.close();
    }
    expect((await pos('refund', '--sale', '2', '--line', 'two', '--data-dir', dir)).code).toBe(2);
    expect((await pos('journal', 'verify', '--data-dir', dir)).code).toBe(0);
  });
});
