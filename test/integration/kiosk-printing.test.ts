// The kiosk prints too (docs/printing.md "At the kiosk"): a sale paid at the kiosk queues its receipt, which the
// network printer (a real TCP listener) prints; `receipt:paper` tells the kiosk's done screen a receipt is on its way,
// so it asks the customer to take it. Without a printer nothing is queued and the done screen says nothing of paper.
import { describe, expect, it } from 'vitest';
import { composedAppPerTest, until } from '../support/composed-app.js';
import { decodeEscPos, printedText } from '../support/escpos-decoder.js';
import { startPrinterListener } from '../support/printer-listener.js';
import { walletCode } from '../support/sandbox-fixtures.js';

const app = composedAppPerTest('kiosk-printing-');
const { call } = app;

async function kioskSale(): Promise<number> {
  const products = await call('kiosk', 'catalog:search', { query: '' });
  const sku = (products.value as unknown as Array<{ sku: string }>)[0]?.sku;
  expect(sku).toBeTruthy();
  expect((await call('kiosk', 'sale:addItem', { sku })).ok).toBe(true);
  const attempt = await call('kiosk', 'payment:chargeByScan', { code: walletCode('WX', '01') });
  expect(attempt.ok, JSON.stringify(attempt.error)).toBe(true);
  await until(async () => (await call('kiosk', 'sale:current')).value?.status === 'paid', 'the kiosk sale to be paid');
  return attempt.value!.saleId as number;
}

describe('a paid kiosk sale', () => {
  it('with a printer: its receipt prints, and the kiosk is told one is printing', async () => {
    const printer = await startPrinterListener();
    try {
      await app.start();
      const session = (await call('manager', 'manager:unlock', { pin: '1234' })).value!.session as string;
      expect((await call('manager', 'printer:save', { session, target: `127.0.0.1:${printer.port}`, columns: 48, codepage: 'cp863', language: 'esc-pos', cjk: false, drawer: true })).ok).toBe(true);
      printer.clear();
      const saleId = await kioskSale();
      const [receipt] = await printer.waitForJobs(1);
      const text = printedText(decodeEscPos(receipt as Uint8Array)).map((l) => l.trim());
      expect(text).toContain('RECEIPT');
      expect(text.some((l) => l.includes(`${saleId}`))).toBe(true);
      // No cash at the kiosk: no drawer pulse.
      expect(decodeEscPos(receipt as Uint8Array).commands.some((c) => c.op === 'pulse')).toBe(false);
      expect((await call('kiosk', 'receipt:paper', { saleId })).value).toEqual({ printing: true });
      // Another till's sale is not the kiosk's to ask about.
      expect((await call('cashier', 'receipt:paper', { saleId })).error?.code).toBe('NOT_THIS_TILL');
    } finally {
      await printer.close();
    }
  });

  it('without a printer: nothing is queued and the kiosk is told no receipt is printing', async () => {
    await app.start();
    const saleId = await kioskSale();
    expect((await call('kiosk', 'printer:queue', {})).value).toMatchObject({ pending: 0 });
    expect((await call('kiosk', 'receipt:paper', { saleId })).value).toEqual({ printing: false });
  });
});
