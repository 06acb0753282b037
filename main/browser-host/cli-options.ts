// The browser host's command line, parsed strictly: an unknown flag or a stray word is a mistake at a till,
// not something to ignore. Pure, so the CLI's exit code 2 path is unit-tested.
import { parseArgs } from 'node:util';
import type { ComposeOptions } from '../app/host-api.js';
import { defaultDataDir } from '../config/data-dir.js';
import { BrowserHostError } from './errors.js';

export interface BrowserHostCliOptions {
  dataDir: string;
  port: number;
  gatewayOverrides?: NonNullable<ComposeOptions['gatewayOverrides']>;
  help: boolean;
}

export const USAGE = 'usage: start:browser [--data-dir DIR] [--port N] [--gateway URL --mch-id ID --key KEY]';

function single(name: string, raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  const values = Array.isArray(raw) ? raw : [raw];
  if (values.length > 1) throw new BrowserHostError('BAD_ARGUMENT', `--${name} may be given once`);
  const value: unknown = values[0];
  if (typeof value !== 'string' || value === '') throw new BrowserHostError('BAD_ARGUMENT', `--${name} needs a value`);
  return value;
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined) return 0;
  const port = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(port) || port > 65535) throw new BrowserHostError('BAD_ARGUMENT', `--port must be 0-65535, got ${JSON.stringify(raw.slice(0, 20))}`);
  return port;
}

/** `args` excludes node and the script (process.argv.slice(2)). */
export function parseBrowserHostArgs(args: readonly string[], env: NodeJS.ProcessEnv = process.env): BrowserHostCliOptions {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        'data-dir': { type: 'string', multiple: true },
        port: { type: 'string', multiple: true },
        // multiple: true so a repeated flag is seen and refused instead of the last one silently winning.
        gateway: { type: 'string', multiple: true },
        'mch-id': { type: 'string', multiple: true },
        key: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new BrowserHostError('BAD_ARGUMENT', error instanceof Error ? error.message.split('\n', 1)[0] ?? 'bad arguments' : 'bad arguments');
  }
  const options: BrowserHostCliOptions = {
    dataDir: single('data-dir', values['data-dir']) ?? defaultDataDir(env),
    port: parsePort(single('port', values.port)),
    help: values.help === true,
  };
  const gatewayUrl = single('gateway', values.gateway);
  const mchId = single('mch-id', values['mch-id']);
  const key = single('key', values.key);
  // All three or none (config/gateway-choice.ts enforces it too); checked here so a typo exits 2 before start-up.
  const given = [gatewayUrl, mchId, key].filter((v) => v !== undefined).length;
  if (given !== 0 && given !== 3) throw new BrowserHostError('BAD_ARGUMENT', '--gateway, --mch-id and --key must be given together');
  if (gatewayUrl !== undefined || mchId !== undefined || key !== undefined) options.gatewayOverrides = { gatewayUrl, mchId, key };
  return options;
}
