// Classifies framed scans and hands each to exactly one handler. The pipeline never calls the payment engine:
// the composition root passes handlers. A payment code can only ever reach `onPaymentCode` — not the catalog.
import type { Clock } from '../shared/clock.js';
import { maskCode, type Logger } from '../shared/logger.js';
import { classifyCode, defaultClassifierRules, type ClassifierRules } from './classifier.js';
import type { RecentScans } from './recent-scans.js';
import type { ReplayGuard } from './replay-guard.js';
import { assertNever } from '../shared/assert-never.js';
import type { ClassifiedScan, PaymentScan, ProductScan, RawScan, UnknownReason, UnknownScan } from './scan-types.js';

export interface ScanHandlers {
  onPaymentCode(scan: PaymentScan): void;
  onProduct(scan: ProductScan): void;
  onUnknown(scan: UnknownScan): void;
}

export interface ScanRouterOptions {
  handlers: ScanHandlers;
  replayGuard: ReplayGuard;
  clock: Clock;
  logger: Logger;
  rules?: ClassifierRules;
  recent?: RecentScans;
}

function unknown(raw: RawScan, classifiedAt: number, reason: UnknownReason): UnknownScan {
  const { source, deviceId, firstByteAt, receivedAt } = raw;
  const base = { source, deviceId, firstByteAt, receivedAt, classifiedAt };
  return { ...base, kind: 'unknown', reason, masked: maskCode(raw.text), length: raw.text.length };
}

/** Pure classification of one raw scan (no replay check). Noisy frames are never trusted as codes. */
export function classifyRawScan(raw: RawScan, classifiedAt: number, rules = defaultClassifierRules): ClassifiedScan {
  if (raw.noisy) return unknown(raw, classifiedAt, 'noisy-frame');
  const { source, deviceId, firstByteAt, receivedAt } = raw;
  const base = { source, deviceId, firstByteAt, receivedAt, classifiedAt };
  const result = classifyCode(raw.text, rules);
  switch (result.kind) {
    case 'payment':
      return { ...base, kind: 'payment', wallet: result.wallet, code: result.code };
    case 'product':
      return { ...base, kind: 'product', gtin: result.gtin, format: result.format, scanned: result.scanned };
    case 'unknown':
      return unknown(raw, classifiedAt, result.reason);
    default:
      return assertNever(result);
  }
}

export type ScanRouter = (raw: RawScan) => ClassifiedScan;

/**
 * The scanner door: every code (serial, HID, keyboard wedge, or digits a cashier typed) is classified here, once,
 * with the configured rules and the replay guard. `route` hands the result to the till's handlers; `classify`
 * returns it to a caller that acts on it itself (a typed code charged through `payment:chargeByScan`).
 */
export function createScanDoor(options: ScanRouterOptions): { route: ScanRouter; classify: ScanRouter } {
  const { handlers, replayGuard, clock, logger, recent } = options;
  const classify: ScanRouter = (raw) => {
    let scan = classifyRawScan(raw, clock.now(), options.rules);
    if (scan.kind === 'payment' && replayGuard.check(scan.code) === 'replay') {
      scan = unknown(raw, scan.classifiedAt, 'replayed-payment-code');
    }
    recent?.record(scan);
    logScan(logger, scan);
    return scan;
  };
  const route: ScanRouter = (raw) => {
    const scan = classify(raw);
    dispatch(handlers, scan, logger);
    return scan;
  };
  return { route, classify };
}

export function createScanRouter(options: ScanRouterOptions): ScanRouter {
  return createScanDoor(options).route;
}

function dispatch(handlers: ScanHandlers, scan: ClassifiedScan, logger: Logger): void {
  try {
    if (scan.kind === 'payment') handlers.onPaymentCode(scan);
    else if (scan.kind === 'product') handlers.onProduct(scan);
    else handlers.onUnknown(scan);
  } catch (error) {
    // A throwing handler must not stop the device stream; the next scan still has to work.
    logger.error('scan handler threw', { kind: scan.kind, error: error instanceof Error ? error.message : String(error) });
  }
}

function logScan(logger: Logger, scan: ClassifiedScan): void {
  const fields = { source: scan.source, device: scan.deviceId, ms: scan.receivedAt - scan.firstByteAt };
  if (scan.kind === 'payment') logger.info('payment code scanned', { ...fields, wallet: scan.wallet, masked: maskCode(scan.code) });
  else if (scan.kind === 'product') logger.info('product scanned', { ...fields, gtin: scan.gtin });
  else logger.warn('unrecognised scan', { ...fields, reason: scan.reason, masked: scan.masked });
}
