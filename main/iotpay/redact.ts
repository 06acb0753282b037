// A copy of a gateway answer that is safe to keep in errors, logs, the journal and gateway-check.json:
// no signature, no key or password, payment codes down to their last 4 digits (docs/style.md §4, §11).
import { maskCode } from '../shared/logger.js';

/** Names whose value is dropped outright: signatures and secrets are useless for diagnosis and must not leak. */
const DROPPED = /^(sign|paysign|key|merchantkey|apikey|password|cvv|secret)$/i;
/** Names that hold a wallet payment code (docs/iotpay-api.md §3.3 `identityCode`; wallets' own `auth_code`). */
const PAYMENT_CODE = /^(identitycode|authcode|auth_code|code|paymentcode)$/i;
/** A bare wallet code anywhere in text: 16–24 digits (docs/iotpay-api.md §7.1), not part of a longer id. */
const BARE_CODE = /(?<!\d)\d{16,24}(?!\d)/g;
/** A `sign` left inside text we could not parse (a truncated JSON body). */
const SIGN_IN_TEXT = /("(?:sign|paySign|key|password)"\s*:\s*")[^"]*(")/gi;

const MAX_CHARS = 2000;

function maskText(text: string): string {
  return text.replace(BARE_CODE, (digits) => maskCode(digits));
}

function redactValue(name: string, value: unknown, depth: number): unknown {
  if (typeof value === 'string') return PAYMENT_CODE.test(name) ? maskCode(value) : maskText(value);
  if (Array.isArray(value)) return depth > 4 ? '[…]' : value.map((v) => redactValue(name, v, depth + 1));
  if (value !== null && typeof value === 'object') return depth > 4 ? '{…}' : redactObject(value as Record<string, unknown>, depth + 1);
  return value;
}

function redactObject(input: Record<string, unknown>, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) {
    if (DROPPED.test(name)) continue;
    out[name] = redactValue(name, value, depth);
  }
  return out;
}

/** The redacted answer as an object (for gateway-check.json). */
export function redactAnswer(json: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return redactObject(json, 0);
}

/** The redacted answer as compact text, capped: parsed JSON is redacted field by field, anything else as text. */
export function redactedText(body: string | Readonly<Record<string, unknown>>): string {
  let text: string;
  if (typeof body === 'string') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = undefined;
    }
    text = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? JSON.stringify(redactAnswer(parsed as Record<string, unknown>))
      : maskText(body.replace(SIGN_IN_TEXT, '$1[redacted]$2'));
  } else {
    text = JSON.stringify(redactAnswer(body));
  }
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS)}…` : text;
}
