// Shared set-up for tests that drive the real IOTPay client against a real sandbox over loopback.
import { createIotPayClient, type IotPayClient, type IotPayClientOptions } from '../../main/iotpay/index.js';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../main/sandbox/index.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';

export function clientFor(sandbox: Pick<SandboxHandle, 'gatewayUrl' | 'mchId' | 'key'>, overrides: Partial<IotPayClientOptions> = {}): IotPayClient {
  return createIotPayClient({
    mchId: sandbox.mchId,
    key: sandbox.key,
    loginName: 'cashier01',
    clientIp: '127.0.0.1',
    device: 'T1',
    notifyUrl: 'http://127.0.0.1:9/iotpay/notify',
    v1BaseUrl: `${sandbox.gatewayUrl}/v1/`,
    v3BaseUrl: `${sandbox.gatewayUrl}/v3/`,
    logger: createLogger('test-client', silentSink),
    ...overrides,
  });
}

export async function withSandbox(options: SandboxOptions = {}): Promise<{ sandbox: SandboxHandle; client: IotPayClient }> {
  const sandbox = await startSandbox(options);
  return { sandbox, client: clientFor(sandbox) };
}

let serial = 0;
/**
 * A wallet payment code that is valid for its wallet and ends in the scenario's two digits
 * (WeChat 18 digits from 10–15, Alipay 16–24 from 25–30, UnionPay 19 from 62; docs/architecture.md §5).
 * Each call gives a fresh code: real codes are single use.
 */
export function walletCode(wallet: 'WX' | 'ALIPAY' | 'UPI', scenario: string): string {
  serial += 1;
  const [prefix, length] = wallet === 'WX' ? ['13', 18] : wallet === 'ALIPAY' ? ['28', 18] : ['62', 19];
  const middle = `${Date.now()}${serial}`.padStart(length - 4, '0').slice(-(length - 4));
  return `${prefix}${middle}${scenario}`;
}

const CHANNEL = { WX: 'WX_MICROPAY', ALIPAY: 'ALIPAY_MICROPAY', UPI: 'UPI_MICROPAY' } as const;

/** A fresh wallet code as the scanner door hands it to the engine: already classified. */
export function walletScan(wallet: 'WX' | 'ALIPAY' | 'UPI', scenario: string): { wallet: (typeof CHANNEL)[typeof wallet]; code: string } {
  return { wallet: CHANNEL[wallet], code: walletCode(wallet, scenario) };
}

let orderSerial = 0;
export function orderNo(prefix = 'T1P'): string {
  orderSerial += 1;
  return `${prefix}${Date.now().toString(36).toUpperCase()}${orderSerial}`;
}
