// Which IOTPay the app talks to, and with which key. Training mode is the default only when nothing says
// "live": a terminal configured for live payments that cannot find its key refuses to start rather than
// quietly taking pretend payments.
import type { LiveGateway, Settings } from './settings.js';
import { ConfigError } from './load-settings.js';

export interface MerchantKeySource {
  /** The key kept by the OS secret store, if any (Electron safeStorage; absent in the browser host and CLI). */
  readStoredKey?: () => string | undefined;
}

export interface GatewayOverrides {
  /** `--gateway URL`: an IOTPay-compatible origin; v1 is served under /v1/ and v3 under /v3/ (as the sandbox does). */
  gatewayUrl?: string;
  mchId?: string;
  key?: string;
  loginName?: string;
}

export type GatewayChoice =
  | { mode: 'training' }
  | { mode: 'live'; gateway: LiveGateway; key: string; keySource: 'flag' | 'environment' | 'secret-store' };

function originBase(url: string, api: 'v1' | 'v3'): string {
  return `${url.replace(/\/+$/, '')}/${api}/`;
}

export function chooseGateway(settings: Settings, overrides: GatewayOverrides, env: NodeJS.ProcessEnv, keys: MerchantKeySource = {}): GatewayChoice {
  if (overrides.gatewayUrl || overrides.mchId || overrides.key) {
    if (!overrides.gatewayUrl || !overrides.mchId || !overrides.key) {
      throw new ConfigError('command line', '--gateway, --mch-id and --key must be given together');
    }
    const gateway: LiveGateway = {
      mode: 'live',
      mchId: overrides.mchId,
      loginName: overrides.loginName ?? (settings.gateway.mode === 'live' ? settings.gateway.loginName : 'pos'),
      v1BaseUrl: originBase(overrides.gatewayUrl, 'v1'),
      v3BaseUrl: originBase(overrides.gatewayUrl, 'v3'),
      notifyUrl: settings.gateway.mode === 'live' ? settings.gateway.notifyUrl : 'http://127.0.0.1/iotpay/notify',
    };
    return { mode: 'live', gateway, key: overrides.key, keySource: 'flag' };
  }
  if (settings.gateway.mode === 'training') return { mode: 'training' };
  const envKey = env.IOTPAY_KEY;
  if (envKey) return { mode: 'live', gateway: settings.gateway, key: envKey, keySource: 'environment' };
  const stored = keys.readStoredKey?.();
  if (stored) return { mode: 'live', gateway: settings.gateway, key: stored, keySource: 'secret-store' };
  throw new ConfigError('settings.json', 'gateway.mode is "live" but no merchant key was found (manager settings, IOTPAY_KEY or --key)');
}
