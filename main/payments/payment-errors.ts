// Errors the payment engine gives the UI. Each has a stable code the renderer maps to a translated message.
import type { ErrorCode } from '../../preload/error-codes.js';

export abstract class PaymentError extends Error {
  /** One of the codes a screen can word (preload/error-codes.ts): a new one is a compile error until it is listed. */
  abstract readonly code: ErrorCode;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** IOTPay cannot be reached: wallet and card tenders are refused at once; cash still works. */
export class OfflineError extends PaymentError {
  readonly code = 'OFFLINE';
  constructor() {
    super('IOTPay cannot be reached. Take cash, or try the wallet again when the connection is back.');
  }
}

/** The tender is larger than what the sale still owes. */
export class AmountExceedsDueError extends PaymentError {
  readonly code = 'AMOUNT_EXCEEDS_DUE';
  constructor(readonly amountCents: number, readonly dueCents: number) {
    super(`amount ${amountCents} exceeds the ${dueCents} cents still due`);
  }
}

/** A wallet or card payment is already waiting on this sale; one at a time, so nobody pays twice. */
export class PaymentInProgressError extends PaymentError {
  readonly code = 'PAYMENT_IN_PROGRESS';
  constructor(readonly attemptId: number) {
    super(`payment ${attemptId} is still in progress on this sale`);
  }
}

/** The scanned code is not a payment code of a wallet we accept. */
export class NotAPaymentCodeError extends PaymentError {
  readonly code = 'NOT_A_PAYMENT_CODE';
  constructor() {
    super('this is not a WeChat Pay, Alipay or UnionPay payment code');
  }
}

/** A wallet code is single-use; this one was already submitted (the scanner door's replay guard). */
export class CodeAlreadyUsedError extends PaymentError {
  readonly code = 'PAYMENT_CODE_REUSED';
  constructor() {
    super('this payment code was already used; ask the customer to refresh it');
  }
}

/** Cash handed over is less than the cash tender. */
export class InsufficientCashError extends PaymentError {
  readonly code = 'INSUFFICIENT_CASH';
  constructor(readonly tenderedCents: number, readonly amountCents: number) {
    super(`cash tendered ${tenderedCents} is less than ${amountCents}`);
  }
}

/**
 * A typed cash part of 1 or 2 cents while more is still due: 5¢ cash rounding takes it to nothing, so it would pay
 * nothing toward the rest (docs/register.md "Cash rounding"). When those cents are all that is left, cash pays them
 * (a 0¢ attempt with a −1¢/−2¢ rounding line) and this is not thrown.
 */
export class CashRoundsToNothingError extends PaymentError {
  readonly code = 'CASH_ROUNDS_TO_NOTHING';
  constructor(readonly amountCents: number) {
    super(`${amountCents} cents round to nothing in cash; take them by card or wallet`);
  }
}

/** The attempt is in a state the requested action does not apply to. */
export class AttemptStateError extends PaymentError {
  readonly code = 'ATTEMPT_STATE';
}

/** A manager's decision on a late success that cannot be applied as asked (see late-success.ts). */
export class LateSuccessError extends PaymentError {
  readonly code = 'RESOLUTION_REFUSED';
}
