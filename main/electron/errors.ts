// Errors raised by the Electron host, each with a stable `code` the logs and the lead's start-up screen can match on.

export type ElectronHostErrorCode =
  | 'UNKNOWN_ROLE'
  | 'BAD_ARGUMENT'
  | 'SECRET_STORE_UNAVAILABLE'
  | 'SECRET_UNREADABLE'
  | 'EMPTY_SECRET';

export class ElectronHostError extends Error {
  constructor(
    readonly code: ElectronHostErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ElectronHostError';
  }
}
