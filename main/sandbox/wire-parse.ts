// Request bodies as IOTPay receives them (docs/iotpay-api.md §1, §2.2): v1 is a form with one field `params` holding JSON,
// sent either URL-encoded (`params=%7B…`) or raw the way PHP's `'params=' . json_encode($arr)` sends it;
// v3 is the raw JSON object.

export type WireParams = Record<string, unknown>;

const RAW_PREFIX = 'params={';

function parseJsonObject(text: string): WireParams | null {
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
    return value as WireParams;
  } catch {
    return null; // not JSON: the caller answers with the documented FAIL body
  }
}

/**
 * A raw PHP body is taken verbatim after `params=`, so a `+` or `&` inside the JSON survives (form-decoding it
 * would turn `+` into a space and cut at `&`). Only when that is not valid JSON is the body form-decoded.
 */
export function parseV1Body(body: string): WireParams | null {
  const trimmed = body.trim();
  if (trimmed.startsWith(RAW_PREFIX)) {
    const raw = parseJsonObject(trimmed.slice('params='.length));
    if (raw) return raw;
  }
  const form = new URLSearchParams(trimmed);
  const params = form.get('params');
  return params === null ? null : parseJsonObject(params);
}

export function parseV3Body(body: string): WireParams | null {
  return parseJsonObject(body.trim());
}
