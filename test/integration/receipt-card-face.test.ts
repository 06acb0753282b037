// A card tender prints its brand and last 4 ("Visa ****4242"), as IOTPay's v3 record gives them (cardType, cardNum
// masked 424242******4242; docs/iotpay-api.md §4.4/§4.9) and the sandbox returns them: through a real card payment
// to the sandbox over HTTP, the success event journals the brand and last 4 and nothing more of the PAN, and the
// receipt the printer, the screen and `pos charge` share reads them (issue 10, docs/printing.md "Tenders").
import { afterEach, describe, expect, it } from 'vitest';
import { PrintingService } from '../../main/app/printing-service.js';
import { parseSettings } from '../../main/config/load-settings.js';
import { cardFaceOfAttempt } from '../../main/journal/card-face-query.js';
import { cardFaceOf } from '../../main/payments/card-face.js';
import { encodeDocument } from '../../main/receipts/escpos-encode.js';
import { receiptText } from '../../main/receipts/receipt-text.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';
import { SHIPPED_TIMINGS, engineRig, type EngineRig } from '../support/engine-fixtures.js';
import { decodeEscPos, printedText } from '../support/escpos-decoder.js';

let rig: EngineRig;
afterEach(async () => rig?.close());

const ON_TIME = { manualTime: true, timings: SHIPPED_TIMINGS } as const;

async function paidByCard(cardNumber: string): Promise<{ saleId: number; attemptId: number }> {
  const saleId = rig.sale(1500);
  const start = await rig.engine.startCard({ saleId, cashier: 'carol', returnUrl: 'http://127.0.0.1:9/return' });
  await rig.sandbox.control.payCard(start.secureId!, cardNumber);
  expect((await rig.engine.confirmCard(start.attempt.id)).state).toBe('succeeded');
  await rig.time!.until(start.done);
  return { saleId, attemptId: start.attempt.id };
}

function printing(): PrintingService {
  const settings = parseSettings({ storeName: 'Café Noël' }, 'settings.json');
  return new PrintingService({ journal: rig.journal, settings: () => settings, training: false, logger: createLogger('t', silentSink), every: () => () => undefined });
}

describe('a card tender on the receipt', () => {
  it('prints "Visa ****4242" from the journaled answer, and keeps no more of the PAN than the last 4', async () => {
    rig = await engineRig(ON_TIME);
    const { saleId, attemptId } = await paidByCard('4242424242424242');
    expect(cardFaceOfAttempt(rig.journal, attemptId)).toEqual({ brand: 'Visa', last4: '4242' });
    const payloads = (rig.journal.statement(`SELECT payload FROM events`).all() as Array<{ payload: string }>).map((r) => r.payload).join('\n');
    expect(payloads).not.toContain('424242');
    const doc = printing().documentOf({ kind: 'sale', saleId, refundId: null, zNumber: null, reprint: false }, 'en-CA');
    expect(receiptText(doc, 48)).toMatch(/^Visa \*{4}4242 +\$15\.00$/m);
    const paper = printedText(decodeEscPos(encodeDocument(doc, { columns: 48, codepage: 'cp858', language: 'esc-pos', cjk: false })));
    expect(paper.some((l) => /^Visa \*{4}4242 +\$15\.00$/.test(l))).toBe(true);
  });

  it('names a Mastercard by its brand too', async () => {
    rig = await engineRig(ON_TIME);
    const { saleId } = await paidByCard('5555555555554444');
    const doc = printing().documentOf({ kind: 'sale', saleId, refundId: null, zNumber: null, reprint: false }, 'fr-CA');
    expect(receiptText(doc, 48)).toMatch(/^Mastercard \*{4}4444 +15,00\s\$$/mu);
  });
});

describe('cardFaceOf', () => {
  it('keeps the brand and the last 4 only, and nothing for what it does not know', () => {
    expect(cardFaceOf({ cardNum: '432567******2266', cardType: 'V' })).toEqual({ cardBrand: 'Visa', cardLast4: '2266' });
    expect(cardFaceOf({ cardNum: '520000******0007', cardType: 'm' })).toEqual({ cardBrand: 'Mastercard', cardLast4: '0007' });
    expect(cardFaceOf({ cardNum: '450000******123X', cardType: 'Q' })).toEqual({});
    expect(cardFaceOf({})).toEqual({});
  });
});
