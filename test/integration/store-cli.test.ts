// `pos store init | sync | status | report | close-day` against a real PostgreSQL (docs/store.md), run through the
// same entry as `npm run pos`: init prints one connection string per terminal and one for managers; sync pushes and
// exits; status --verify walks the chains; report sums the store; close-day refuses, then takes an override.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPos } from '../../main/cli/pos.js';
import { openJournal } from '../../main/journal/database.js';
import { addLine, createSale } from '../../main/journal/sales.js';
import { ManualClock } from '../../main/shared/clock.js';
import { requirePostgres, startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.js';
import { STORE_ZONE, writeTerminalSettings } from '../support/store-terminals.js';
import { makeTempDir } from '../support/temp-dir.js';

const available = requirePostgres('the store command line runs against a real PostgreSQL');

async function pos(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runPos(args, (l) => lines.push(l), { ...env, POS_LOG_LEVEL: 'error' });
  return { code, lines };
}

describe.skipIf(!available)('pos store', () => {
  let cluster: PostgresCluster;
  const dirs: Array<{ path: string; remove(): void }> = [];
  beforeAll(async () => {
    cluster = await startPostgresCluster();
    cluster.createDatabase('shop');
  }, 60_000);
  afterAll(() => {
    dirs.forEach((d) => d.remove());
    cluster?.destroy();
  });

  it('init, sync, status, report and close-day', async () => {
    const admin = cluster.urlFor('shop');
    const init = await pos(['store', 'init', '--store', admin, '--terminal', 'C1', '--terminal', 'C2']);
    expect(init.code).toBe(0);
    expect(init.lines[0]).toBe('store shop: applied migrations 10, 20, 30, 40');
    const urls = Object.fromEntries(init.lines.map((l) => /^(terminal C\d|managers): (postgres:\/\/\S+)$/.exec(l)).filter((m) => m !== null).map((m) => [m[1], m[2]]));
    expect(Object.keys(urls).sort()).toEqual(['managers', 'terminal C1', 'terminal C2']);
    // Again: nothing new, passwords unchanged and not printed.
    const again = await pos(['store', 'init', '--store', admin, '--terminal', 'C1']);
    expect(again.lines).toEqual(['store shop: schema up to date', 'terminal C1: role shop_t_c1 already exists, password unchanged (--rotate C1 issues a new one)', 'managers: role shop_manager already exists, password unchanged (--rotate manager issues a new one)']);

    // Two data folders with a sale each, synced by the command line; C2 only reports in later.
    for (const id of ['C1', 'C2']) {
      const dir = makeTempDir(`pos-store-cli-${id}-`);
      dirs.push(dir);
      writeTerminalSettings(dir.path, id);
      const journal = openJournal({ file: join(dir.path, 'journal.sqlite'), clock: new ManualClock(Date.UTC(2026, 10, 22, 15)), terminalId: id, timeZone: STORE_ZONE });
      const sale = createSale(journal, { cashier: 'ann', currency: 'CAD' });
      addLine(journal, sale.id, { sku: 'TEA', name: 'Tea', unitPriceCents: 250, quantity: 2 });
      journal.close();
    }
    const sync1 = await pos(['store', 'sync', '--data-dir', dirs[0]!.path], { POS_STORE_URL: urls['terminal C1'] });
    expect(sync1).toEqual({ code: 0, lines: ['synced terminal C1: 2 events sent, the store holds 2 of 2'] });
    expect((await pos(['store', 'sync', '--data-dir', dirs[0]!.path, '--store', urls['terminal C1']!])).lines).toEqual(['synced terminal C1: 0 events sent, the store holds 2 of 2']);
    // A terminal's connection cannot be used for another data folder, and cannot read the store.
    await expect(pos(['store', 'sync', '--data-dir', dirs[1]!.path, '--store', urls['terminal C1']!])).rejects.toThrow(/belongs to terminal C1, but this data folder is terminal C2/);
    await expect(pos(['store', 'status', '--data-dir', dirs[1]!.path, '--store', urls['terminal C1']!])).rejects.toMatchObject({ code: 'STORE_SETUP', message: 'the store database refused this: the role has no permission for it (status, report and close-day need the managers\' connection string)' });

    const status = await pos(['store', 'status', '--verify', '--data-dir', dirs[0]!.path, '--store', urls.managers!]);
    expect(status.code).toBe(0);
    expect(status.lines.filter((l) => l.startsWith('chain'))).toEqual(['chain C1: 2 events verified', 'chain C2: 0 events verified']);
    expect(status.lines.find((l) => l.startsWith('terminal C2'))).toMatch(/^terminal C2: never synced;/);

    const report = await pos(['store', 'report', '--date', '2026-11-22', '--json', '--data-dir', dirs[0]!.path, '--store', urls.managers!]);
    expect(JSON.parse(report.lines[0]!)).toMatchObject({ storeDay: '2026-11-22', terminals: [{ terminalId: 'C1', storeSeq: 2, behind: 0 }, { terminalId: 'C2', storeSeq: 0 }] });

    const refused = await pos(['store', 'close-day', '--date', '2026-11-22', '--by', 'mgr', '--data-dir', dirs[0]!.path, '--store', urls.managers!]);
    expect(refused.code).toBe(3);
    expect(refused.lines[0]).toBe('refused: terminal C1 has no Z for the day yet; terminal C2 has never synced; terminal C2 has no Z for the day yet');
    const closed = await pos(['store', 'close-day', '--date', '2026-11-22', '--by', 'mgr', '--override', 'C2 is broken', '--approved-by', 'boss', '--data-dir', dirs[0]!.path, '--store', urls.managers!]);
    expect(closed.code).toBe(0);
    expect(closed.lines[0]).toBe('store Z for 2026-11-22 (OVERRIDDEN by boss: C2 is broken): 0 terminal Zs');

    // The store's staff list: managers add and disable; a terminal's connection is refused; a sync pulls it.
    const managers = ['--data-dir', dirs[0]!.path, '--store', urls.managers!];
    expect(await pos(['store', 'staff', 'add', '--name', 'Dana', '--role', 'supervisor', '--pin', '2468', ...managers])).toEqual({ code: 0, lines: ['added Dana (supervisor) to the store, staff id st1; each terminal adds them at its next sync'] });
    await expect(pos(['store', 'staff', 'add', '--name', 'Eve', '--role', 'cashier', '--pin', '2468', ...managers])).rejects.toThrow(/already uses that PIN/);
    await expect(pos(['store', 'staff', 'add', '--name', 'Eve', '--role', 'cashier', '--pin', '1357', '--data-dir', dirs[0]!.path, '--store', urls['terminal C1']!])).rejects.toMatchObject({ code: 'STORE_SETUP', message: expect.stringMatching(/^the store database refused this: the role has no permission for it/) });
    expect((await pos(['store', 'staff', 'list', ...managers])).lines).toEqual(['st1\tDana\tsupervisor\tactive']);
    const pulled = await pos(['store', 'sync', '--data-dir', dirs[0]!.path, '--store', urls['terminal C1']!]);
    expect(pulled.lines).toEqual([expect.stringMatching(/^synced terminal C1: 2 events sent, the store holds \d+ of \d+; 1 staff records updated from the store's staff list$/)]);
    expect((await pos(['staff', 'list', '--data-dir', dirs[0]!.path])).lines).toContainEqual(expect.stringMatching(/^st1\tDana\tsupervisor\tactive/));
    expect((await pos(['store', 'staff', 'disable', '--name', 'Dana', ...managers])).lines).toEqual(['disabled Dana (st1) in the store; each terminal disables them at its next sync']);
  }, 120_000);
});
