// What every admin command gets: parsed flags, an output line writer, and typed usage errors.
export class UsageError extends Error {
  readonly code = 'USAGE';
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type Flags = Record<string, string | boolean | undefined>;
export type Out = (line: string) => void;

export function textFlag(flags: Flags, name: string, required = true): string | undefined {
  const value = flags[name];
  if (value === undefined || value === false) {
    if (required) throw new UsageError(`--${name} is required`);
    return undefined;
  }
  if (value === true) throw new UsageError(`--${name} needs a value`);
  return value;
}

/** Money on the command line is integer cents, like everywhere else: "12.50" is refused, not rounded. */
/** `zeroAllowed` for counts (an empty cash drawer is 0); amounts to charge or refund are positive. */
export function centsFlag(flags: Flags, name: string, required = true, zeroAllowed = false): number | undefined {
  const text = textFlag(flags, name, required);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || (Number(text) === 0 && !zeroAllowed) || !Number.isSafeInteger(Number(text))) {
    const what = zeroAllowed ? 'a whole number of cents' : 'a positive whole number of cents';
    throw new UsageError(`--${name} must be ${what}, e.g. 1250 for $12.50 (got ${text})`);
  }
  return Number(text);
}

export function dayFlag(flags: Flags, name: string, fallback?: string): string {
  const text = textFlag(flags, name, fallback === undefined) ?? (fallback as string);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) {
    throw new UsageError(`--${name} must be a date like 2026-11-22 (got ${text})`);
  }
  return text;
}

export function money(cents: number, currency: string): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')} ${currency}`;
}

/** The start-up clock check's finding, for a terminal (the screens show the same as a banner). */
export function clockWarningLine(warning: { kind: string; behindMs?: number; jumpMs?: number }): string {
  const minutes = Math.round(Math.abs(warning.behindMs ?? warning.jumpMs ?? 0) / 60_000);
  return `WARNING: this computer's clock is ${minutes} min behind the newest journal event; check the date and time (sales still go to the open Z period, never a closed one)`;
}
