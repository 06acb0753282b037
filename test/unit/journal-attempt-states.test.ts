import { describe, expect, it } from 'vitest';
import {
  ATTEMPT_STATES,
  REFUND_STATES,
  canTransition,
  canTransitionRefund,
  type AttemptState,
  type RefundState,
} from '../../main/journal/attempt-states.js';

// The expected table written out in full, independently of the implementation's table.
const ATTEMPT_ALLOWED = new Set([
  'created>sent', 'created>pending', 'created>succeeded', 'created>failed', 'created>expired', 'created>unknown',
  'sent>pending', 'sent>succeeded', 'sent>failed', 'sent>expired', 'sent>unknown',
  'pending>succeeded', 'pending>failed', 'pending>expired', 'pending>unknown',
  'expired>succeeded', 'expired>failed',
  'unknown>pending', 'unknown>succeeded', 'unknown>failed', 'unknown>expired',
]);

const REFUND_ALLOWED = new Set([
  'created>sent', 'created>succeeded', 'created>failed', 'created>unknown',
  'sent>succeeded', 'sent>failed', 'sent>unknown',
  'unknown>sent', 'unknown>succeeded', 'unknown>failed',
]);

describe('attempt state machine: every pair', () => {
  for (const from of ATTEMPT_STATES) {
    for (const to of ATTEMPT_STATES) {
      const allowed = ATTEMPT_ALLOWED.has(`${from}>${to}`);
      it(`${from} -> ${to} is ${allowed ? 'allowed' : 'refused'}`, () => {
        expect(canTransition(from, to)).toBe(allowed);
      });
    }
  }

  it('final states have no way out', () => {
    const finals: AttemptState[] = ['succeeded', 'failed'];
    for (const from of finals) expect(ATTEMPT_STATES.filter((to) => canTransition(from, to))).toEqual([]);
  });

  it('expired and unknown can still become succeeded (late success) or failed', () => {
    for (const from of ['expired', 'unknown'] as const) {
      expect(canTransition(from, 'succeeded')).toBe(true);
      expect(canTransition(from, 'failed')).toBe(true);
    }
  });
});

describe('refund state machine: every pair', () => {
  for (const from of REFUND_STATES) {
    for (const to of REFUND_STATES) {
      const allowed = REFUND_ALLOWED.has(`${from}>${to}`);
      it(`${from} -> ${to} is ${allowed ? 'allowed' : 'refused'}`, () => {
        expect(canTransitionRefund(from as RefundState, to as RefundState)).toBe(allowed);
      });
    }
  }
});
