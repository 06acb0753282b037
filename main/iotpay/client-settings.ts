// What every IOTPay request carries besides its own fields, checked once when the client is built.
import { ValidationError } from './errors.js';
import { checkText } from './validation.js';
import { V1_LIMITS } from './wire.js';

export const DEFAULT_V1_BASE_URL = 'https://api.iotpaycloud.com/v1/';
export const DEFAULT_V3_BASE_URL = 'https://ccapi.iotpaycloud.com/v3/';

/** IOTPay's PHP SDK waits 30 s; queries are cheap and polled, so a stuck one should give way sooner (docs/iotpay-api.md §5). */
export const DEFAULT_TIMEOUTS = { createMs: 30_000, queryMs: 15_000, refundMs: 30_000 } as const;
export type Timeouts = { createMs: number; queryMs: number; refundMs: number };

export interface ClientSettings {
  mchId: string;
  /** Merchant login name: `jobNo` in v1 payments, `loginName` in refunds and v3. */
  loginName: string;
  /** The terminal's IP as IOTPay's POS samples send it. */
  clientIp: string;
  /** Terminal identifier (`device`). */
  device?: string;
  /** v1 requires a notifyUrl even where it is unused (micropay); point it at a loopback listener or a server. */
  notifyUrl: string;
  timeouts: Timeouts;
}

function checkBaseUrl(field: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ValidationError(field, `is not a URL: ${value}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ValidationError(field, 'must be http or https');
  return value;
}

function checkTimeouts(timeouts: Partial<Timeouts> | undefined): Timeouts {
  const merged = { ...DEFAULT_TIMEOUTS, ...timeouts };
  for (const [name, ms] of Object.entries(merged)) {
    if (!Number.isInteger(ms) || ms <= 0) throw new ValidationError(`timeouts.${name}`, 'must be a positive integer of milliseconds');
  }
  return merged;
}

/** What a caller configures; checked once by `checkSettings`. */
export interface SettingsInput {
  mchId: string;
  key: string;
  loginName: string;
  clientIp: string;
  device?: string;
  notifyUrl: string;
  v1BaseUrl?: string;
  v3BaseUrl?: string;
  timeouts?: Partial<Timeouts>;
}

export function checkSettings(input: SettingsInput): ClientSettings & { v1BaseUrl: string; v3BaseUrl: string } {
  checkText('key', input.key, 256);
  return {
    mchId: checkText('mchId', input.mchId, V1_LIMITS.mchId) as string,
    // v1 refunds allow 32 characters of loginName, v1 payments 50 (jobNo); v3 only 12, which cards.ts checks
    // on each card call, so a longer login still takes wallet payments and refunds (docs/iotpay-api.md §5).
    loginName: checkText('loginName', input.loginName, V1_LIMITS.loginName) as string,
    clientIp: checkText('clientIp', input.clientIp, V1_LIMITS.clientIp) as string,
    device: checkText('device', input.device, V1_LIMITS.device, true),
    notifyUrl: checkText('notifyUrl', checkBaseUrl('notifyUrl', input.notifyUrl), V1_LIMITS.notifyUrl) as string,
    v1BaseUrl: checkBaseUrl('v1BaseUrl', input.v1BaseUrl ?? DEFAULT_V1_BASE_URL),
    v3BaseUrl: checkBaseUrl('v3BaseUrl', input.v3BaseUrl ?? DEFAULT_V3_BASE_URL),
    timeouts: checkTimeouts(input.timeouts),
  };
}
