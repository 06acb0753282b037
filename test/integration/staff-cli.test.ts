// `pos staff`, `pos shift`, `pos charge --staff` and `pos report` by name (docs/staff.md "Command line"), on a real
// data folder in training mode.
import { describe, expect, it } from 'vitest';
import { posCliPerTest } from '../support/pos-cli-rig.js';

const { dataDir, pos } = posCliPerTest('staff-cli-');

describe('npm run pos -- staff and shift', () => {
  it('adds, lists and disables staff; a shift with a float, a cash sale by a named person, a pay-out, and the close', async () => {
    const dir = dataDir();
    expect(await pos('staff', 'add', '--name', 'Ann', '--role', 'cashier', '--pin', '2468', '--data-dir', dir)).toMatchObject({ code: 0, lines: ['added Ann (cashier), staff id s1'] });
    expect((await pos('staff', 'add', '--name', 'Bo', '--role', 'owner', '--pin', '1357', '--data-dir', dir)).code).toBe(2);
    expect((await pos('staff', 'add', '--name', 'Bo', '--role', 'cashier', '--pin', '2468', '--data-dir', dir)).lines.join(' ')).toContain('already uses that PIN');
    const list = await pos('staff', 'list', '--data-dir', dir);
    expect(list.lines).toEqual(['s1\tAnn\tcashier\tactive', 'manager\tManager\tmanager\tactive, built in, PIN 1234 until changed', 'trainee\tTrainee\tcashier\tactive, built in']);
    expect(list.lines.join('\n')).not.toContain('2468');

    expect(await pos('shift', 'open', '--staff', 'Ann', '--float', '10000', '--data-dir', dir)).toMatchObject({ code: 0, lines: ['shift 1 opened by Ann with a float of 100.00 CAD'] });
    // $12.50 untaxed (--amount), paid with $20 in cash: the drawer keeps $12.50.
    const charge = await pos('charge', '--amount', '1250', '--cash', '2000', '--staff', 'Ann', '--data-dir', dir);
    expect(charge.code).toBe(0);
    expect((await pos('charge', '--amount', '100', '--cash', '--staff', 'Nobody', '--data-dir', dir)).code).toBe(2);
    expect((await pos('shift', 'pay-out', '--cents', '300', '--reason', 'milk', '--data-dir', dir)).lines).toEqual(['pay-out recorded on shift 1; expected cash now 109.50 CAD']);
    const closed = await pos('shift', 'close', '--counted', '10940', '--staff', 'Ann', '--data-dir', dir);
    expect(closed).toMatchObject({ code: 0 });
    expect(closed.lines[2]).toBe('  expected 109.50 CAD, counted 109.40 CAD, variance -0.10 CAD');

    // The Z lists the shifts it covers, with their variances.
    const z = await pos('close-day', '--counted-cash', '10940', '--data-dir', dir);
    expect(z.lines).toContain('  shift 1: opened by Ann, expected 109.50 CAD, closed by Ann, counted 109.40 CAD, variance -0.10 CAD');
    const report = await pos('report', '--data-dir', dir);
    expect(report.lines).toContain('  cashier Ann: net 12.50 CAD (1 payments, 0 refunds)');
    expect(await pos('staff', 'disable', '--name', 'ann', '--data-dir', dir)).toMatchObject({ code: 0, lines: ['disabled Ann'] });
    // A disabled person keeps her name in the reports.
    expect((await pos('report', '--data-dir', dir)).lines).toContain('  cashier Ann: net 12.50 CAD (1 payments, 0 refunds)');
    expect((await pos('journal', 'verify', '--data-dir', dir)).code).toBe(0);
  });
});
