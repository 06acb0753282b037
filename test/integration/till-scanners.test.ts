// A scan from a real serial line (socat pty) all the way to money: product codes ring up the sale, one wallet
// code pays it by merchant-scan, and a payment code never reaches product search.
import { appendFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { Till, type TillEvent } from '../../main/checkout/till.js';
import { Catalog } from '../../main/catalog/catalog.js';
import { getSale } from '../../main/journal/sale-queries.js';
import { ReplayGuard } from '../../main/scanners/replay-guard.js';
import { createScanRouter } from '../../main/scanners/router.js';
import { SerialScannerDriver } from '../../main/scanners/serial-driver.js';
import { systemClock } from '../../main/shared/clock.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';
import { engineRig, type EngineRig } from '../support/engine-fixtures.js';
import { ledgerDisagreements } from '../support/ledger-agreement.js';
import { openPtyPair, type PtyPair } from '../support/pty-pair.js';
import { walletCode } from '../support/sandbox-fixtures.js';
import { requireTool } from '../support/system-tools.js';

const hasSocat = requireTool('socat', 'the till test scans through a real pty pair');

let rig: EngineRig | undefined;
let pty: PtyPair | undefined;
let driver: SerialScannerDriver | undefined;
afterEach(async () => {
  await driver?.stop();
  await pty?.close();
  await rig?.close();
  driver = pty = rig = undefined;
});

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 250 && !check(); i += 1) await new Promise((r) => setTimeout(r, 20));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

describe.skipIf(!hasSocat)('till fed by a serial scanner', () => {
  it('rings up two products, is paid by one wallet scan, refuses noise and a replayed code', async () => {
    rig = await engineRig();
    pty = await openPtyPair(rig.dataDir);
    const catalog = new Catalog();
    catalog.add({ sku: 'COF', gtin: '4006381333931', name: 'Coffee', priceCents: 450 });
    catalog.add({ sku: 'MUF', gtin: '036000291452', name: 'Muffin', priceCents: 325 });
    const searched: string[] = [];
    const search = catalog.searchByName.bind(catalog);
    catalog.searchByName = (q, limit) => (searched.push(q), search(q, limit));
    const events: TillEvent[] = [];
    const logger = createLogger('till', silentSink);
    const till = new Till({ journal: rig.journal, engine: rig.engine, catalog, currency: 'CAD', cashier: () => 'alice', logger, onEvent: (e) => events.push(e), approve: () => 'manager' });
    const route = createScanRouter({ handlers: till.handlers(), replayGuard: new ReplayGuard({ clock: systemClock }), clock: systemClock, logger });
    let open = false;
    driver = new SerialScannerDriver({ path: pty.device, baudRate: 9600, framing: { kind: 'suffix', suffix: 'CR' }, clock: systemClock, logger, onScan: route, onStatus: (s) => (open = s.state === 'open') });
    await driver.start();
    await until(() => open, 'the port to open');

    const code = walletCode('WX', '01');
    await appendFile(pty.scanner, '4006381333931\r036000291452\r');
    await until(() => events.filter((e) => e.type === 'line-added').length === 2, 'two lines');
    const saleId = till.currentSale();
    expect(getSale(rig.journal, saleId).sale.totalCents).toBe(775);
    await appendFile(pty.scanner, `${code}\r`);
    await until(() => getSale(rig!.journal, saleId).sale.status === 'paid', 'the sale to be paid');
    expect(getSale(rig.journal, saleId).attempts[0]).toMatchObject({ state: 'succeeded', amountCents: 775, channel: 'WX_MICROPAY', codeLast4: code.slice(-4) });

    await appendFile(pty.scanner, `1234567890123\r${code}\r`);
    await until(() => events.filter((e) => e.type === 'scan-refused').length === 2, 'two refusals');
    expect(events.filter((e) => e.type === 'scan-refused').map((e) => (e as { reason: string }).reason)).toEqual(['unreadable', 'unreadable']);
    expect(searched).toEqual([]);
    expect(rig.sandbox.ledger.snapshot().orders).toHaveLength(1);
    expect(ledgerDisagreements(rig.journal, rig.sandbox.ledger.snapshot())).toEqual([]);
  });

  it('a payment code on an empty sale is refused without charging', async () => {
    rig = await engineRig();
    const events: TillEvent[] = [];
    const till = new Till({ journal: rig.journal, engine: rig.engine, catalog: new Catalog(), currency: 'CAD', cashier: () => 'alice', logger: createLogger('t', silentSink), onEvent: (e) => events.push(e), approve: () => 'manager' });
    till.handlers().onPaymentCode({ kind: 'payment', wallet: 'WX_MICROPAY', code: walletCode('WX', '01'), source: 'wedge', deviceId: 'kbd', firstByteAt: 0, receivedAt: 0, classifiedAt: 0 });
    expect(events.at(-1)).toMatchObject({ type: 'scan-refused', reason: 'empty-sale', code: 'SCAN_EMPTY_SALE' });
    expect(rig.sandbox.ledger.snapshot().orders).toHaveLength(0);
  });
});
