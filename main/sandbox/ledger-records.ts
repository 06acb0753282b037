// The shapes the sandbox ledger stores. The ledger is the ground truth reliability tests compare the POS
// journal against, so it records what the wallet "really" did, including orders that failed (status 4).
import type { CardChannel, V1Channel } from './wire-rules.js';

/** Micropay scenarios 02/03 settle later; the stored status stays 1 and readers compute the rest. */
export interface PendingOutcome {
  settlesAt: number;
  finalStatus: 2 | 9;
  /** The wallet's id, shown only once the order is paid. */
  channelOrderNo: string;
}

export interface V1Order {
  api: 'v1';
  payOrderId: string;
  mchOrderNo: string;
  channelId: V1Channel;
  currency: string;
  amount: number;
  subject: string;
  body: string;
  clientIp: string;
  device: string;
  extra: string;
  notifyUrl: string;
  param1: string;
  param2: string;
  /** Kept so a payment code can be used only once; a real code is worthless after use. */
  identityCode?: string;
  status: number;
  pending?: PendingOutcome;
  channelOrderNo?: string;
  paySuccTime?: number;
  refundedAmount: number;
  createdAt: number;
}

export interface V1Refund {
  api: 'v1';
  refundOrderId: string;
  mchRefundNo: string;
  payOrderId: string;
  refundAmount: number;
  /** xxpay's refund status: 0 init, 1 refunding, 2 success, 3 fail (nothing refunded), 4 complete. */
  status: number;
  /** A refund answered "in progress" (status 0 or 1) becomes `finalStatus` at `settlesAt`. */
  pending?: { settlesAt: number; finalStatus: number };
  refundSuccTime: number;
}

/** What a card transaction shows of the card: never the full number. */
export interface CardFace {
  cardNum: string;
  cardType: string;
  expiryDate: string;
}

export interface V3Purchase {
  api: 'v3';
  payOrderId: string;
  mchOrderNo: string;
  /** Present for cc_purchase (form) orders; token purchases have none. */
  secureId?: string;
  channel: CardChannel;
  currency: string;
  amount: number;
  loginName: string;
  subject: string;
  body: string;
  notifyUrl: string;
  returnUrl: string;
  status: number;
  refundable: number;
  paySuccTime?: string;
  card?: CardFace;
  invoiceNum: string;
  authNum: string;
  transNum: string;
  createdAt: number;
}

/** A cc_void or cc_refund: its own RP… transaction pointing at the original purchase. */
export interface V3Refund {
  api: 'v3';
  kind: 'void' | 'refund';
  payOrderId: string;
  mchRefundNo: string;
  originalOrderId: string;
  channel: CardChannel;
  currency: string;
  amount: number;
  status: number;
  paySuccTime: string;
  card?: CardFace;
  invoiceNum: string;
  authNum: string;
  transNum: string;
}

export interface CardRecord {
  cardId: string;
  secureId: string;
  state: 'pending' | 'bound';
  channel: CardChannel;
  loginName: string;
  returnUrl: string;
  face?: CardFace;
  holder?: string;
  /** The 4000 0000 0000 0002 test card can be saved, but every charge on it is declined. */
  declines?: boolean;
  createdAt: number;
}

export type LedgerOrder = V1Order | V3Purchase;
export type LedgerRefund = V1Refund | V3Refund;

export interface LedgerSnapshot {
  orders: LedgerOrder[];
  refunds: LedgerRefund[];
  cards: CardRecord[];
}
