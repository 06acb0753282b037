// Storage faults explained (docs/journal.md "Storage faults"): read-only medium, full disk, missing journal, corrupt
// journal, a lock held by another process, the wrong owner. Each is a typed error naming the file, the cause and the
// next step, in the log too; read-only commands work on a read-only medium; a journal that vanished is refused. And
// the data folder is 0700, its files 0600. Mount-based cases need root (a read-only bind, a full tmpfs): they skip
// loudly elsewhere and fail under CI=true.
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync, openSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { composeApp } from '../../main/app/compose.js';
import { openServices } from '../../main/app/services.js';
import { runPos } from '../../main/cli/pos.js';
import { openJournal } from '../../main/journal/database.js';
import { JournalCorruptError } from '../../main/journal/errors.js';
import { createSale } from '../../main/journal/sales.js';
import { verifyJournalFile } from '../../main/journal/verify-file.js';
import { systemClock } from '../../main/shared/clock.js';
import { createLogger, silentSink, type LogSink } from '../../main/shared/logger.js';
import { JournalMissingError, StorageFullError, StorageLockedError } from '../../main/shared/storage-faults.js';
import { bindReadOnly, mountTmpfs, requireRootMounts, unmount } from '../support/system-tools.js';
import { tempDirsPerTest } from '../support/temp-dir.js';

const dataDir = tempDirsPerTest('storage-faults-');

async function pos(...argv: string[]): Promise<{ code: number; lines: string[]; error?: { code?: string; message: string } }> {
  const lines: string[] = [];
  try {
    return { code: await runPos(argv, (l) => lines.push(l), {}), lines };
  } catch (err) {
    const e = err as { code?: string; message: string };
    return { code: e.code === 'USAGE' ? 2 : 1, lines, error: { code: e.code, message: e.message } };
  }
}

function capture(): { sink: LogSink; lines: string[] } {
  const lines: string[] = [];
  return { lines, sink: (level, prefix, message, fields) => lines.push(`${level} [${prefix}] ${message} ${JSON.stringify(fields ?? {})}`) };
}

const today = () => new Date().toISOString().slice(0, 10);

