// End to end in real Chromium through the browser host, in training mode: a merchant-scan sale whose wallet
// code arrives on a real serial line, a customer-scan sale paid from the QR decoded off the customer display,
// a card sale through the stand-in card form, a declined scan, a cashier cancel, a refund behind the PIN,
// and the manager's totals matching what the test rang up.
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JOURNAL_FILE } from '../../main/app/services.js';
import { qrLink } from '../../main/sandbox/v1-create.js';
import { walletCode } from '../support/sandbox-fixtures.js';
import { startE2e, type E2eRig } from './support/e2e-rig.js';
import { E2E_READY, decodeQr, latte, muffin, startSale } from './support/screen-helpers.js';
import { taxed } from './support/truth-helpers.js';

let rig: E2eRig;
let cashier: Page;
let display: Page;
/** Every payment that succeeded and every refund, by the channel the test used, for the totals check at the end. */
const paid: { channel: string; cents: number }[] = [];
const refunds: { channel: string; cents: number }[] = [];

/** What the test did, per channel: the expected manager totals. */
function expectedByChannel(): Map<string, { count: number; gross: number; refundCount: number; refunded: number }> {
  const byChannel = new Map<string, { count: number; gross: number; refundCount: number; refunded: number }>();
  const row = (channel: string) => byChannel.get(channel) ?? byChannel.set(channel, { count: 0, gross: 0, refundCount: 0, refunded: 0 }).get(channel)!;
  for (const p of paid) Object.assign(row(p.channel), { count: row(p.channel).count + 1, gross: row(p.channel).gross + p.cents });
  for (const r of refunds) Object.assign(row(r.channel), { refundCount: row(r.channel).refundCount + 1, refunded: row(r.channel).refunded + r.cents });
  return byChannel;
}

