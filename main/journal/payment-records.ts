// Attempt and refund records (camelCase) and their row mappers.
import type { AttemptState, RefundState } from './attempt-states.js';

export type Tender = 'wallet_scan' | 'wallet_qr' | 'card' | 'cash';
export const TENDERS: readonly Tender[] = ['wallet_scan', 'wallet_qr', 'card', 'cash'];

export interface AttemptRecord {
  id: number;
  saleId: number;
  tender: Tender;
  /** IOTPay channel id, e.g. WX_MICROPAY, ALIPAY_QR, PF_CC, or CASH. */
  channel: string;
  amountCents: number;
  currency: string;
  mchOrderNo: string;
  state: AttemptState;
  needsAction: boolean;
  /** False once a manager refunded a late success or kept it apart from the sale (migration 0060). */
  attached: boolean;
  /** A manager let the sale take another tender while this one was in flight (migration 0070). */
  released: boolean;
  payOrderId: string | null;
  channelOrderNo: string | null;
  codeLast4: string | null;
  failureCode: string | null;
  failureMessage: string | null;
  cashTenderedCents: number | null;
  changeCents: number | null;
  /**
   * Cash only (migration 0100): what the 5¢ rounding added to the cash taken (−2…2; −2 when $10.02 is paid with
   * $10.00). amountCents is the cash taken; the attempt pays its sale amountCents − roundingCents.
   */
  roundingCents: number;
  cashier: string;
  createdAt: number;
  updatedAt: number;
  finalizedAt: number | null;
  nextCheckAt: number | null;
}

export interface RefundRecord {
  id: number;
  attemptId: number;
  mchRefundNo: string;
  amountCents: number;
  currency: string;
  reason: string;
  state: RefundState;
  refundOrderId: string | null;
  failureCode: string | null;
  failureMessage: string | null;
  approvedBy: string;
  createdAt: number;
  updatedAt: number;
  finalizedAt: number | null;
}

/** Rows straight from SELECT *: snake_case columns, needs_action as 0/1. */
export interface AttemptRow {
  id: number;
  sale_id: number;
  tender: Tender;
  channel: string;
  amount_cents: number;
  currency: string;
  mch_order_no: string;
  state: AttemptState;
  needs_action: number;
  attached: number;
  released: number;
  pay_order_id: string | null;
  channel_order_no: string | null;
  code_last4: string | null;
  code_fingerprint: string | null;
  failure_code: string | null;
  failure_message: string | null;
  cash_tendered_cents: number | null;
  change_cents: number | null;
  rounding_cents: number;
  cashier: string;
  created_at: number;
  updated_at: number;
  finalized_at: number | null;
  next_check_at: number | null;
}

export interface RefundRow {
  id: number;
  attempt_id: number;
  mch_refund_no: string;
  amount_cents: number;
  currency: string;
  reason: string;
  state: RefundState;
  refund_order_id: string | null;
  failure_code: string | null;
  failure_message: string | null;
  approved_by: string;
  created_at: number;
  updated_at: number;
  finalized_at: number | null;
}

/** The fingerprint stays in the database: it is the replay guard's key, not something callers need. */
export function toAttempt(r: AttemptRow): AttemptRecord {
  return {
    id: r.id, saleId: r.sale_id, tender: r.tender, channel: r.channel, amountCents: r.amount_cents,
    currency: r.currency, mchOrderNo: r.mch_order_no, state: r.state, needsAction: r.needs_action === 1, attached: r.attached === 1, released: r.released === 1,
    payOrderId: r.pay_order_id, channelOrderNo: r.channel_order_no, codeLast4: r.code_last4,
    failureCode: r.failure_code, failureMessage: r.failure_message, cashTenderedCents: r.cash_tendered_cents,
    changeCents: r.change_cents, roundingCents: r.rounding_cents ?? 0, cashier: r.cashier, createdAt: r.created_at, updatedAt: r.updated_at,
    finalizedAt: r.finalized_at, nextCheckAt: r.next_check_at,
  };
}

export function toRefund(r: RefundRow): RefundRecord {
  return {
    id: r.id, attemptId: r.attempt_id, mchRefundNo: r.mch_refund_no, amountCents: r.amount_cents,
    currency: r.currency, reason: r.reason, state: r.state, refundOrderId: r.refund_order_id,
    failureCode: r.failure_code, failureMessage: r.failure_message, approvedBy: r.approved_by,
    createdAt: r.created_at, updatedAt: r.updated_at, finalizedAt: r.finalized_at,
  };
}
