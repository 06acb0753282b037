// What the "till tells the truth" tests check, in one place: the words on every screen (never machine text),
// the states the screens went through, which ways forward the cashier has, and what the sandbox ledger and
// the journal (read straight from its SQLite file) hold.
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { JOURNAL_FILE } from '../../../main/app/services.js';
import { taxSetupFor } from '../../../main/checkout/tax-table.js';
import { computeSaleTax } from '../../../main/shared/sales-tax.js';
import { roundCashCents } from '../../../preload/money-limits.js';
import type { Journal } from '../../../main/journal/database.js';
import type { LedgerSnapshot, V1Order } from '../../../main/sandbox/ledger-records.js';
import { gatewayOrderProblems, ledgerDisagreements } from '../../support/ledger-agreement.js';
import { TECHNICAL_PATTERN_SOURCES, type ScreenRecord } from './screen-recorder.js';
import type { TillRig } from './till-rig.js';

export const MANAGER_PIN = '1234';

/**
 * What a sale of these `standard` lines comes to with the default province's tax (ON, HST 13%, once per sale;
 * docs/register.md): a latte's $4.95 is $5.59. `inCash`: what cash for it takes, rounded to 5¢.
 */
export function taxed(...lineCents: number[]): number {
  const lines = lineCents.map((c) => ({ lineTotalCents: c, taxClass: 'standard' as const }));
  return computeSaleTax(lines, taxSetupFor('ON', '2026-11-22', false).rules, false).totalCents;
}
export const inCash = (cents: number): number => roundCashCents(cents);
/** en-CA words of the new screens (the tests run in the store default, en-CA). */
export const CHECKING_WORDS = 'Checking whether the payment went through';
export const NOT_PAID_WORDS = 'Not paid';

const TENDER_SELECTOR = '[data-testid="tender-cash"], [data-testid="tender-scan"], [data-testid="tender-card"], [data-testid^="tender-qr-"]';
const NEXT_STEP_SELECTOR = `[data-testid="new-sale"], ${TENDER_SELECTOR}, [data-testid="refund-excess"], [data-testid="approve-submit"], [data-testid="attempt-override"]`;

/** Asserts the page's visible text holds no URL, socket error, stack trace or gateway/tender code. */
export async function expectNoTechnicalText(page: Page, label = page.url().split('#')[0]?.split('/').pop() ?? 'screen'): Promise<void> {
  const text = await page.evaluate(() => document.body.innerText);
  for (const [name, source, flags] of TECHNICAL_PATTERN_SOURCES) {
    const m = new RegExp(source, flags).exec(text);
    expect(m, `${label} shows ${name}: «${m ? text.slice(Math.max(0, m.index - 60), m.index + 80).replace(/\s+/g, ' ') : ''}»`).toBeNull();
  }
}

/** Everything the page's recorder saw since it loaded (or since its last reload). */
export function recordOf(page: Page): Promise<ScreenRecord> {
  return page.evaluate(() => (window as unknown as { __screenRecord: ScreenRecord }).__screenRecord);
}

/** No technical text ever showed on the page (recorded), and none shows now. */
export async function expectNeverTechnical(page: Page, label: string): Promise<void> {
  expect((await recordOf(page)).technical, `${label} showed machine text at some point`).toEqual([]);
  await expectNoTechnicalText(page, label);
}

export const displayState = (page: Page) => page.getByTestId('display-status').getAttribute('data-state');
export const attemptPhase = (page: Page) => page.getByTestId('attempt-status').getAttribute('data-phase');
export const attemptState = (page: Page) => page.getByTestId('attempt-status').getAttribute('data-state');
export const bodyText = (page: Page) => page.evaluate(() => document.body.innerText);

/** Test ids of the tender buttons that are visible and enabled (a way to start another payment). */
export function usableTenders(page: Page): Promise<string[]> {
  return usable(page, TENDER_SELECTOR);
}

/** Visible, enabled ways forward: new-sale, a tender, refund-excess, approve-submit, attempt-override. */
export function nextSteps(page: Page): Promise<string[]> {
  return usable(page, NEXT_STEP_SELECTOR);
}

function usable(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    return [...document.querySelectorAll<HTMLElement>(sel)]
      .filter((el) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true }))
      .filter((el) => !(el as HTMLButtonElement).disabled && el.getAttribute('aria-disabled') !== 'true' && !el.closest('fieldset:disabled'))
      .map((el) => el.getAttribute('data-testid') ?? '?');
  }, selector);
}

/** The sale never dead-ends: some way forward is on screen and can be pressed. */
export async function expectANextStep(page: Page, when: string): Promise<void> {
  await expect.poll(() => nextSteps(page), { timeout: 5_000, message: `a visible, enabled next step ${when}` }).not.toEqual([]);
}

/**
 * The till screen is up with someone signed in (docs/staff.md "Signing in"): the till's operator is signed in through
 * the door, and the screen's own PIN pad is used when it shows one. Then a sale is on screen.
 */
export async function readyAtTill(rig: TillRig, page: Page): Promise<void> {
  await page.getByTestId('training-banner').waitFor({ timeout: 15_000 });
  await rig.host.invoke('cashier', 'staff:signIn', { pin: MANAGER_PIN });
  const pad = page.getByTestId('signin-pin');
  if (await pad.isVisible().catch(() => false)) {
    await pad.fill(MANAGER_PIN);
    await page.getByTestId('signin-submit').click();
  }
  await page.getByTestId('sale-total').waitFor({ timeout: 15_000 });
}

