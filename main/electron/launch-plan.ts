// Which windows to open and which gateway overrides to pass, from the command line. Pure: Electron's own and
// Chromium's switches pass through untouched (parsing is not strict), but a bad `--role` stops the launch.
import { parseArgs } from 'node:util';
import { WINDOW_ROLES, type ComposeOptions, type WindowRole } from '../app/host-api.js';
import { ElectronHostError } from './errors.js';

export interface LaunchPlan {
  roles: WindowRole[];
  gatewayOverrides?: NonNullable<ComposeOptions['gatewayOverrides']>;
}

/** A counter terminal: the cashier's screen plus the customer-facing one. */
export const DEFAULT_ROLES: readonly WindowRole[] = ['cashier', 'customer-display'];

function isRole(value: string): value is WindowRole {
  return (WINDOW_ROLES as readonly string[]).includes(value);
}

function stringValues(name: string, raw: unknown): string[] {
  if (raw === undefined) return [];
  const values = Array.isArray(raw) ? raw : [raw];
  return values.map((value) => {
    if (typeof value !== 'string' || value === '') throw new ElectronHostError('BAD_ARGUMENT', `--${name} needs a value`);
    return value;
  });
}

function single(name: string, raw: unknown): string | undefined {
  const values = stringValues(name, raw);
  if (values.length > 1) throw new ElectronHostError('BAD_ARGUMENT', `--${name} may be given once`);
  return values[0];
}

/** `argv` is process.argv; its first entry is the executable. `--role` may repeat: `--role kiosk --role customer-display`. */
export function parseLaunchPlan(argv: readonly string[]): LaunchPlan {
  const { values } = parseArgs({
    args: argv.slice(1),
    options: {
      role: { type: 'string', multiple: true },
      // multiple: true so a repeated flag is seen and refused instead of the last one silently winning.
      gateway: { type: 'string', multiple: true },
      'mch-id': { type: 'string', multiple: true },
      key: { type: 'string', multiple: true },
    },
    strict: false,
    allowPositionals: true,
  });
  const roles: WindowRole[] = [];
  for (const value of stringValues('role', values.role).flatMap((v) => v.split(','))) {
    const role = value.trim();
    if (!isRole(role)) throw new ElectronHostError('UNKNOWN_ROLE', `unknown window role "${role.slice(0, 40)}"; expected one of ${WINDOW_ROLES.join(', ')}`);
    if (!roles.includes(role)) roles.push(role);
  }
  const gatewayUrl = single('gateway', values.gateway);
  const mchId = single('mch-id', values['mch-id']);
  const key = single('key', values.key);
  const plan: LaunchPlan = { roles: roles.length > 0 ? roles : [...DEFAULT_ROLES] };
  // Completeness (all three or none) is the config layer's rule (config/gateway-choice.ts); not repeated here.
  if (gatewayUrl !== undefined || mchId !== undefined || key !== undefined) plan.gatewayOverrides = { gatewayUrl, mchId, key };
  return plan;
}
