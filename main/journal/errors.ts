// Typed journal errors. Each has a stable `code` for logs, IPC answers and the UI; the journal never
// "repairs" anything on its own, so the file-level errors (corrupt, version) leave the file untouched.

export abstract class JournalError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The file is not a SQLite database, is truncated, fails `quick_check`, or is some other app's database. */
export class JournalCorruptError extends JournalError {
  readonly code = 'JOURNAL_CORRUPT';
  constructor(readonly file: string, readonly reason: string) {
    super(
      `journal ${file} is unusable (${reason}); it was left untouched. Next step: keep this file for support and restore ` +
        'journal.sqlite from a backup; or move it aside (never delete it) and run `npm run pos -- journal init --i-understand` to start a new, empty journal',
    );
  }
}

/** The file was written by a newer app version; opening it could misread or damage it. */
export class JournalVersionError extends JournalError {
  readonly code = 'JOURNAL_VERSION';
  constructor(readonly file: string, readonly found: number, readonly newest: number) {
    super(`journal ${file} has schema version ${found}, newer than this app knows (${newest}); it was left untouched`);
  }
}

/** A state change the attempt or refund state machine forbids (docs/architecture.md §3). */
export class IllegalTransitionError extends JournalError {
  readonly code = 'ILLEGAL_TRANSITION';
  constructor(readonly entity: string, readonly id: number, readonly from: string, readonly to: string) {
    super(`${entity} ${id}: ${from} -> ${to} is not allowed`);
  }
}

/** Succeeded plus in-flight refunds would exceed what the attempt was paid. */
export class RefundExceedsPaidError extends JournalError {
  readonly code = 'REFUND_EXCEEDS_PAID';
  constructor(readonly attemptId: number, readonly requestedCents: number, readonly refundableCents: number) {
    super(`attempt ${attemptId}: refund of ${requestedCents} exceeds the refundable ${refundableCents}`);
  }
}

/** A wallet payment code is single-use; this one was already submitted (the replay guard). */
export class PaymentCodeReusedError extends JournalError {
  readonly code = 'PAYMENT_CODE_REUSED';
  constructor(readonly codeLast4: string) {
    super(`payment code ending ${codeLast4} was already used`);
  }
}

/** The row asked for does not exist. */
export class JournalNotFoundError extends JournalError {
  readonly code = 'JOURNAL_NOT_FOUND';
  constructor(readonly entity: string, readonly id: number | string) {
    super(`${entity} ${id} not found`);
  }
}

/** The sale is not in a state that allows this change (lines only while open, settle only when fully paid...). */
export class SaleStateError extends JournalError {
  readonly code = 'SALE_STATE';
  constructor(readonly saleId: number, message: string) {
    super(`sale ${saleId}: ${message}`);
  }
}

/** An argument broke a journal rule (terminal id shape, currency code, non-integer cents...). */
export class JournalInputError extends JournalError {
  readonly code = 'JOURNAL_INPUT';
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`);
  }
}

/**
 * Kept for its code only: since migration 0080 a second close on the same date closes the next Z period instead of
 * being refused (docs/journal.md "Z periods"). Nothing throws it any more.
 */
export class DayAlreadyClosedError extends JournalError {
  readonly code = 'DAY_ALREADY_CLOSED';
  constructor(readonly storeDay: string, readonly terminalId: string, readonly zNumber: number) {
    super(`store day ${storeDay} on terminal ${terminalId} is already closed (Z ${zNumber})`);
  }
}

/** A line change would take the sale past the largest total the contract carries (preload/money-limits.ts). */
export class SaleTotalTooLargeError extends JournalError {
  readonly code = 'SALE_TOTAL_TOO_LARGE';
  constructor(readonly saleId: number, readonly wouldBeCents: number, readonly maxCents: number) {
    super(`sale ${saleId}: the total would be ${wouldBeCents}, above the largest allowed ${maxCents}; nothing was changed`);
  }
}

/** A Z period cannot be closed for a store day that has not begun yet (docs/journal.md "Z periods"). */
export class PeriodNotBegunError extends JournalError {
  readonly code = 'PERIOD_NOT_BEGUN';
  constructor(readonly storeDay: string, readonly today: string) {
    super(`store day ${storeDay} has not begun (today is ${today} by this computer's clock); nothing was closed`);
  }
}

/** Z dates never go backwards: a close is refused for a date before the last Z's. */
export class PeriodDateBeforeLastError extends JournalError {
  readonly code = 'PERIOD_DATE_BEFORE_LAST';
  constructor(readonly storeDay: string, readonly lastStoreDay: string, readonly zNumber: number) {
    super(`store day ${storeDay} is before the last Z (Z ${zNumber}, ${lastStoreDay}); check the computer's date. Nothing was closed`);
  }
}
