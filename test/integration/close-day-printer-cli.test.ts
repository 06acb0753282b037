// `pos close-day ... --printer P` (docs/printing.md "From the command line"): the Z is taken, then printed there,
// with a real TCP listener playing the network printer. Without --printer nothing prints; a printer that is gone
// leaves the Z taken (exit 0, it is final) and its slip queued in the journal.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openJournal } from '../../main/journal/database.js';
import { queuedPrintJobs } from '../../main/journal/print-jobs.js';
import { systemClock } from '../../main/shared/clock.js';
import { decodeEscPos, printedText } from '../support/escpos-decoder.js';
import { posCliPerTest } from '../support/pos-cli-rig.js';
import { startPrinterListener } from '../support/printer-listener.js';

const { dataDir, pos } = posCliPerTest('close-day-printer-');

describe('pos close-day --printer', () => {
  it('takes the Z and prints it on the printer given', async () => {
    const dir = dataDir();
    const printer = await startPrinterListener();
    try {
      expect((await pos('charge', '--amount', '1250', '--cash', '1250', '--data-dir', dir)).code).toBe(0);
      expect(printer.jobs()).toHaveLength(0);
      const closed = await pos('close-day', '--counted-cash', '1250', '--printer', printer.url, '--data-dir', dir);
      expect(closed.code, closed.lines.join('\n')).toBe(0);
      expect(closed.lines[0]).toMatch(/^Z 1 for /);
      expect(closed.lines.at(-1)).toMatch(/^Z 1 printed on /);
      const [job] = await printer.waitForJobs(1);
      const text = printedText(decodeEscPos(job as Uint8Array));
      expect(text.some((l) => l.trim() === 'Z REPORT')).toBe(true);
      expect(text.some((l) => /^Counted cash +\$12\.50$/.test(l))).toBe(true);
    } finally {
      await printer.close();
    }
  });

  it('without --printer prints nothing; with a printer that is gone the Z is still taken and its slip queued', async () => {
    const dir = dataDir();
    const printer = await startPrinterListener();
    const url = printer.url;
    await printer.close();
    const first = await pos('close-day', '--counted-cash', '0', '--data-dir', dir);
    expect(first.code).toBe(0);
    expect(first.lines.some((l) => l.includes('printed'))).toBe(false);
    const second = await pos('close-day', '--counted-cash', '0', '--printer', url, '--data-dir', dir);
    expect(second.code, second.lines.join('\n')).toBe(0);
    expect(second.lines[0]).toMatch(/^Z 2 for /);
    expect(second.lines.at(-1)).toMatch(/^Z 2 not printed \(/);
    const journal = openJournal({ file: join(dir, 'journal.sqlite'), clock: systemClock, terminalId: 'T1' });
    try {
      expect(queuedPrintJobs(journal).map((j) => [j.kind, j.zNumber])).toEqual([['z-report', 2]]);
    } finally {
      journal.close();
    }
  });
});
