// The print queue survives a kill -9 while printing (docs/printing.md "The queue"): a child queues a receipt and
// is SIGKILLed while the slip is on the wire to a printer that stalls; after the restart the slip is still queued
// in the journal, prints whole on the printer once it answers, and `journal verify` agrees with the tables.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { PrintingService } from '../../main/app/printing-service.js';
import { parseSettings } from '../../main/config/load-settings.js';
import { openJournal } from '../../main/journal/database.js';
import { verifyChain } from '../../main/journal/events.js';
import { getPrintJob, queuedPrintJobs } from '../../main/journal/print-jobs.js';
import { rebuildAndCompare } from '../../main/journal/rebuild.js';
import { systemClock } from '../../main/shared/clock.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';
import { decodeEscPos, printedText } from '../support/escpos-decoder.js';
import { startPrinterListener, type PrinterListener } from '../support/printer-listener.js';
import { makeTempDir } from '../support/temp-dir.js';

const childScript = fileURLToPath(new URL('../support/print-crash-child.ts', import.meta.url));
let dir: ReturnType<typeof makeTempDir>;
let stalled: PrinterListener;
let healthy: PrinterListener;
beforeEach(async () => {
  dir = makeTempDir('printing-crash-');
  stalled = await startPrinterListener('stall');
  healthy = await startPrinterListener('ok');
});
afterEach(async () => {
  await stalled.close();
  await healthy.close();
  dir.remove();
});

it('a slip being printed when the app is killed is still queued after the restart, and prints then', async () => {
  const file = join(dir.path, 'journal.sqlite');
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, file, stalled.url], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  // Killed only once the slip is journaled and the child is talking to the printer.
  await expect.poll(() => out.includes('jobId') && stalled.connections() > 0, { timeout: 20_000, message: `child: ${err}` }).toBe(true);
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  const { saleId, jobId } = JSON.parse(out.trim().split('\n')[0] as string) as { saleId: number; jobId: number };

  const journal = openJournal({ file, clock: systemClock, terminalId: 'T1', timeZone: 'America/Toronto' });
  try {
    expect(queuedPrintJobs(journal).map((j) => [j.id, j.kind, j.saleId])).toEqual([[jobId, 'sale', saleId]]);
    const settings = parseSettings({ storeName: 'Crash Café', printer: { target: healthy.url, timeoutMs: 2_000 } }, 'settings.json');
    const printing = new PrintingService({ journal, settings: () => settings, training: true, logger: createLogger('t', silentSink), every: () => () => undefined });
    expect(await printing.queue.pump()).toMatchObject({ pending: 0 });
    expect(getPrintJob(journal, jobId).state).toBe('printed');
    const d = decodeEscPos(healthy.bytes());
    expect(printedText(d).some((l) => l.trim() === 'Crash Café')).toBe(true);
    expect(d.commands.filter((c) => c.op === 'cut')).toHaveLength(1);
    expect(rebuildAndCompare(journal.db).differences).toEqual([]);
    expect(verifyChain(journal)).toMatchObject({ ok: true });
  } finally {
    journal.close();
  }
});
