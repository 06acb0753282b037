// The app's settings: what a shop configures, validated once at load. The merchant key is NOT a setting:
// it comes from the OS secret store (Electron safeStorage), a CLI flag or an environment variable
// (credentials.ts), so a config file can be copied between terminals without leaking it.
import { z } from 'zod';
// The same lists the manager's setup screen offers (preload/manager-limits.ts), so the file and the screen agree.
import { BAUD_RATES, GST_NUMBER, QST_NUMBER, SUFFIXES, WEDGE_TERMINATORS } from '../../preload/manager-limits.js';
import { PROVINCES } from '../shared/sales-tax.js';
import { PAPER_COLUMNS, PRINTER_CODEPAGES, PRINTER_LANGUAGES } from '../../preload/printer-options.js';

const ianaZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'is not an IANA time zone such as America/Toronto');

const storeUrl = z.string().url().refine((u) => /^postgres(ql)?:\/\//.test(u), 'must be a postgres:// URL')
  .refine((u) => { try { return new URL(u).password === ''; } catch { return false; } }, 'must not carry the password (keep it in the secret store or POS_STORE_PASSWORD)');
const httpUrl = z.string().url().refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL');

/** Wallet timers, docs/architecture.md §3. WeChat revokes unpaid micropay orders after about 45 s. */
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

const framingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('suffix'), suffix: z.enum(SUFFIXES) }),
  z.object({ kind: z.literal('timeout'), gapMs: z.number().int().min(5).max(1000) }),
]);

/** The scanners a manager chose on the setup screen (`npm run pos -- scanners list` shows the candidates). */
export const scannerSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('serial'),
    path: z.string().min(1),
    baudRate: z.number().int().refine((b) => (BAUD_RATES as readonly number[]).includes(b), 'is not a standard baud rate').default(9600),
    framing: framingSchema.default({ kind: 'suffix', suffix: 'CR' }),
  }),
  z.object({
    kind: z.literal('hid'),
    vendorId: z.number().int().min(0).max(0xffff),
    productId: z.number().int().min(0).max(0xffff),
    /**
     * Which interface of a combined scanner (`scanners list` shows them): 0x8C for HID POS, 0x01 for its
     * keyboard. Absent: the HID POS interface when the device has one, else the keyboard interface. Chosen
     * by usage page and interface number, not by path, because hidraw paths change when a scanner is replugged.
     */
    usagePage: z.number().int().min(0).max(0xffff).optional(),
    interfaceNumber: z.number().int().min(0).max(255).optional(),
    /** Absent: follows the chosen interface (0x8C decodes as pos, a keyboard interface as keyboard). */
    mode: z.enum(['pos', 'keyboard']).optional(),
  }),
]);

/** The receipt printer the manager chose (`pos printer list` shows the candidates; `--printer` overrides it for one run). */
export const printerSchema = z.object({
  /** tcp://HOST:PORT, serial:PATH[@BAUD] or usb:PATH (main/printing/printer-target.ts). */
  target: z.string().min(3).max(200),
  columns: z.union([z.literal(PAPER_COLUMNS[0]), z.literal(PAPER_COLUMNS[1])]).default(48),
  codepage: z.enum(PRINTER_CODEPAGES).default('cp858'),
  language: z.enum(PRINTER_LANGUAGES).default('esc-pos'),
  /** The printer has a GB18030 font (CJK mode): Chinese names print as Chinese, else as the SKU. */
  cjk: z.boolean().default(false),
  /** A cash drawer hangs on the printer's drawer port: cash tenders and "open drawer" pulse it. */
  drawer: z.boolean().default(true),
  timeoutMs: z.number().int().min(500).max(60_000).default(5_000),
});

/** Wallet code rules change (docs/iotpay-api.md §7.1), so they are settings; absent means the built-in defaults. */
export const scanRulesSchema = z.object({
  wallets: z.array(z.object({
    wallet: z.enum(['WX_MICROPAY', 'ALIPAY_MICROPAY', 'UPI_MICROPAY']),
    prefixes: z.array(z.string().regex(/^\d{1,4}$/)).min(1),
    lengths: z.array(z.number().int().min(9).max(64)).min(1),
  })).optional(),
  stripPrefixes: z.array(z.string().min(1).max(8)).default([]),
  wedge: z.object({
    maxInterKeyGapMs: z.number().int().min(5).max(200).default(25),
    minLength: z.number().int().min(4).max(64).default(8),
    /** KeyboardEvent.code values that end a scan; most scanners send Enter, some Tab. */
    terminators: z.array(z.enum(WEDGE_TERMINATORS)).min(1).default([...WEDGE_TERMINATORS]),
  }).prefault({}),
});

