// `npm run pos -- <command>`: the admin command line, on the same data folder and config as the app.
import { parseArgs } from 'node:util';
import { openServices } from '../app/services.js';
import { defaultDataDir } from '../config/data-dir.js';
import { runScannersCommand } from '../scanners/cli.js';
import { consoleSink, createLogger } from '../shared/logger.js';
import { CATALOG_USAGE, runCatalogCommand } from './catalog-commands.js';
import { UsageError, type Flags } from './cli-io.js';
import { GATEWAY_USAGE, gatewayCommand } from './gateway-commands.js';
import { chargeSale, reconcileCommand, refundCommand } from './payment-commands.js';
import { chargeReceipt, PRINTER_USAGE, printerCommand } from './printer-commands.js';
import { closeDayCommand, exportCommand, journalInitCommand, journalVerifyCommand, reportCommand } from './report-commands.js';
import { runStoreCommand, STORE_USAGE } from './store-commands.js';
import { shiftCommand, staffCommand, STAFF_USAGE } from './staff-commands.js';
import { clockWarningLine } from './cli-io.js';
import { isProvinceCode, PROVINCE_CODES } from '../../preload/provinces.js';
import type { Province } from '../shared/sales-tax.js';

const USAGE = `usage: npm run pos -- <command> [--data-dir DIR] [--province XX] [--gateway URL --mch-id ID --key KEY]
  report [--date YYYY-MM-DD] [--json]      daily totals for a store day
  close-day --counted-cash CENTS [--date D] [--by NAME] [--printer P]
  reconcile                                 settle every open payment and refund with IOTPay
  export --from D --to D [--out FILE]       CSV of payments and refunds
  journal verify [--seal N:HASH]            check the hash chain, rebuild the tables from the events and name every
                                            row that differs; --seal: the event and hash printed on a Z
  journal init --i-understand               start a new, empty journal where one went missing (never replaces one)
  ${GATEWAY_USAGE}
  charge (--item SKU[:QTY] ... | --amount CENTS) (--scan CODE | --qr WX_NATIVE|ALIPAY_QR|UPI_QR | --cash [CENTS])
                                            [--wait SECONDS]; --item (repeatable) rings up catalog items, taxed
                                            for the store's province; --cash CENTS: the cash handed over (5¢
                                            rounding, change printed); --amount: one untaxed custom amount
  refund --order MCHORDERNO --amount CENTS [--reason TEXT] [--by NAME] [--wait SECONDS]
                                            (wait up to SECONDS, default 180, for a final state; exit 3 if not)
  refund --sale N --line LINE[:QTY] ... [--reason TEXT] [--by NAME]
                                            return lines of a paid sale: price after discount + tax, on its own tenders
  charge ... [--printer P]                  the receipt is printed as text; with --printer it prints there and
                                            a cash tender opens the drawer
  ${PRINTER_USAGE}
  scanners list | scanners watch (--serial PATH [--baud N] | --hid VID:PID[:USAGEPAGE] | --hid-path PATH) [--count N]
${CATALOG_USAGE}
${STORE_USAGE}
${STAFF_USAGE}`;

const text = { type: 'string' } as const;
const OPTIONS = {
  'data-dir': text, gateway: text, 'mch-id': text, key: text, json: { type: 'boolean' }, cash: text, item: { type: 'string', multiple: true }, province: text,
  amount: text, scan: text, qr: text, tendered: text, cashier: text, date: text, 'counted-cash': text, by: text,
  from: text, to: text, out: text, order: text, printer: text, last: { type: 'boolean' }, z: text, reason: text, wait: text, seal: text, 'i-understand': { type: 'boolean' },
  sale: text, line: { type: 'string', multiple: true },
  staff: text, name: text, role: text, pin: text, float: text, counted: text, cents: text,
} as const;

