// What happens when a customer submits the card form (iframe, hosted page or control API): the "bank" decides
// by test card number, and the pending cc_purchase or cc_addcard record is settled.
import type { GatewayContext } from './gateway-context.js';
import type { CardFace, CardRecord, V3Purchase } from './ledger-records.js';
import { numericId, v3Time } from './order-ids.js';
import { CARD_DECLINED, passesLuhn } from './scenarios.js';
import { purchaseRecord } from './v3-records.js';

export interface CardEntry {
  cardNumber: string;
  /** `MM/YY` or `MMYY`; the control API may leave it out. */
  expiry?: string;
  cvv?: string;
  holder?: string;
}

/** The body the form's server answers with; iotpaycc.js hands it to the mount callback as `detail`. */
export interface CardResult {
  retCode: 'SUCCESS' | 'FAIL';
  retMsg: string;
  retData?: Record<string, unknown>;
}

const DEFAULT_EXPIRY = '1230';

function faceOf(digits: string, expiry: string | undefined): CardFace {
  const cardType = digits.startsWith('4') ? 'V' : digits.startsWith('5') ? 'M' : 'D';
  const expiryDate = (expiry ?? '').replace(/\D/g, '') || DEFAULT_EXPIRY;
  return { cardNum: `${digits.slice(0, 6)}******${digits.slice(-4)}`, cardType, expiryDate };
}

function payPurchase(ctx: GatewayContext, order: V3Purchase, digits: string, entry: CardEntry): CardResult {
  if (order.status !== 0) return { retCode: 'FAIL', retMsg: 'this payment was already submitted' };
  const declined = digits === CARD_DECLINED;
  ctx.ledger.commit(() => {
    order.status = declined ? 9 : 2;
    order.card = faceOf(digits, entry.expiry);
    if (!declined) {
      order.refundable = order.amount;
      order.paySuccTime = v3Time(ctx.clock.now());
      order.authNum = numericId(6);
    }
  });
  const record = purchaseRecord(order, ctx.merchant.mchId);
  if (declined) return { retCode: 'FAIL', retMsg: 'card declined', retData: record };
  ctx.notifier.notifyV3(order.notifyUrl, record);
  return { retCode: 'SUCCESS', retMsg: '', retData: { ...record, redirectUrl: order.returnUrl } };
}

function bindCard(ctx: GatewayContext, card: CardRecord, digits: string, entry: CardEntry): CardResult {
  if (card.state !== 'pending') return { retCode: 'FAIL', retMsg: 'this card was already saved' };
  ctx.ledger.commit(() => {
    card.state = 'bound';
    card.face = faceOf(digits, entry.expiry);
    card.holder = entry.holder ?? '';
    // Saving a card charges nothing, so the decline card can be saved; its charges are declined later.
    card.declines = digits === CARD_DECLINED;
  });
  const face = card.face ?? faceOf(digits, entry.expiry);
  return {
    retCode: 'SUCCESS',
    retMsg: '',
    retData: { cardId: card.cardId, ...face, holder: card.holder ?? '', redirectUrl: card.returnUrl },
  };
}

export function submitCard(ctx: GatewayContext, secureId: string, entry: CardEntry): CardResult {
  const digits = entry.cardNumber.replace(/[\s-]/g, '');
  if (!passesLuhn(digits)) return { retCode: 'FAIL', retMsg: 'invalid card number' };
  const order = ctx.ledger.v3PurchaseBySecureId(secureId);
  if (order) return payPurchase(ctx, order, digits, entry);
  const card = ctx.ledger.card({ secureId });
  if (card) return bindCard(ctx, card, digits, entry);
  return { retCode: 'FAIL', retMsg: 'secureId not exist' };
}
