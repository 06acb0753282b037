// Refusals of a return (docs/register.md "Returns and exchanges"), typed like the journal's own errors: a stable
// `code` from preload/error-codes.ts the screens word, and a message for the log.
import { JournalError } from './errors.js';

/** More units of a line than were sold, counting what earlier returns of the sale already took back. */
export class ReturnExceedsSoldError extends JournalError {
  readonly code = 'RETURN_EXCEEDS_SOLD';
  constructor(readonly saleId: number, readonly lineNo: number, readonly requested: number, readonly left: number) {
    super(`line ${lineNo} of sale ${saleId}: ${requested} asked back, ${left} left to return`);
  }
}

/** A return names no line, a line twice, or a line the sale does not have. */
export class ReturnLinesError extends JournalError {
  readonly code = 'RETURN_LINES';
  constructor(message: string) {
    super(message);
  }
}