export const liveGatewaySchema = z.object({
  mode: z.literal('live'),
  mchId: z.string().min(1).max(30),
  loginName: z.string().min(1).max(32),
  v1BaseUrl: httpUrl.default('https://api.iotpaycloud.com/v1/'),
  v3BaseUrl: httpUrl.default('https://ccapi.iotpaycloud.com/v3/'),
  notifyUrl: httpUrl.default('http://127.0.0.1/iotpay/notify'),
  // Which answers must be signed is not a setting: main/iotpay/signature-policy.ts, raised by `pos gateway check`.
});

export const settingsSchema = z.object({
  terminalId: z.string().regex(/^[A-Z0-9]{2,8}$/, 'must be 2 to 8 capital letters or digits').default('T1'),
  /** Printed at the top of receipts; empty until the manager sets it (training receipts say TRAINING anyway). */
  storeName: z.string().trim().max(64).default(''),
  /** Printed under the store name on every slip; lines separated by \n (docs/printing.md). */
  storeAddress: z.string().trim().max(200).default(''),
  storeTimeZone: ianaZone.default('America/Toronto'),
  currency: z.enum(['CAD', 'USD']).default('CAD'),
  /** Where the store is, for its sales taxes (main/checkout/tax-table.ts, docs/register.md). Read at start. */
  province: z.enum(PROVINCES).default('ON'),
  /** Catalog and custom prices already include tax (the tax is backed out once per sale); default: tax is added. */
  pricesIncludeTax: z.boolean().default(false),
  /** The store's GST/HST registration number, printed on receipts when set: 123456789RT0001. */
  gstNumber: z.string().regex(GST_NUMBER, 'must be 9 digits, RT and 4 digits, e.g. 123456789RT0001').optional(),
  /** The store's QST registration number (Quebec), printed on receipts when set: 1234567890TQ0001. */
  qstNumber: z.string().regex(QST_NUMBER, 'must be 10 digits, TQ and 4 digits, e.g. 1234567890TQ0001').optional(),
  locale: z.enum(['en-CA', 'fr-CA', 'zh-CN']).default('en-CA'),
  /**
   * A line or sale discount above this percent of what it is taken off needs a manager's PIN at the till (docs/register.md
   * "Discounts"); at or below it the cashier gives it alone. 0: every discount needs a manager. Applies at once.
   */
  discountApprovalPercent: z.number().int().min(0).max(100).default(20),
  gateway: z.discriminatedUnion('mode', [z.object({ mode: z.literal('training') }), liveGatewaySchema]).default({ mode: 'training' }),
  timers: timersSchema.prefault({}),
  scanners: z.array(scannerSchema).default([]),
  /** The receipt printer and its cash drawer (docs/printing.md); absent: no printer, slips wait in the print queue. */
  printer: printerSchema.optional(),
  scanRules: scanRulesSchema.prefault({}),
  /**
   * Staff sign-in and the drawer (docs/staff.md): the till signs out after this many idle minutes; a shift's cash
   * variance above this many cents (either way) needs a manager's approval (cash-variance).
   */
  staff: z.object({
    signOutAfterIdleMinutes: z.number().int().min(1).max(240).default(10),
    cashVarianceThresholdCents: z.number().int().min(0).max(1_000_000).default(500),
  }).prefault({}),
  /** Before staff records (docs/staff.md): the factory manager's changed PIN, read once; new PINs go to the staff list. */
  managerPinHash: z.string().regex(/^scrypt\$[0-9a-f]{32}\$[0-9a-f]{64}$/).optional(),
  /**
   * Auto-update of the installed desktop app (electron-updater, generic provider: the folder holding latest.yml).
   * Absent or `enabled: false` means no update is ever fetched; an update is never installed while money may move
   * (main/app/update-guard.ts).
   */
  updates: z.object({ url: httpUrl.optional(), enabled: z.boolean().default(false) }).optional(),
  /**
   * The id of the journal this data folder created (its meta.journal_id), written by the app: a journal that then
   * disappears is refused instead of silently recreated empty (docs/journal.md "Storage faults").
   */
  journalId: z.string().regex(/^[0-9a-f]{32}$/).optional(),
  /**
   * The store database (docs/store.md): absent = a terminal on its own, as always. `url` is this terminal's role,
   * `managerUrl` (optional) the managers' role for the Whole store view. PostgreSQL URLs WITHOUT a password: the
   * password is kept like the merchant key (the OS secret store, POS_STORE_PASSWORD, or `--store URL` for one run).
   */
  store: z.object({ url: storeUrl, managerUrl: storeUrl.optional() }).optional(),
});

export type Settings = z.output<typeof settingsSchema>;
export type Timers = z.output<typeof timersSchema>;
export type LiveGateway = z.output<typeof liveGatewaySchema>;
export type ScannerSetting = z.output<typeof scannerSchema>;
export type ScanRules = z.output<typeof scanRulesSchema>;
export type PrinterSetting = z.output<typeof printerSchema>;
