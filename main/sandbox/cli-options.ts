// `npm run sandbox` flags → SandboxOptions. Kept apart from cli.ts so the parsing is unit-testable.
import { parseArgs } from 'node:util';
import { FaultConfigError, parseFaultSpec } from './faults.js';
import type { SandboxOptions } from './index.js';
import { ShapeSpecError, parseShapeSpec } from './shapes.js';

export class CliUsageError extends Error {
  readonly code = 'SANDBOX_USAGE';
}

export const USAGE =
  'usage: npm run sandbox -- [--port N] [--control-port N] [--mch-id ID] [--key KEY] [--ledger FILE] [--faults drop=0.2,5xx=0.1,unsigned=0.1,latency=300] [--seed N] ' +
  '[--shapes payParams=string,unsignedQuery,unsignedRefund,unsignedCards,userpaying,refundStatus=0-9|none,wechatCodes]';

function portOf(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new CliUsageError(`--${flag} must be a port number 0-65535, got '${value}'`);
  return port;
}

function nonEmpty(flag: string, value: string | undefined): string | undefined {
  if (value !== undefined && value.trim() === '') throw new CliUsageError(`--${flag} must not be empty`);
  return value;
}

export function parseCliOptions(argv: readonly string[]): SandboxOptions {
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' }, 'control-port': { type: 'string' }, 'mch-id': { type: 'string' }, key: { type: 'string' },
        ledger: { type: 'string' }, faults: { type: 'string' }, seed: { type: 'string' }, shapes: { type: 'string' },
      },
    }).values;
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
  const options: SandboxOptions = { port: portOf('port', values.port), controlPort: portOf('control-port', values['control-port']) };
  if (values.seed !== undefined) {
    if (!/^\d{1,10}$/.test(values.seed)) throw new CliUsageError(`--seed must be a whole number, got '${values.seed}'`);
    options.seed = Number(values.seed);
  }
  options.mchId = nonEmpty('mch-id', values['mch-id']);
  options.key = nonEmpty('key', values.key);
  options.ledgerFile = nonEmpty('ledger', values.ledger);
  if (values.faults !== undefined) {
    try {
      options.faults = parseFaultSpec(values.faults);
    } catch (error) {
      throw new CliUsageError(error instanceof FaultConfigError ? `--faults: ${error.message}` : String(error));
    }
  }
  if (values.shapes !== undefined) {
    try {
      options.shapes = parseShapeSpec(values.shapes);
    } catch (error) {
      throw new CliUsageError(error instanceof ShapeSpecError ? `--shapes: ${error.message}` : String(error));
    }
  }
  return options;
}