/** The manager screen runs in en-CA with CAD: "$12.34". */
function cad(cents: number): string {
  return `${cents < 0 ? '-' : ''}$${Math.trunc(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
}

async function addByButton(page: Page, name: string): Promise<void> {
  await page.getByTestId('product-result').filter({ hasText: name }).first().click();
}

async function attemptState(page: Page, state: string): Promise<void> {
  await page.locator(`[data-testid="attempt-status"][data-state="${state}"]`).waitFor({ timeout: 15_000 });
}

/** Merchant-scan: items and the wallet code arrive through the serial scanner. */
async function payByScan(): Promise<void> {
  await startSale(cashier);
  await appendFile(rig.pty.scanner, `${latte.gtin}\r${muffin.gtin}\r`);
  await expect.poll(() => cashier.getByTestId('sale-line').count(), { timeout: 10_000 }).toBe(2);
  await expect.poll(() => display.getByTestId('display-status').getAttribute('data-state')).toBe('cart');
  const code = walletCode('WX', '01');
  await appendFile(rig.pty.scanner, `${code}\r`);
  await cashier.getByTestId('receipt').waitFor({ timeout: 15_000 });
  await expect.poll(() => display.getByTestId('display-status').getAttribute('data-state')).toBe('paid');
  expect(await cashier.getByTestId('receipt').innerText()).toContain(code.slice(-4));
  expect(await cashier.getByTestId('receipt').innerText()).not.toContain(code);
  paid.push({ channel: 'WX_MICROPAY', cents: taxed(latte.priceCents, muffin.priceCents) });
}

/** Card: paid through the stand-in card form. */
async function payByCard(): Promise<void> {
  await startSale(cashier);
  await addByButton(cashier, muffin.name);
  await cashier.getByTestId('tender-card').click();
  const form = cashier.frameLocator('[data-testid="card-form"] iframe');
  await form.locator('#cardNumber').fill('4242 4242 4242 4242');
  await form.locator('#expiry').fill('12/30');
  await form.locator('#cvv').fill('123');
  await form.locator('#submit').click();
  await cashier.getByTestId('receipt').waitFor({ timeout: 15_000 });
  paid.push({ channel: 'PF_CC', cents: taxed(muffin.priceCents) });
}

// Each test has its own app, data folder, sandbox and screens, so any one of them runs alone.
describe.skipIf(!E2E_READY)('POS in the browser', () => {
  beforeEach(async () => {
    paid.length = 0;
    refunds.length = 0;
    rig = await startE2e();
    cashier = await rig.open('cashier');
    display = await rig.open('customer-display', { width: 1024, height: 768 });
  }, 60_000);
  afterEach(async () => rig?.close());

  it('every screen shows the TRAINING marker', async () => {
    await cashier.getByTestId('training-banner').waitFor();
    await display.getByTestId('training-banner').waitFor();
  });

  it('merchant-scan: items and the wallet code arrive through the serial scanner', async () => {
    await payByScan();
  });

  it('customer-scan: the QR decoded from the customer display is the sandbox code URL, and paying it completes the sale', async () => {
    await startSale(cashier);
    await addByButton(cashier, latte.name);
    const before = new Set((await rig.control.ledger()).orders.map((o) => o.payOrderId));
    await cashier.getByTestId('tender-qr-WX_NATIVE').click();
    const qr = display.getByTestId('payment-qr');
    await qr.waitFor({ timeout: 10_000 });
    const codeUrl = decodeQr(await qr.screenshot());
    // The order this tender created in the sandbox, found without looking at the QR: the one new ledger entry.
    const created = (await rig.control.ledger()).orders.filter((o) => !before.has(o.payOrderId));
    expect(created).toHaveLength(1);
    const order = created[0]!;
    expect(order).toMatchObject({ api: 'v1', channelId: 'WX_NATIVE', amount: taxed(latte.priceCents), status: 0 });
    // Exactly the code URL the sandbox answered for that order, character for character.
    expect(order.api === 'v1' ? qrLink(order) : undefined).toBe(codeUrl);
    expect(codeUrl).toMatch(/^weixin:\/\/wxpay\/bizpayurl\?pr=/);
    await rig.control.payQr({ codeUrl: codeUrl! });
    await cashier.getByTestId('receipt').waitFor({ timeout: 15_000 });
    await expect.poll(() => display.getByTestId('display-status').getAttribute('data-state')).toBe('paid');
    paid.push({ channel: 'WX_NATIVE', cents: taxed(latte.priceCents) });
  });

  it('card: paid through the stand-in card form', async () => {
    await payByCard();
  });

  it('a declined scan fails visibly and charges nothing; a cashier cancel stops the wait', async () => {
    await startSale(cashier);
    await addByButton(cashier, latte.name);
    await cashier.getByTestId('tender-scan').click();
    await cashier.getByTestId('scan-code-input').fill(walletCode('ALIPAY', '04'));
    await cashier.getByTestId('scan-code-submit').click();
    await attemptState(cashier, 'failed');
    expect(await cashier.getByTestId('attempt-status').innerText()).toMatch(/not paid/i);
    expect(await cashier.getByTestId('attempt-status').innerText()).toMatch(/balance is not enough/i);
    expect((await rig.control.ledger()).orders.at(-1)?.status).not.toBe(2);
    // The cashier acknowledges the failure before choosing another tender.
    await cashier.getByTestId('attempt-status').getByRole('button').click();
    await cashier.getByTestId('tender-qr-ALIPAY_QR').click();
    await display.getByTestId('payment-qr').waitFor({ timeout: 10_000 });
    await cashier.getByTestId('attempt-cancel').click();
    await attemptState(cashier, 'expired');
    await expect.poll(() => display.getByTestId('payment-qr').count()).toBe(0);
    // Checking until the gateway says; here the customer cancels in the wallet, so the sale is free again.
    await rig.control.cancelQr({ payOrderId: (await rig.control.ledger()).orders.at(-1)!.payOrderId });
    await attemptState(cashier, 'failed');
  });

  it('a manager refunds part of a scanned sale behind the PIN, and the totals match the sales of the day', async () => {
    await payByScan();
    await payByCard();
    const manager = await rig.open('manager');
    await manager.getByTestId('pin-input').fill('1234');
    await manager.getByTestId('pin-submit').click();
    await manager.getByTestId('tab-refunds').click();
    const ledger = await rig.control.ledger();
    const scanned = ledger.orders.find((o) => o.api === 'v1' && o.channelId === 'WX_MICROPAY')!;
    await manager.getByTestId('refund-search').fill(scanned.mchOrderNo);
    await manager.getByTestId('refund-find').click();
    await manager.getByTestId('refund-attempt').first().click();
    await manager.getByTestId('refund-amount').fill('2.00');
    await manager.getByTestId('refund-reason').fill('cold coffee');
    await manager.getByTestId('refund-submit').click();
    await expect.poll(() => manager.getByTestId('refund-status').innerText(), { timeout: 10_000 }).toMatch(/succeeded|refunded|rembours|退款/i);
    refunds.push({ channel: scanned.api === 'v1' ? scanned.channelId : scanned.api, cents: 200 });
    await manager.getByTestId('tab-totals').click();
    const gross = paid.reduce((s, p) => s + p.cents, 0);
    const refunded = refunds.reduce((s, r) => s + r.cents, 0);
    await expect.poll(() => manager.getByTestId('totals-net').innerText(), { timeout: 10_000 }).toBe(cad(gross - refunded));
    expect(await manager.getByTestId('totals-payments').innerText()).toBe(String(paid.length));
    expect(await manager.getByTestId('totals-refunds').innerText()).toBe(cad(refunded));

    // Per channel, on the screen: one row per channel the test used (the declined and cancelled tenders add none).
    const expected = expectedByChannel();
    const rows = manager.getByTestId('totals-channel');
    await expect.poll(() => rows.count()).toBe(expected.size);
    for (const [channel, want] of expected) {
      const row = manager.locator(`[data-testid="totals-channel"][data-channel="${channel}"]`);
      expect(await row.getByTestId('channel-count').innerText(), channel).toBe(String(want.count));
      expect(await row.getByTestId('channel-gross').innerText(), channel).toBe(cad(want.gross));
      expect(await row.getByTestId('channel-refunds').innerText(), channel).toBe(cad(want.refunded));
      expect(await row.getByTestId('channel-refunds').getAttribute('data-count'), channel).toBe(String(want.refundCount));
      expect(await row.getByTestId('channel-net').innerText(), channel).toBe(cad(want.gross - want.refunded));
    }

    // And in the journal itself, read straight from its SQLite file, not through the report code.
    const db = new Database(join(rig.dataDir, JOURNAL_FILE), { readonly: true, fileMustExist: true });
    try {
      type Row = { channel: string; n: number; cents: number };
      const payments = db.prepare(`SELECT channel, count(*) AS n, sum(amount_cents) AS cents FROM attempts WHERE state = 'succeeded' GROUP BY channel`).all() as Row[];
      const refundRows = db.prepare(`SELECT a.channel, count(*) AS n, sum(r.amount_cents) AS cents FROM refunds r JOIN attempts a ON a.id = r.attempt_id
        WHERE r.state = 'succeeded' GROUP BY a.channel`).all() as Row[];
      const journal = new Map<string, { count: number; gross: number; refundCount: number; refunded: number }>();
      for (const p of payments) journal.set(p.channel, { count: p.n, gross: p.cents, refundCount: 0, refunded: 0 });
      for (const r of refundRows) journal.set(r.channel, { count: 0, gross: 0, ...journal.get(r.channel), refundCount: r.n, refunded: r.cents });
      expect(Object.fromEntries(journal)).toEqual(Object.fromEntries(expected));
    } finally {
      db.close();
    }
  });
});
