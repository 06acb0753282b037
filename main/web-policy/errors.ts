// Errors raised while building the web policy, each with a stable `code`. A host that gets one refuses to start:
// a policy built from a bad origin would either block the card form or let a foreign origin in.

export type WebPolicyErrorCode = 'BAD_CARD_ORIGIN' | 'BAD_APP_ORIGIN' | 'BAD_SOCKET_ORIGIN';

export class WebPolicyError extends Error {
  constructor(
    readonly code: WebPolicyErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WebPolicyError';
  }
}
