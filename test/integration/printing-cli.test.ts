// `pos charge ... --printer`, `pos printer list | test | print`: on a real data folder in training mode, with a
// real TCP listener playing the network printer. The receipt prints as text always, and on the printer with
// --printer; a cash charge opens the drawer first; a print fault leaves the payment paid and the slip queued.
import { describe, expect, it } from 'vitest';
import { openJournal } from '../../main/journal/database.js';
import { drawerOpenings, queuedPrintJobs } from '../../main/journal/print-jobs.js';
import { systemClock } from '../../main/shared/clock.js';
import { decodeEscPos, indexOfOp, printedText } from '../support/escpos-decoder.js';
import { startPrinterListener } from '../support/printer-listener.js';
import { posCliPerTest } from '../support/pos-cli-rig.js';
import { join } from 'node:path';

const { dataDir, pos } = posCliPerTest('printing-cli-');

describe('pos charge and pos printer', () => {
  it('a cash charge with --printer opens the drawer, prints the receipt, and print --last reprints it marked REPRINT', async () => {
    const dir = dataDir();
    const printer = await startPrinterListener();
    try {
      const charged = await pos('charge', '--amount', '1250', '--cash', '2000', '--printer', printer.url, '--data-dir', dir);
      expect(charged.code, charged.lines.join('\n')).toBe(0);
      const text = charged.lines.join('\n');
      expect(text).toMatch(/Total\s+\$12\.50/);
      expect(text).toMatch(/Change due\s+\$7\.50/);
      expect(text).toContain('TRAINING - NOT A VALID RECEIPT');
      expect(charged.lines).toContain('drawer opened');
      const [kick, receipt] = await printer.waitForJobs(2);
      expect(decodeEscPos(kick as Uint8Array).commands.some((c) => c.op === 'pulse')).toBe(true);
      const d = decodeEscPos(receipt as Uint8Array);
      expect(indexOfOp(d, 'pulse')).toBe(-1);
      expect(printedText(d).some((l) => /^Change due +\$7\.50$/.test(l))).toBe(true);
      expect(d.commands.filter((c) => c.op === 'cut')).toHaveLength(1);

      printer.clear();
      const again = await pos('printer', 'print', '--last', '--printer', printer.url, '--data-dir', dir);
      expect(again.code, again.lines.join('\n')).toBe(0);
      const [reprint] = await printer.waitForJobs(1);
      expect(printedText(decodeEscPos(reprint as Uint8Array)).map((l) => l.trim())).toContain('*** REPRINT ***');

      printer.clear();
      expect((await pos('printer', 'test', '--printer', printer.url, '--data-dir', dir)).code).toBe(0);
      expect(printedText(decodeEscPos((await printer.waitForJobs(1))[0] as Uint8Array)).some((l) => l.includes('PRINTER TEST'))).toBe(true);
      expect((await pos('printer', 'list', '--data-dir', dir)).lines.at(-1)).toBe('settings.json: no printer');

      printer.clear();
      expect((await pos('close-day', '--counted-cash', '1250', '--data-dir', dir)).code).toBe(0);
      const z = await pos('printer', 'print', '--z', '1', '--printer', printer.url, '--data-dir', dir);
      expect(z.code, z.lines.join('\n')).toBe(0);
      const zText = printedText(decodeEscPos((await printer.waitForJobs(1))[0] as Uint8Array));
      expect(zText.some((l) => l.trim() === 'Z REPORT')).toBe(true);
      expect(zText.some((l) => /^Counted cash +\$12\.50$/.test(l))).toBe(true);
    } finally {
      await printer.close();
    }
  });

  it('a printer that refuses leaves the sale paid (exit 0) and the receipt queued in the journal', async () => {
    const dir = dataDir();
    const gone = await startPrinterListener();
    const url = gone.url;
    await gone.close();
    const charged = await pos('charge', '--amount', '500', '--cash', '500', '--printer', url, '--data-dir', dir);
    expect(charged.code).toBe(0);
    expect(charged.lines.some((l) => l.startsWith('not printed (offline)'))).toBe(true);
    expect(charged.lines).toContain('drawer not opened: offline');
    const journal = openJournal({ file: join(dir, 'journal.sqlite'), clock: systemClock, terminalId: 'T1' });
    try {
      expect(queuedPrintJobs(journal).map((j) => [j.kind, j.fault])).toEqual([['sale', 'offline']]);
      expect(drawerOpenings(journal).map((o) => [o.reason, o.result])).toEqual([['cash-sale', 'offline']]);
      expect(journal.db.prepare(`SELECT status FROM sales`).pluck().all()).toEqual(['paid']);
    } finally {
      journal.close();
    }
    expect((await pos('printer', 'print', '--data-dir', dir)).code).toBe(2);
  });
});
