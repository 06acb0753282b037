// v1 status numbers → the payment state the engine acts on (docs/iotpay-api.md §3.5). Unknown numbers are never guessed.
import { describe, expect, it } from 'vitest';
import { stateOfV1Status, type GatewayPaymentState } from '../../main/iotpay/response-fields.js';

describe('stateOfV1Status', () => {
  const table: Array<[number, GatewayPaymentState]> = [
    [0, 'awaiting_payment'],
    [1, 'paying'],
    [2, 'paid'],
    [3, 'paid'],
    [4, 'cancelled'],
    [9, 'cancelled'],
    [5, 'unrecognised'],
    [-1, 'unrecognised'],
    [99, 'unrecognised'],
  ];
  for (const [status, state] of table) {
    it(`status ${status} → ${state}`, () => {
      expect(stateOfV1Status(status)).toBe(state);
    });
  }
});
