// `pos gateway check`: a live gateway check that moves no money (main/iotpay/gateway-check.ts). It asks about an
// order number never used and a payOrderId that does not exist, prints what came back, and saves it as
// gateway-check.json in the data folder, where the app's IOTPay client reads it at its next start to choose
// which answers must be signed (main/iotpay/signature-policy.ts).
import { mkdirSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { chooseGateway } from '../config/gateway-choice.js';
import { loadSettings } from '../config/load-settings.js';
import {
  CLOCK_SKEW_LIMIT_MS, policyFromCheck, runGatewayCheck, writeGatewayCheck, type GatewayCheckRecord, type GatewayProbe, type HttpTransport,
} from '../iotpay/index.js';
import { textFlag, UsageError, type Flags, type Out } from './cli-io.js';

export const GATEWAY_USAGE = 'gateway check [--json]                    ask the live gateway two questions that move no money; saves gateway-check.json';

/** The terminal's LAN address, sent as `clientIp` as IOTPay's POS samples do (docs/iotpay-api.md §3.2). */
function lanAddress(): string {
  for (const addresses of Object.values(networkInterfaces())) {
    const lan = addresses?.find((a) => a.family === 'IPv4' && !a.internal);
    if (lan) return lan.address;
  }
  return '127.0.0.1';
}

const SIGNATURE_WORDS: Record<GatewayProbe['signature'], string> = {
  verified: 'signed, signature verifies',
  wrong: 'SIGNED, BUT THE SIGNATURE DOES NOT VERIFY',
  absent: 'unsigned',
  'no-answer': 'no answer',
};

function codes(p: GatewayProbe): string {
  const parts = [['retCode', p.retCode], ['resCode', p.resCode], ['errCode', p.errCode], ['retMsg', p.retMsg]] as const;
  return parts.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k}=${v}`).join(' ') || '(no codes)';
}

function probeLine(p: GatewayProbe): string {
  const asked = Object.entries(p.asked).map(([k, v]) => `${k} ${v}`).join(', ');
  const http = p.httpStatus === undefined ? `no answer${p.problem ? ` (${p.problem})` : ''}` : `HTTP ${p.httpStatus}`;
  const answered = p.answered ? ` · ${codes(p)} · fields ${p.fields.join(',')}` : p.problem && p.httpStatus !== undefined ? ` (${p.problem})` : '';
  return `${p.endpoint} (${asked}): ${http} in ${p.rttMs ?? '?'} ms${answered} · ${SIGNATURE_WORDS[p.signature]} · this client reads it as ${p.clientReading}`;
}

function clockLine(r: GatewayCheckRecord): string {
  if (r.clockSkewMs === null) return 'clock: the gateway sent no Date header; skew not known';
  const seconds = Math.round(Math.abs(r.clockSkewMs) / 1000);
  if (!r.clockSkewed) return `clock: the gateway and this computer agree within ${Math.max(1, seconds)} s`;
  const way = r.clockSkewMs > 0 ? 'ahead of' : 'behind';
  return `clock: the gateway's clock is ${seconds} s ${way} this computer's (more than ${CLOCK_SKEW_LIMIT_MS / 1000} s: check the time settings)`;
}

/** Healthy: both questions answered, no signature that fails, our own signature not refused. */
function healthy(r: GatewayCheckRecord): boolean {
  return r.probes.every((p) => p.answered && p.signature !== 'wrong' && !p.clientReading.startsWith('SIGNATURE_REJECTED'));
}

export async function gatewayCommand(
  positionals: readonly string[], flags: Flags, dataDir: string, env: NodeJS.ProcessEnv, out: Out, transport?: HttpTransport,
): Promise<number> {
  if (positionals[0] !== 'check') throw new UsageError('did you mean: gateway check');
  const settings = loadSettings(dataDir);
  const overrides = { gatewayUrl: textFlag(flags, 'gateway', false), mchId: textFlag(flags, 'mch-id', false), key: textFlag(flags, 'key', false) };
  const choice = chooseGateway(settings, overrides, env);
  if (choice.mode !== 'live') {
    throw new UsageError('gateway check needs live credentials: --gateway URL --mch-id ID --key KEY, or a live gateway in settings.json with IOTPAY_KEY');
  }
  const g = choice.gateway;
  out(`gateway check: ${g.v1BaseUrl} as merchant ${g.mchId}; asks about an order and a payment that do not exist, so no money moves`);
  const record = await runGatewayCheck({
    v1BaseUrl: g.v1BaseUrl, mchId: g.mchId, key: choice.key, loginName: g.loginName, clientIp: lanAddress(),
    currency: settings.currency, idPrefix: settings.terminalId, transport,
  });
  mkdirSync(dataDir, { recursive: true });
  const file = writeGatewayCheck(dataDir, record);
  if (flags.json === true) {
    out(JSON.stringify(record));
    return healthy(record) ? 0 : 1;
  }
  for (const p of record.probes) out(probeLine(p));
  out(clockLine(record));
  const policy = policyFromCheck(record, g);
  out(`signature rules from the app's next start: query_order ${policy.query_order}, refund_order ${policy.refund_order}`);
  out(`saved ${file}`);
  return healthy(record) ? 0 : 1;
}
