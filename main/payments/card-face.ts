// What a receipt may print of the card that paid: its brand and last 4, from IOTPay's v3 record (docs/iotpay-api.md
// §4.4/§4.9: `cardNum` masked as 432567******2266, `cardType` V Visa, M Mastercard, D Interac). Nothing more of the
// PAN is kept: the first six never leave this function. Kept in the journal in the attempt's `succeeded` event
// (transitionAttempt writes the update as the event payload), as `gatewaySigned` is; read by card-face-query.ts.

export interface CardFace {
  /** Visa, Mastercard or Interac; absent for a cardType we do not know. */
  cardBrand?: string;
  /** The last 4 digits; absent when cardNum does not end in 4 digits. */
  cardLast4?: string;
}

const BRANDS: Record<string, string> = { V: 'Visa', M: 'Mastercard', D: 'Interac' };

export function cardFaceOf(t: { cardNum?: string; cardType?: string }): CardFace {
  const last4 = /(\d{4})$/.exec(t.cardNum?.trim() ?? '')?.[1];
  const brand = BRANDS[(t.cardType ?? '').trim().toUpperCase()];
  return { ...(brand ? { cardBrand: brand } : {}), ...(last4 ? { cardLast4: last4 } : {}) };
}