/** `--cash` alone (pay exactly, or --tendered CENTS) keeps working beside `--cash CENTS`: it is read as `--cash=`. */
function bareCash(args: string[]): string[] {
  return args.map((a, i) => (a === '--cash' && (args[i + 1] === undefined || args[i + 1]!.startsWith('--')) ? '--cash=' : a));
}

/** `--province XX`: the store's province for this run only (docs/register.md "Settings"), one of the 13 codes. */
function provinceFlag(flags: Flags): Province | undefined {
  const value = flags.province;
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !isProvinceCode(value)) throw new UsageError(`--province must be a two-letter province or territory code: ${PROVINCE_CODES.join(' ')} (got ${String(value)})`);
  return value;
}

/** Read only, so they work on a read-only medium (a copied or mounted data folder). */
const READ_COMMANDS = new Set(['report', 'export']);

const GATEWAY_COMMANDS = new Set(['charge', 'refund', 'reconcile']);

export async function runPos(argv: string[], out: (line: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'scanners') return runScannersCommand(rest, out);
  if (command === 'catalog') return runCatalogCommand(rest, out, env);
  if (command === 'store') return runStoreCommand(rest, out, env);
  if (!command || command === 'help' || command === '--help') {
    out(USAGE);
    return command ? 0 : 2;
  }
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: bareCash(rest), allowPositionals: true, strict: true, options: OPTIONS });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const { values, positionals } = parsed;
  const flags = values as Flags;
  const dataDir = (flags['data-dir'] as string | undefined) ?? defaultDataDir(env);
  const province = provinceFlag(flags);
  if (command === 'journal') {
    if (positionals[0] === 'verify') return journalVerifyCommand(dataDir, flags, out);
    if (positionals[0] === 'init') return journalInitCommand(dataDir, flags, env, out);
    throw new UsageError('did you mean: journal verify, or journal init --i-understand');
  }
  // Needs live credentials and no journal: it never opens the engine, so it can never create an order.
  if (command === 'gateway') return gatewayCommand(positionals, flags, dataDir, env, out);
  const logger = createLogger('pos', consoleSink(env.POS_LOG_LEVEL === 'debug' ? 'debug' : 'warn'));
  const services = await openServices({
    dataDir, logger, env, withGateway: GATEWAY_COMMANDS.has(command), access: READ_COMMANDS.has(command) ? 'read' : 'write', ...(province ? { province } : {}),
    overrides: { gatewayUrl: flags.gateway as string | undefined, mchId: flags['mch-id'] as string | undefined, key: flags.key as string | undefined },
  });
  try {
    if (services.training && GATEWAY_COMMANDS.has(command)) out('TRAINING MODE: built-in IOTPay sandbox, no real money moves');
    if (services.clockWarning) out(clockWarningLine(services.clockWarning));
    switch (command) {
      case 'report': return reportCommand(services, flags, out);
      case 'close-day': return await closeDayCommand(services, flags, out);
      case 'export': return exportCommand(services, flags, out);
      case 'charge': {
        const charged = await chargeSale(services, flags, out, dataDir);
        await chargeReceipt(services, flags, out, charged.saleId);
        return charged.exitCode;
      }
      case 'printer': return await printerCommand(services, positionals, flags, out);
      case 'refund': return await refundCommand(services, flags, out);
      case 'reconcile': return await reconcileCommand(services, out);
      case 'staff': return staffCommand(services, positionals, flags, out);
      case 'shift': return shiftCommand(services, positionals, flags, out);
      default: throw new UsageError(`unknown command '${command}'`);
    }
  } finally {
    await services.close();
  }
}

const isEntry = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isEntry) {
  runPos(process.argv.slice(2), (line) => console.log(line)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      const coded = err as { code?: string; message?: string };
      console.error(`pos: ${coded.message ?? String(err)}${coded.code ? ` [${coded.code}]` : ''}`);
      if (err instanceof UsageError) console.error(USAGE);
      process.exit(err instanceof UsageError ? 2 : 1);
    },
  );
}
