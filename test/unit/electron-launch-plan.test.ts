import { describe, expect, it } from 'vitest';
import { ElectronHostError } from '../../main/electron/errors.js';
import { DEFAULT_ROLES, parseLaunchPlan } from '../../main/electron/launch-plan.js';

const exe = '/opt/IOTPay POS/iotpay-pos';

describe('parseLaunchPlan', () => {
  it('defaults to the cashier window plus the customer display', () => {
    expect(parseLaunchPlan([exe])).toEqual({ roles: ['cashier', 'customer-display'] });
    expect(DEFAULT_ROLES).toEqual(['cashier', 'customer-display']);
  });

  it('takes --role, repeated, comma-separated or with =, without duplicates', () => {
    expect(parseLaunchPlan([exe, '--role', 'kiosk']).roles).toEqual(['kiosk']);
    expect(parseLaunchPlan([exe, '--role=kiosk', '--role', 'customer-display']).roles).toEqual(['kiosk', 'customer-display']);
    expect(parseLaunchPlan([exe, '--role', 'manager,cashier,manager']).roles).toEqual(['manager', 'cashier']);
  });

  it('ignores Electron and Chromium switches and the app path of `electron .`', () => {
    expect(parseLaunchPlan(['/usr/bin/electron', '.', '--enable-logging', '--ozone-platform=x11', '--role', 'manager']).roles).toEqual(['manager']);
  });

  it('an unknown or empty role stops the launch with a typed error', () => {
    for (const argv of [[exe, '--role', 'admin'], [exe, '--role', '../cashier'], [exe, '--role', ''], [exe, '--role']]) {
      expect(() => parseLaunchPlan(argv), argv.join(' ')).toThrow(ElectronHostError);
    }
    try {
      parseLaunchPlan([exe, '--role', 'admin']);
    } catch (error) {
      expect((error as ElectronHostError).code).toBe('UNKNOWN_ROLE');
    }
  });

  it('passes gateway overrides through to the composition root', () => {
    expect(parseLaunchPlan([exe, '--gateway', 'http://127.0.0.1:9000', '--mch-id', '10000042', '--key', 'K']).gatewayOverrides).toEqual({
      gatewayUrl: 'http://127.0.0.1:9000',
      mchId: '10000042',
      key: 'K',
    });
    expect(parseLaunchPlan([exe]).gatewayOverrides).toBeUndefined();
    expect(() => parseLaunchPlan([exe, '--key', 'A', '--key', 'B'])).toThrow(ElectronHostError);
  });
});
