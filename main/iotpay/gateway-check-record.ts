// What `pos gateway check` saw, as saved in the data folder (gateway-check.json), and what the client makes of
// it: a row of the signature table (signature-policy.ts) is raised to `required` when the live gateway was seen
// signing that answer, for the same gateway and merchant only. The file is read at the boundary with zod; a
// missing or unreadable file means "no check", never an error at start-up.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CHECKABLE_ANSWERS, resolvePolicy, type CheckableAnswer, type SignaturePolicy } from './signature-policy.js';

export const GATEWAY_CHECK_FILE = 'gateway-check.json';

/** How a probe's answer stood with signatures: `wrong` means a `sign` was present and did not verify. */
export const PROBE_SIGNATURES = ['verified', 'wrong', 'absent', 'no-answer'] as const;
export type ProbeSignature = (typeof PROBE_SIGNATURES)[number];

/** More than this between the gateway's Date header and our clock is reported as skewed. */
export const CLOCK_SKEW_LIMIT_MS = 60_000;

const probeSchema = z.object({
  endpoint: z.enum(CHECKABLE_ANSWERS),
  /** The made-up identifiers the probe asked about (never a real order). */
  asked: z.record(z.string(), z.string()),
  answered: z.boolean(),
  /** Why there was no usable answer (connection refused, timeout, not JSON). */
  problem: z.string().optional(),
  httpStatus: z.number().int().optional(),
  rttMs: z.number().optional(),
  retCode: z.string().optional(),
  retMsg: z.string().optional(),
  resCode: z.string().optional(),
  errCode: z.string().optional(),
  errCodeDes: z.string().optional(),
  /** The field names of the answer, in the order they came. */
  fields: z.array(z.string()).default([]),
  signature: z.enum(PROBE_SIGNATURES),
  /** How this client reads the answer: the error code it would raise, or `ANSWERED`. */
  clientReading: z.string(),
  /** The answer, redacted (no sign, codes masked). */
  answer: z.record(z.string(), z.unknown()).optional(),
  dateHeader: z.string().optional(),
});

export const gatewayCheckSchema = z.object({
  version: z.literal(1),
  checkedAt: z.number(),
  v1BaseUrl: z.string(),
  mchId: z.string(),
  probes: z.array(probeSchema),
  /** Gateway Date minus our clock at the middle of the round trip; null when no Date header came back. */
  clockSkewMs: z.number().nullable(),
  clockSkewed: z.boolean(),
  /** The answers the live gateway signed (and whose signature verified): their rows become `required`. */
  seenSigned: z.array(z.enum(CHECKABLE_ANSWERS)),
});

export type GatewayProbe = z.output<typeof probeSchema>;
export type GatewayCheckRecord = z.output<typeof gatewayCheckSchema>;

function sameBase(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}

/** Whether a record was made against this gateway and merchant; a check of another account proves nothing here. */
export function checkApplies(record: GatewayCheckRecord | null | undefined, target: { mchId: string; v1BaseUrl: string }): record is GatewayCheckRecord {
  return record !== null && record !== undefined && record.mchId === target.mchId && sameBase(record.v1BaseUrl, target.v1BaseUrl);
}

export function policyFromCheck(record: GatewayCheckRecord | null | undefined, target: { mchId: string; v1BaseUrl: string }): SignaturePolicy {
  const seen: CheckableAnswer[] = checkApplies(record, target) ? record.seenSigned : [];
  return resolvePolicy(seen);
}

export function readGatewayCheck(dataDir: string): GatewayCheckRecord | null {
  const file = join(dataDir, GATEWAY_CHECK_FILE);
  if (!existsSync(file)) return null;
  try {
    const parsed = gatewayCheckSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // unreadable: as if never checked; `pos gateway check` writes a fresh one
  }
}

/** Atomic (write + rename), so a crash leaves the old record or the new one. */
export function writeGatewayCheck(dataDir: string, record: GatewayCheckRecord): string {
  const file = join(dataDir, GATEWAY_CHECK_FILE);
  const temp = `${file}.tmp`;
  writeFileSync(temp, `${JSON.stringify(gatewayCheckSchema.parse(record), null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file);
  return file;
}
