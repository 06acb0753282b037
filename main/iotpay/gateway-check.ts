// `pos gateway check`: asks the live gateway two questions that cannot move money (a query_order for an order
// number that was never used, a refund_order for a payOrderId that does not exist) and records exactly how it
// answers: HTTP status, round trip, retCode/resCode/errCode, which fields, whether a `sign` came and verifies,
// the Date header against our clock, and how this client would read the answer. Only what the live gateway does
// settles the assumptions of docs/iotpay-client.md; this is how a shop finds out without a sale.
import { randomBytes } from 'node:crypto';
import { createIotPayClient } from './client.js';
import { IotPayError } from './errors.js';
import { CLOCK_SKEW_LIMIT_MS, type GatewayCheckRecord, type GatewayProbe, type ProbeSignature } from './gateway-check-record.js';
import { redactAnswer } from './redact.js';
import { hasSign, v1SignatureHolds } from './request-sender.js';
import { sign, type SignParams } from './sign.js';
import type { CheckableAnswer } from './signature-policy.js';
import { nodeHttpTransport, type HttpTransport, type TransportResponse } from './transport.js';
import type { Currency } from './wire.js';
import { createLogger, silentSink } from '../shared/logger.js';

export interface GatewayCheckOptions {
  v1BaseUrl: string;
  mchId: string;
  key: string;
  loginName: string;
  clientIp: string;
  currency: Currency;
  /** Starts the made-up order and refund numbers (the terminal id), so a gateway log shows who asked. */
  idPrefix: string;
  transport?: HttpTransport;
  timeoutMs?: number;
  /** Wall clock (the Date header is wall time) and a monotonic clock for the round trip; injectable for tests. */
  now?: () => number;
  monotonic?: () => number;
}

interface Exchange {
  response?: TransportResponse;
  problem?: string;
  rttMs?: number;
  sentAt: number;
}

function stamp(): string {
  return `${Date.now().toString(36).toUpperCase()}${randomBytes(3).toString('hex').toUpperCase()}`;
}

async function exchange(o: GatewayCheckOptions, endpoint: string, params: SignParams): Promise<Exchange> {
  const now = o.now ?? Date.now;
  const mono = o.monotonic ?? (() => performance.now());
  const body = new URLSearchParams({ params: JSON.stringify({ ...params, sign: sign(params, o.key) }) }).toString();
  const url = `${o.v1BaseUrl.replace(/\/+$/, '')}/${endpoint}`;
  const sentAt = now();
  const started = mono();
  try {
    const response = await (o.transport ?? nodeHttpTransport)({ url, contentType: 'application/x-www-form-urlencoded', body, timeoutMs: o.timeoutMs ?? 15_000 });
    return { response, rttMs: Math.round(mono() - started), sentAt };
  } catch (err) {
    return { problem: err instanceof Error ? err.message : String(err), rttMs: Math.round(mono() - started), sentAt };
  }
}

