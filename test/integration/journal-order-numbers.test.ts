// mchOrderNo / mchRefundNo: shape, length, uniqueness over reopen, no reuse after a rolled-back write.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAttempt, transitionAttempt } from '../../main/journal/attempts.js';
import { openJournal, type Journal } from '../../main/journal/database.js';
import { JournalInputError } from '../../main/journal/errors.js';
import { MAX_ORDER_NUMBER_LENGTH, mintOrderNumber } from '../../main/journal/order-numbers.js';
import { createRefund } from '../../main/journal/refunds.js';
import { createSale } from '../../main/journal/sales.js';
import { ManualClock } from '../../main/shared/clock.js';
import { makeTempDir } from '../support/temp-dir.js';

let dir: ReturnType<typeof makeTempDir>;
let clock: ManualClock;
const open = (file: string, terminalId = 'STORE7T1') =>
  openJournal({ file, clock, terminalId, timeZone: 'America/Toronto' });

beforeEach(() => {
  dir = makeTempDir('journal-numbers-');
  clock = new ManualClock(Date.UTC(2026, 0, 15, 3, 0, 0)); // 2026-01-14 22:00 in Toronto
});
afterEach(() => dir.remove());

function pay(journal: Journal): string {
  const sale = createSale(journal, { cashier: 'ann', currency: 'CAD' });
  return createAttempt(journal, {
    saleId: sale.id, tender: 'cash', channel: 'CASH', amountCents: 100, currency: 'CAD', cashier: 'ann',
  }).mchOrderNo;
}

describe('order numbers', () => {
  it('are terminal + P + store day + tag + sequence, at most 30 characters', () => {
    const journal = open(join(dir.path, 'j.sqlite'));
    const number = pay(journal);
    expect(number).toMatch(/^STORE7T1P260114\d{4}00000001$/);
    expect(number.length).toBeLessThanOrEqual(MAX_ORDER_NUMBER_LENGTH);
    journal.close();
  });

  it('never repeat, across a reopen and a new store day', () => {
    const file = join(dir.path, 'j.sqlite');
    const seen = new Set<string>();
    for (let round = 0; round < 3; round += 1) {
      const journal = open(file);
      for (let i = 0; i < 50; i += 1) seen.add(pay(journal));
      journal.close();
      clock.advance(-86_400_000); // even a clock set back a day cannot repeat a number
    }
    expect(seen.size).toBe(150);
  });

  it('are not consumed by a write that rolls back, and never handed out twice after it', () => {
    const journal = open(join(dir.path, 'j.sqlite'));
    const first = pay(journal);
    expect(() =>
      journal.write(() => {
        mintOrderNumber(journal, 'P');
        throw new Error('crash before commit');
      }),
    ).toThrow('crash before commit');
    const second = pay(journal);
    expect(second.slice(-8)).toBe('00000002');
    expect(second).not.toBe(first);
    journal.close();
  });

  it('refund numbers have their own kind letter and sequence', () => {
    const journal = open(join(dir.path, 'j.sqlite'));
    const sale = createSale(journal, { cashier: 'ann', currency: 'CAD' });
    const attempt = createAttempt(journal, {
      saleId: sale.id, tender: 'cash', channel: 'CASH', amountCents: 100, currency: 'CAD', cashier: 'ann',
    });
    transitionAttempt(journal, attempt.id, 'succeeded');
    const refund = createRefund(journal, { attemptId: attempt.id, amountCents: 40, reason: 'x', approvedBy: 'mgr' });
    expect(refund.mchRefundNo).toMatch(/^STORE7T1R260114\d{4}00000001$/);
    journal.close();
  });

  it('differ between two terminals, even between two fresh journals on the same day (random tag)', () => {
    const a = open(join(dir.path, 'a.sqlite'), 'AB');
    const b = open(join(dir.path, 'b.sqlite'), 'ABP');
    const numbers = new Set([pay(a), pay(a), pay(b), pay(b)]);
    expect(numbers.size).toBe(4);
    a.close();
    b.close();
  });

  it('survive a hard kill: committed attempts are all there and no number is handed out again', () => {
    const file = join(dir.path, 'j.sqlite');
    const child = join(dir.path, 'child.ts');
    const module = (name: string) => JSON.stringify(fileURLToPath(new URL(`../../main/${name}`, import.meta.url)));
    writeFileSync(
      child,
      `import { openJournal } from ${module('journal/database.ts')};
       import { createSale } from ${module('journal/sales.ts')};
       import { createAttempt } from ${module('journal/attempts.ts')};
       import { ManualClock } from ${module('shared/clock.ts')};
       const j = openJournal({ file: ${JSON.stringify(file)}, clock: new ManualClock(), terminalId: 'KILL1' });
       const sale = createSale(j, { cashier: 'ann', currency: 'CAD' });
       const numbers = [];
       for (let i = 0; i < 20; i += 1) {
         numbers.push(createAttempt(j, { saleId: sale.id, tender: 'cash', channel: 'CASH', amountCents: 100, currency: 'CAD', cashier: 'ann' }).mchOrderNo);
       }
       process.stdout.write(JSON.stringify(numbers), () => process.kill(process.pid, 'SIGKILL'));`,
    );
    const run = spawnSync(process.execPath, ['--import', 'tsx', child], { encoding: 'utf8' });
    expect(run.signal).toBe('SIGKILL');
    const before = JSON.parse(run.stdout) as string[];
    const journal = openJournal({ file, clock, terminalId: 'KILL1' });
    const stored = journal.db.prepare('SELECT mch_order_no FROM attempts ORDER BY id').pluck().all();
    expect(stored).toEqual(before);
    const after = [pay(journal), pay(journal)];
    expect(new Set([...before, ...after]).size).toBe(22);
    journal.close();
  });

  it('can only be minted inside a journal write', () => {
    const journal = open(join(dir.path, 'j.sqlite'));
    expect(() => mintOrderNumber(journal, 'P')).toThrow(JournalInputError);
    journal.close();
  });
});
