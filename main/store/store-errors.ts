// The store's typed errors (docs/style.md §6). Messages are for people: no URL, no password, no SQL.

/** The store database is not reachable, or refused us; the sync retries with backoff. */
export class StoreUnavailableError extends Error {
  readonly code = 'STORE_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/** Configuration or setup is wrong (no store URL, a password in settings.json, a role that is not a terminal's). */
export class StoreSetupError extends Error {
  readonly code = 'STORE_SETUP';
  constructor(message: string) {
    super(message);
    this.name = 'StoreSetupError';
  }
}

/** This terminal's chain does not continue what the store holds: flagged in the store, nothing merged. */
export class StoreQuarantineError extends Error {
  readonly code = 'STORE_QUARANTINED';
  constructor(readonly terminalId: string, readonly reason: string) {
    super(`terminal ${terminalId} is quarantined by the store: ${reason}`);
    this.name = 'StoreQuarantineError';
  }
}

/** A store day close refused (a terminal behind, payments still checking) without a manager's override. */
export class StoreCloseRefusedError extends Error {
  readonly code = 'STORE_CLOSE_REFUSED';
  constructor(readonly problems: string[], readonly alreadyClosed = false) {
    super(alreadyClosed ? problems.join('; ') : `the store day cannot be closed yet: ${problems.join('; ')}`);
    this.name = 'StoreCloseRefusedError';
  }
}

/** pg's errors carry a SQLSTATE; connection failures carry errno codes. Words for people, never the URL. */
export function describePgError(error: unknown): string {
  const e = error as { code?: string; message?: string };
  const code = e?.code ?? '';
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE'].includes(code) || code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03') {
    return 'the store database is not reachable (it may be down or restarting)';
  }
  if (code === '28P01' || code === '28000') return 'the store database refused this terminal\'s login (wrong password or role)';
  if (code === '42501') return 'the store database refused this: the role has no permission for it';
  if (code === '3D000') return 'the store database does not exist (run `pos store init` against it)';
  if (/timeout/i.test(e?.message ?? '')) return 'the store database did not answer in time';
  return `the store database answered with an error (${code || 'no code'})`;
}

/** Connection-level failure: worth retrying later. */
export function isTransientPgError(error: unknown): boolean {
  const code = (error as { code?: string })?.code ?? '';
  return ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE', '40001', '40P01', '55P03', '57014'].includes(code) ||
    code.startsWith('08') || code.startsWith('57P') || /Connection terminated|timeout/i.test((error as Error)?.message ?? '');
}