function str(json: Record<string, unknown>, name: string): string | undefined {
  const v = json[name];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

/** How our own client reads the same bytes: replayed through it with a transport that returns them. */
async function clientReading(o: GatewayCheckOptions, endpoint: CheckableAnswer, response: TransportResponse, asked: Record<string, string>): Promise<string> {
  const client = createIotPayClient({
    mchId: o.mchId, key: o.key, loginName: o.loginName, clientIp: o.clientIp, notifyUrl: 'http://127.0.0.1/iotpay/notify',
    v1BaseUrl: o.v1BaseUrl, transport: async () => response, logger: createLogger('gateway-check', silentSink),
  });
  try {
    if (endpoint === 'query_order') {
      const q = await client.orders.query({ mchOrderNo: asked.mchOrderNo ?? '' });
      return `ANSWERED status=${q.status}`;
    }
    const r = await client.refunds.create({ mchRefundNo: asked.mchRefundNo ?? '', payOrderId: asked.payOrderId ?? '', amountCents: 1, currency: o.currency });
    return `ANSWERED state=${r.state}`;
  } catch (err) {
    return err instanceof IotPayError ? `${err.code} (${err.outcome === 'unknown' ? 'outcome unknown' : 'not charged'})` : 'INTERNAL';
  }
}

async function probe(o: GatewayCheckOptions, endpoint: CheckableAnswer, asked: Record<string, string>, params: SignParams): Promise<GatewayProbe & { sentAt: number }> {
  const ex = await exchange(o, endpoint, params);
  return { ...(await read(o, endpoint, asked, ex)), sentAt: ex.sentAt };
}

async function read(o: GatewayCheckOptions, endpoint: CheckableAnswer, asked: Record<string, string>, ex: Exchange): Promise<GatewayProbe> {
  const base = { endpoint, asked, rttMs: ex.rttMs, fields: [] as string[] };
  if (!ex.response) return { ...base, answered: false, problem: ex.problem, signature: 'no-answer', clientReading: 'NO_ANSWER' };
  const { response } = ex;
  const dateHeader = response.headers?.date;
  let json: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(response.body);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) json = parsed as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  const reading = await clientReading(o, endpoint, response, asked);
  if (!json) {
    return { ...base, answered: false, httpStatus: response.status, dateHeader, problem: 'the answer is not a JSON object', signature: 'no-answer', clientReading: reading };
  }
  const signature: ProbeSignature = !hasSign(json) ? 'absent' : v1SignatureHolds(json, o.key) ? 'verified' : 'wrong';
  return {
    ...base, answered: true, httpStatus: response.status, dateHeader, fields: Object.keys(json), signature, clientReading: reading,
    retCode: str(json, 'retCode'), retMsg: str(json, 'retMsg'), resCode: str(json, 'resCode'), errCode: str(json, 'errCode'),
    errCodeDes: str(json, 'errCodeDes'), answer: redactAnswer(json),
  };
}

/** The Date header has a resolution of one second; compared with our clock at the middle of the round trip. */
function skewOf(probes: readonly (GatewayProbe & { sentAt: number })[]): number | null {
  for (const p of probes) {
    const served = p.dateHeader === undefined ? Number.NaN : Date.parse(p.dateHeader);
    if (Number.isFinite(served)) return Math.round(served - (p.sentAt + (p.rttMs ?? 0) / 2));
  }
  return null;
}

/** Runs both probes, one after the other. Never creates an order, never refunds a real payment. */
export async function runGatewayCheck(o: GatewayCheckOptions): Promise<GatewayCheckRecord> {
  const checkedAt = (o.now ?? Date.now)();
  const id = stamp();
  const mchOrderNo = `${o.idPrefix}CHKQ${id}`.slice(0, 30);
  const mchRefundNo = `${o.idPrefix}CHKR${id}`.slice(0, 30);
  // A payOrderId IOTPay never issues: its ids are a channel prefix and digits (docs/iotpay-api.md §3.6).
  const payOrderId = `NOSUCHORDER${id}`;
  const query = await probe(o, 'query_order', { mchOrderNo }, { mchId: o.mchId, mchOrderNo });
  const refund = await probe(o, 'refund_order', { mchRefundNo, payOrderId }, {
    mchId: o.mchId, mchRefundNo, payOrderId, refundAmount: 1, clientIp: o.clientIp, loginName: o.loginName, currency: o.currency,
  });
  const clockSkewMs = skewOf([query, refund]);
  const probes = [query, refund].map(({ sentAt: _sentAt, ...p }) => p);
  return {
    version: 1, checkedAt, v1BaseUrl: o.v1BaseUrl, mchId: o.mchId, probes, clockSkewMs,
    clockSkewed: clockSkewMs !== null && Math.abs(clockSkewMs) > CLOCK_SKEW_LIMIT_MS,
    seenSigned: probes.filter((p) => p.signature === 'verified').map((p) => p.endpoint),
  };
}