export async function addProduct(page: Page, name: string): Promise<void> {
  const before = await page.getByTestId('sale-line').count();
  await page.getByTestId('product-result').filter({ hasText: name }).first().click();
  await expect.poll(() => page.getByTestId('sale-line').count()).toBeGreaterThan(before);
}

/** Merchant-scan by typing the digits under the barcode: tender-scan → scan-code-input → scan-code-submit. */
export async function typeWalletCode(page: Page, code: string): Promise<void> {
  await page.getByTestId('tender-scan').click();
  await page.getByTestId('scan-code-input').fill(code);
  await page.getByTestId('scan-code-submit').click();
}

/** The counter's serial scanner reads `text` (CR-terminated, as the scanner is configured). */
export function scanOnSerial(rig: TillRig, text: string): Promise<void> {
  return appendFile(rig.pty.scanner, `${text}\r`);
}

/** Pays cash: tender-cash → cash-tendered → cash-confirm. `splitCents` first types a part amount into split-amount. */
export async function payCash(page: Page, tenderedCents: number, splitCents?: number): Promise<void> {
  if (splitCents !== undefined) await page.getByTestId('split-amount').fill(dollars(splitCents));
  await page.getByTestId('tender-cash').click();
  await page.getByTestId('cash-tendered').fill(dollars(tenderedCents));
  await page.getByTestId('cash-confirm').click();
}

export function dollars(cents: number): string {
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** en-CA, CAD: "$12.34". */
export function cad(cents: number): string {
  return `${cents < 0 ? '-' : ''}$${dollars(Math.abs(cents))}`;
}

/** The ledger order a tender just created: the one order not in `before`. */
export async function newOrder(rig: TillRig, before: LedgerSnapshot): Promise<V1Order> {
  const known = new Set(before.orders.map((o) => o.mchOrderNo));
  let found: V1Order | undefined;
  await expect.poll(async () => {
    const created = (await rig.control.ledger()).orders.filter((o) => !known.has(o.mchOrderNo));
    found = created.length === 1 && created[0]!.api === 'v1' ? created[0] : undefined;
    return created.length;
  }, { timeout: 10_000, message: 'exactly one new gateway order' }).toBe(1);
  return found!;
}

export interface JournalSnapshot {
  sales: Array<{ id: number; status: string; total_cents: number }>;
  lines: Array<{ sale_id: number; line_no: number; sku: string; quantity: number; line_total_cents: number }>;
  attempts: Array<{ id: number; sale_id: number; tender: string; channel: string; amount_cents: number; state: string; needs_action: number; attached?: number; mch_order_no: string }>;
  refunds: Array<{ id: number; attempt_id: number; amount_cents: number; state: string }>;
}

/** The journal as it is on disk, opened read-only (never through the app's own code). */
export function readJournal(dataDir: string): JournalSnapshot {
  const db = new Database(join(dataDir, JOURNAL_FILE), { readonly: true, fileMustExist: true });
  try {
    return {
      sales: db.prepare('SELECT * FROM sales ORDER BY id').all() as JournalSnapshot['sales'],
      lines: db.prepare('SELECT * FROM sale_lines ORDER BY sale_id, line_no').all() as JournalSnapshot['lines'],
      attempts: db.prepare('SELECT * FROM attempts ORDER BY id').all() as JournalSnapshot['attempts'],
      refunds: db.prepare('SELECT * FROM refunds ORDER BY id').all() as JournalSnapshot['refunds'],
    };
  } finally {
    db.close();
  }
}

/** The shared ledger-agreement checks (test/support/ledger-agreement.ts) over the journal file, read-only. */
export function ledgerProblems(dataDir: string, ledger: LedgerSnapshot, allowOpen = false): string[] {
  const db = new Database(join(dataDir, JOURNAL_FILE), { readonly: true, fileMustExist: true });
  try {
    const journal = { db } as unknown as Journal;
    return [...ledgerDisagreements(journal, ledger, { allowOpen }), ...gatewayOrderProblems(journal, ledger)];
  } finally {
    db.close();
  }
}

const PAID = new Set([2, 3]);

/**
 * The one sale that took gateway money was paid exactly once: one paid order in the ledger, for the sale's
 * total; the journal has the sale paid, one succeeded attempt paying it, and agrees with the ledger.
 */
export async function expectPaidOnce(rig: TillRig, totalCents: number): Promise<void> {
  const ledger = await rig.control.ledger();
  const paid = ledger.orders.filter((o) => PAID.has(o.status));
  expect(paid.map((o) => o.amount), 'paid orders in the sandbox ledger').toEqual([totalCents]);
  const journal = readJournal(rig.dataDir);
  const attempt = journal.attempts.find((a) => a.mch_order_no === paid[0]!.mchOrderNo);
  expect(attempt, 'the paid order is a journal attempt').toMatchObject({ state: 'succeeded', amount_cents: totalCents, needs_action: 0 });
  const sale = journal.sales.find((s) => s.id === attempt!.sale_id)!;
  expect(sale, 'its sale').toMatchObject({ status: 'paid', total_cents: totalCents });
  const paying = journal.attempts.filter((a) => a.sale_id === sale.id && a.state === 'succeeded');
  expect(paying.map((a) => a.amount_cents), 'succeeded attempts of the sale').toEqual([totalCents]);
  expect(ledgerProblems(rig.dataDir, ledger), 'journal and ledger agree').toEqual([]);
}

/** Waits until the screen shows the sale as paid: the receipt/new-sale step, or the attempt's paid phase. */
export async function waitForPaid(page: Page, timeout = 20_000): Promise<void> {
  await page.locator('[data-testid="new-sale"], [data-testid="attempt-status"][data-phase="paid"]').first().waitFor({ timeout });
}
