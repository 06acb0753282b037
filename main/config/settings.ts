// The app's settings: what a shop configures, validated once at load. The merchant key is NOT a setting:
// it comes from the OS secret store (Electron safeStorage), a CLI flag or an environment variable
// (credentials.ts), so a config file can be copied between terminals without leaking it.
import { z } from 'zod';

const ianaZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'is not an IANA time zone such as America/Toronto');

const httpUrl = z.string().url().refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL');

/** Wallet timers, ARCHITECTURE.md §3. WeChat revokes unpaid micropay orders after about 45 s. */
export const timersSchema = z.object({
  scanPollMs: z.number().int().min(500).default(3_000),
  scanDeadlineMs: z.object({
    WX_MICROPAY: z.number().int().min(5_000).default(45_000),
    ALIPAY_MICROPAY: z.number().int().min(5_000).default(60_000),
    UPI_MICROPAY: z.number().int().min(5_000).default(60_000),
  }).prefault({}),
  qrPollMs: z.number().int().min(500).default(2_000),
  qrExpiryMs: z.number().int().min(10_000).default(120_000),
  qrBackgroundMs: z.number().int().min(0).default(600_000),
  reconcileEveryMs: z.number().int().min(1_000).default(30_000),
});

export const liveGatewaySchema = z.object({
  mode: z.literal('live'),
  mchId: z.string().min(1).max(30),
  loginName: z.string().min(1).max(12),
  v1BaseUrl: httpUrl.default('https://api.iotpaycloud.com/v1/'),
  v3BaseUrl: httpUrl.default('https://ccapi.iotpaycloud.com/v3/'),
  notifyUrl: httpUrl.default('http://127.0.0.1/iotpay/notify'),
});

export const settingsSchema = z.object({
  terminalId: z.string().regex(/^[A-Z0-9]{2,8}$/, 'must be 2 to 8 capital letters or digits').default('T1'),
  storeName: z.string().min(1).max(64).default('Training Store'),
  storeTimeZone: ianaZone.default('America/Toronto'),
  currency: z.enum(['CAD', 'USD']).default('CAD'),
  locale: z.enum(['en-CA', 'fr-CA', 'zh-CN']).default('en-CA'),
  gateway: z.discriminatedUnion('mode', [z.object({ mode: z.literal('training') }), liveGatewaySchema]).default({ mode: 'training' }),
  timers: timersSchema.prefault({}),
});

export type Settings = z.output<typeof settingsSchema>;
export type Timers = z.output<typeof timersSchema>;
export type LiveGateway = z.output<typeof liveGatewaySchema>;
