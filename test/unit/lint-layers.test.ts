// The layer rules in eslint.config.js fire: a deliberately bad import in each kind of folder is refused by
// no-restricted-imports, and the crossings declared there (and type-only imports where allowed) pass.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let eslint: ESLint;

/** The layer refusals for `source` as if it were the file at `path` (the file need not exist). */
async function refusals(path: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\n`, { filePath: join(ROOT, path) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

describe('layers (eslint.config.js LAYERS)', () => {
  it.each([
    ['main/payments/probe.ts', "export { classifyCode } from '../scanners/classifier.js';", 'main/payments may import'],
    ['main/payments/probe.ts', "export { settingsSchema } from '../config/settings.js';", 'Declared crossing to main/config'],
    ['main/payments/probe.ts', "export { loadSettings } from '../config/load-settings.js';", 'main/payments may import'],
    ['main/sandbox/probe.ts', "export { OrdersResource } from '../iotpay/orders.js';", 'main/sandbox may import main/shared'],
    ['main/sandbox/probe.ts', "export { signParams } from '../iotpay/sign.js';", 'main/sandbox may import main/shared'],
    ['main/app/probe.ts', "export { enCA } from '../../renderer/shared/i18n/en-CA.js';", 'Declared crossing to renderer'],
    ['main/catalog/probe.ts', "export { ScannerRouter } from '../scanners/router.js';", 'Declared crossing to main/scanners'],
    ['main/checkout/probe.ts', "export { Catalog } from '../catalog/catalog.js';", 'for types only'],
    ['main/shared/probe.ts', "export { formatCents } from '../journal/money.js';", 'main/shared may import nothing of ours'],
    ['main/journal/probe.ts', "export { CHANNELS } from '../../preload/contract.js';", 'main/journal may import'],
    ['main/iotpay/probe.ts', "export { maskCode } from '../journal/payment-code.js';", 'main/iotpay may import'],
    ['main/scanners/probe.ts', "export { Catalog } from '../catalog/catalog.js';", 'main/scanners may import'],
    ['main/reports/probe.ts', "export { PaymentEngine } from '../payments/engine.js';", 'main/reports may import'],
    ['main/app/handlers/probe.ts', "export { createBrowserHost } from '../../browser-host/browser-host.js';", 'main/app may import'],
    ['main/electron/probe.ts', "export { Till } from '../checkout/till.js';", 'main/electron may import'],
    ['preload/probe.ts', "export { createLogger } from '../main/shared/logger.js';", 'preload may import'],
    ['renderer/shared/probe.ts', "export { CHANNELS } from '../../preload/contract.js';", 'renderer may import'],
    ['renderer/shared/i18n/probe.ts', "export { attemptView } from '../../../main/app/views.js';", 'renderer may import'],
    ['main/app/probe.ts', "export { app } from 'electron';", 'Only main/electron/ and preload/ may import electron'],
  ])('%s refuses %s', async (path, source, says) => {
    const found = await refusals(path, source);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(says);
  });

  it.each([
    ['main/payments/probe.ts', "export type { Timers } from '../config/settings.js';"],
    ['main/payments/probe.ts', "export { OfflineError } from '../iotpay/errors.js';\nexport { ATTEMPT_STATES } from '../../preload/payment-states.js';"],
    ['main/sandbox/probe.ts', "export { sandboxSign } from './signing.js';"],
    ['main/app/probe.ts', "export { DICTIONARIES } from '../../renderer/shared/i18n/dictionaries.js';"],
    ['main/catalog/probe.ts', "export { normaliseGtin } from '../scanners/gs1.js';"],
    ['main/checkout/probe.ts', "export type { Catalog } from '../catalog/catalog.js';\nexport { TillError } from './till-errors.js';"],
    ['main/shared/probe.ts', "export { createLogger } from './logger.js';"],
    ['main/journal/migrations/probe.ts', "export { ERROR_CODES } from '../../../preload/error-codes.js';\nexport type { Journal } from '../database.js';"],
    ['renderer/shared/probe.ts', "import type { SaleView } from '../../preload/contract.js';\nexport { LOCALES } from '../../preload/locales.js';\nexport type { SaleView };"],
    ['main/index.ts', "export { composeApp } from './app/compose.js';\nexport type { WindowRole } from '../preload/contract.js';"],
    ['main/electron/probe.ts', "export { app } from 'electron';"],
  ])('%s allows %s', async (path, source) => {
    expect(await refusals(path, source)).toEqual([]);
  });
});
