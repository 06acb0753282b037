// Errors raised by the browser host, each with a stable `code` that logs, the CLI and tests can match on.

export type BrowserHostErrorCode = 'BAD_ARGUMENT' | 'NO_RENDERER' | 'LISTEN_FAILED';

export class BrowserHostError extends Error {
  constructor(
    readonly code: BrowserHostErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BrowserHostError';
  }
}