describe('missing, corrupt and locked journals (any user)', () => {
  it('a journal that disappeared while settings.json holds the terminal id is refused, not recreated; journal init makes a new one', async () => {
    const dir = dataDir();
    expect((await pos('charge', '--amount', '100', '--cash', '--data-dir', dir)).code).toBe(0);
    const settings = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as { terminalId: string; journalId: string };
    expect(settings.journalId).toMatch(/^[0-9a-f]{32}$/);
    for (const f of readdirSync(dir).filter((n) => n.startsWith('journal.sqlite'))) unlinkSync(join(dir, f));

    const charge = await pos('charge', '--amount', '100', '--cash', '--data-dir', dir);
    expect(charge.error?.code).toBe('JOURNAL_MISSING');
    expect(charge.error?.message).toContain(join(dir, 'journal.sqlite'));
    expect(charge.error?.message).toContain(`terminal ${settings.terminalId} had one`);
    expect(charge.error?.message).toMatch(/Next step: restore journal\.sqlite from a backup .*journal init --i-understand/);
    expect(existsSync(join(dir, 'journal.sqlite'))).toBe(false);
    expect((await pos('report', '--data-dir', dir)).error?.code).toBe('JOURNAL_MISSING');
    await expect(composeApp({ dataDir: dir, logger: createLogger('t', silentSink) })).rejects.toThrow(JournalMissingError);
    expect(existsSync(join(dir, 'journal.sqlite'))).toBe(false);

    expect((await pos('journal', 'init', '--data-dir', dir)).code).toBe(2);
    const init = await pos('journal', 'init', '--i-understand', '--data-dir', dir);
    expect(init.code).toBe(0);
    expect(init.lines[0]).toMatch(/^new empty journal .* for terminal /);
    expect((await pos('journal', 'init', '--i-understand', '--data-dir', dir)).code).toBe(1);
    expect((await pos('charge', '--amount', '100', '--cash', '--data-dir', dir)).code).toBe(0);
  });

  it('a first start with a hand-written settings.json (terminal id, no journal yet) creates the journal', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ terminalId: 'SHOP1' }));
    expect((await pos('charge', '--amount', '100', '--cash', '--data-dir', dir)).code).toBe(0);
  });

  it('a corrupt journal is refused with what to do next', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'journal.sqlite'), 'not a database'.repeat(400));
    const report = await pos('report', '--data-dir', dir);
    expect(report.error?.code).toBe('JOURNAL_CORRUPT');
    expect(report.error?.message).toMatch(/unusable .*left untouched\. Next step: keep this file for support and restore journal\.sqlite from a backup; or move it aside .*journal init --i-understand/);
    expect(() => verifyJournalFile(join(dir, 'journal.sqlite'))).toThrow(JournalCorruptError);
  });

  it('a journal locked by another process is named as such, at open and at a write, and logged', async () => {
    const dir = dataDir();
    const file = join(dir, 'journal.sqlite');
    const log = capture();
    const journal = openJournal({ file, clock: systemClock, terminalId: 'T01', busyTimeoutMs: 200, logger: createLogger('j', log.sink) });
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    let error: unknown;
    try {
      createSale(journal, { cashier: 'ann', currency: 'CAD' });
    } catch (e) {
      error = e;
    }
    other.exec('ROLLBACK');
    expect(error).toBeInstanceOf(StorageLockedError);
    expect((error as Error).message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: another process holds a lock on it \\(SQLITE_BUSY\\)\\. Next step: close the other POS`));
    expect(log.lines.some((l) => l.startsWith('error [j] journal storage fault') && l.includes('STORAGE_LOCKED'))).toBe(true);
    journal.close();

    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('BEGIN EXCLUSIVE; COMMIT');
    expect(() => openJournal({ file, clock: systemClock, terminalId: 'T01', busyTimeoutMs: 200 })).toThrow(StorageLockedError);
    other.close();
    openJournal({ file, clock: systemClock, terminalId: 'T01' }).close();
  });
});

describe('permissions', () => {
  let umask: number;
  beforeAll(() => (umask = process.umask(0o022)));
  afterAll(() => process.umask(umask));

  it.skipIf(process.platform === 'win32')('a new data folder is 0700 and its files 0600', async () => {
    const dir = join(dataDir(), 'new-folder');
    expect((await pos('charge', '--amount', '100', '--cash', '--data-dir', dir)).code).toBe(0);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const files = readdirSync(dir);
    expect(files).toEqual(expect.arrayContaining(['journal.sqlite', 'settings.json', 'training-merchant.json']));
    for (const f of files) expect([f, statSync(join(dir, f)).mode & 0o777]).toEqual([f, 0o600]);
  });

  it.skipIf(process.platform === 'win32')('an existing data folder of ours (0755, a 0644 journal) is tightened at start', async () => {
    const dir = join(dataDir(), 'desktop-made');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    openJournal({ file: join(dir, 'journal.sqlite'), clock: systemClock, terminalId: 'T01' }).close();
    chmodSync(join(dir, 'journal.sqlite'), 0o644);
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ terminalId: 'T01' }), { mode: 0o644 });
    const services = await openServices({ dataDir: dir, logger: createLogger('t', silentSink), withGateway: false });
    await services.close();
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'journal.sqlite')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'settings.json')).mode & 0o777).toBe(0o600);
  });
});

const canMount = requireRootMounts('read-only and full-disk storage faults');

describe.skipIf(!canMount)('read-only medium, full disk, wrong owner (root: real mounts)', () => {
  const mounts: string[] = [];
  afterEach(() => {
    for (const m of mounts.splice(0).reverse()) unmount(m);
  });

  it('a read-only medium: writes are refused naming file, cause and next step; report, export and journal verify work', async () => {
    const source = dataDir();
    expect((await pos('charge', '--amount', '1250', '--cash', '--data-dir', source)).code).toBe(0);
    const ro = dataDir();
    bindReadOnly(source, ro);
    mounts.push(ro);
    const charge = await pos('charge', '--amount', '100', '--cash', '--data-dir', ro);
    expect(charge.error?.code).toBe('STORAGE_READ_ONLY');
    expect(charge.error?.message).toContain(join(ro, 'journal.sqlite'));
    expect(charge.error?.message).toMatch(/read-only \(EROFS\); nothing was written\. Next step: remount that medium read-write/);
    expect((await pos('close-day', '--counted-cash', '0', '--data-dir', ro)).error?.code).toBe('STORAGE_READ_ONLY');

    const report = await pos('report', '--json', '--data-dir', ro);
    expect(report.code).toBe(0);
    expect(JSON.parse(report.lines[0]!).byCurrency[0]).toMatchObject({ grossCents: 1250 });
    const verify = await pos('journal', 'verify', '--data-dir', ro);
    expect(verify).toMatchObject({ code: 0, lines: [expect.stringMatching(/^journal ok: /)] });
    const csv = await pos('export', '--from', today(), '--to', today(), '--data-dir', ro);
    expect(csv.code).toBe(0);
    expect(csv.lines[0]).toMatch(/^record_type,/);

    const log = capture();
    await expect(openServices({ dataDir: ro, logger: createLogger('t', log.sink), withGateway: false })).rejects.toThrow(/EROFS/);
    expect(log.lines.some((l) => l.includes('journal storage fault') && l.includes('STORAGE_READ_ONLY'))).toBe(true);
  });

  it('a full disk: the write is refused as STORAGE_FULL naming the file, logged; nothing half-written; space back, it works', async () => {
    const dir = dataDir();
    mountTmpfs(dir, '3m');
    mounts.push(dir);
    const log = capture();
    const services = await openServices({ dataDir: dir, logger: createLogger('t', log.sink), withGateway: false });
    try {
      const filler = join(dir, 'filler.bin');
      const fd = openSync(filler, 'w');
      try {
        for (;;) writeSync(fd, Buffer.alloc(16 * 1024, 1));
      } catch (error) {
        expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
      } finally {
        closeSync(fd);
      }
      let refused: unknown;
      for (let i = 0; i < 2000 && !refused; i += 1) {
        try {
          createSale(services.journal, { cashier: 'x'.repeat(190), currency: 'CAD' });
        } catch (error) {
          refused = error;
        }
      }
      expect(refused).toBeInstanceOf(StorageFullError);
      expect((refused as Error).message).toMatch(new RegExp(`^${join(dir, 'journal.sqlite').replace(/[/.]/g, '\\$&')}: the disk holding .* is full \\(SQLITE_FULL\\); the last change was not saved\\. Next step: free space`));
      expect(log.lines.some((l) => l.startsWith('error [t:journal] journal storage fault') && l.includes('STORAGE_FULL'))).toBe(true);
      rmSync(filler);
      expect(createSale(services.journal, { cashier: 'ann', currency: 'CAD' }).status).toBe('open');
    } finally {
      await services.close();
    }
    expect(verifyJournalFile(join(dir, 'journal.sqlite')).ok).toBe(true);
  });

  it('a data folder of another user is refused before anything is written', async () => {
    const dir = dataDir();
    expect((await pos('charge', '--amount', '100', '--cash', '--data-dir', dir)).code).toBe(0);
    for (const f of [dir, ...readdirSync(dir).map((n) => join(dir, n))]) chownSync(f, 4242, 4242);
    const charge = await pos('charge', '--amount', '100', '--cash', '--data-dir', dir);
    expect(charge.error?.code).toBe('STORAGE_PERMISSION');
    expect(charge.error?.message).toMatch(/belongs to user id 4242, but the app runs as user id 0\. Next step: start the app as the user who owns the data folder/);
    // Reading it is still fine.
    expect((await pos('report', '--data-dir', dir)).code).toBe(0);
  });
});
