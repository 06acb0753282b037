// Typed IOTPay errors. The split that payment code depends on:
//   NotChargedError     - this request certainly moved no money; the attempt may be marked failed.
//   OutcomeUnknownError - money may have moved; the attempt must be settled by query_order, never re-sent.
// Every class has a stable `code` for logs, the journal and the UI, and keeps what the gateway said: the
// endpoint, the HTTP status, retCode/resCode/errCode and a redacted copy of the raw answer (redact.ts), so a
// manager's detail view and a support ticket show the gateway's own words, never only ours.

export type ErrorOutcome = 'not_charged' | 'unknown';

/** What the gateway answered, as far as it got. Every field is optional: a refused connection has none. */
export interface GatewayAnswer {
  endpoint?: string;
  httpStatus?: number;
  retCode?: string;
  resCode?: string;
  errCode?: string;
  /** The answer with `sign`, keys and payment codes removed or masked (redact.ts); capped in length. */
  rawAnswer?: string;
  cause?: unknown;
}

export abstract class IotPayError extends Error {
  abstract readonly code: string;
  abstract readonly outcome: ErrorOutcome;
  readonly endpoint?: string;
  readonly httpStatus?: number;
  readonly retCode?: string;
  readonly resCode?: string;
  readonly errCode?: string;
  readonly rawAnswer?: string;

  constructor(message: string, answer: GatewayAnswer = {}) {
    super(message, answer.cause === undefined ? undefined : { cause: answer.cause });
    this.name = new.target.name;
    this.endpoint = answer.endpoint;
    this.httpStatus = answer.httpStatus;
    this.retCode = answer.retCode;
    this.resCode = answer.resCode;
    this.errCode = answer.errCode;
    this.rawAnswer = answer.rawAnswer;
  }

  /**
   * The gateway's side in one compact line, for the journal's failureMessage and the manager's technical
   * details: `create_order HTTP 200 retCode=SUCCESS resCode=FAIL errCode=INSUFFICIENT_FUNDS`. Empty when the
   * request never reached a gateway answer (a validation error, a refused connection).
   */
  get gatewaySummary(): string {
    if (this.endpoint === undefined && this.httpStatus === undefined) return '';
    const parts = [
      this.endpoint,
      this.httpStatus === undefined ? 'no HTTP answer' : `HTTP ${this.httpStatus}`,
      this.retCode === undefined ? undefined : `retCode=${this.retCode}`,
      this.resCode === undefined ? undefined : `resCode=${this.resCode}`,
      this.errCode === undefined ? undefined : `errCode=${this.errCode}`,
    ];
    return parts.filter((p): p is string => p !== undefined && p !== '').join(' ');
  }
}

export abstract class NotChargedError extends IotPayError {
  readonly outcome = 'not_charged' as const;
}

export abstract class OutcomeUnknownError extends IotPayError {
  readonly outcome = 'unknown' as const;
}

// ---- not charged ---------------------------------------------------------------------------------------

/** Our own input check refused the request; nothing was sent. */
export class ValidationError extends NotChargedError {
  readonly code = 'VALIDATION';
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`);
  }
}

/** The gateway refused our signature (`retCode=FAIL`, "signature error"): wrong merchant key or id. */
export class SignatureRejectedError extends NotChargedError {
  readonly code = 'SIGNATURE_REJECTED';
}

/** The gateway refused the parameters (`retCode=FAIL`, anything but a signature complaint). */
export class RequestRejectedError extends NotChargedError {
  readonly code = 'REQUEST_REJECTED';
}

/** The wallet or card declined the payment (`resCode=FAIL` with a known decline code). */
export class DeclinedError extends NotChargedError {
  readonly code: string = 'DECLINED';
  constructor(readonly gatewayCode: string, message: string, answer: GatewayAnswer = {}) {
    super(message, answer);
  }
}

/** The scanned payment code is invalid or expired; the customer must refresh it. */
export class InvalidPaymentCodeError extends DeclinedError {
  override readonly code = 'INVALID_PAYMENT_CODE';
}

/** A refund was refused: more than is refundable, or the order is not paid. No money moved. */
export class RefundRejectedError extends NotChargedError {
  readonly code = 'REFUND_REJECTED';
  constructor(readonly gatewayCode: string, message: string, answer: GatewayAnswer = {}) {
    super(message, answer);
  }
}

/** query: the gateway has no such order. Lets the engine tell "never created" from "unknown". */
export class OrderNotFoundError extends NotChargedError {
  readonly code = 'ORDER_NOT_FOUND';
}

/** The connection could not be opened (refused, DNS, unreachable): no byte of the request left. */
export class GatewayUnavailableError extends NotChargedError {
  readonly code = 'GATEWAY_UNAVAILABLE';
}

// ---- outcome unknown -----------------------------------------------------------------------------------

/** The request left, but no complete response came back: timeout, reset, closed socket. */
export class ResponseLostError extends OutcomeUnknownError {
  readonly code = 'RESPONSE_LOST';
}

/** HTTP 5xx: a proxy or the gateway failed, possibly after committing the order. */
export class GatewayServerError extends OutcomeUnknownError {
  readonly code = 'GATEWAY_SERVER_ERROR';
  constructor(readonly status: number, message: string, answer: GatewayAnswer = {}) {
    super(message, { httpStatus: status, ...answer });
  }
}

/** The body was not the JSON we expect. */
export class MalformedResponseError extends OutcomeUnknownError {
  readonly code = 'MALFORMED_RESPONSE';
}

/**
 * The response's signature is wrong, or it is unsigned where IOTPay documents a signature (signature-policy.ts):
 * it cannot be trusted, in either direction.
 */
export class ResponseSignatureError extends OutcomeUnknownError {
  readonly code = 'RESPONSE_SIGNATURE';
}

/**
 * The gateway already has this mchOrderNo. This request created nothing, but the earlier order with the same
 * number may have been paid, so for the attempt it is unknown until queried.
 */
export class DuplicateOrderError extends OutcomeUnknownError {
  readonly code = 'DUPLICATE_ORDER';
}

/** `resCode=FAIL` with a code we do not know (for example SYSTEMERROR): docs/iotpay-api.md §3.3 step 6 says query, don't assume. */
export class UnrecognisedFailureError extends OutcomeUnknownError {
  readonly code = 'UNRECOGNISED_FAILURE';
  constructor(readonly gatewayCode: string, message: string, answer: GatewayAnswer = {}) {
    super(message, answer);
  }
}
