// Cart changes a manager must approve. Main refuses a line edit that would take the sale below what was already
// paid (BELOW_PAID) and a void of a sale with payments (SALE_HAS_PAYMENTS, which it then refunds); the till
// asks for the manager's PIN and sends the very same call again with it. A wrong PIN keeps the prompt open with
// main's words (tries left); any other refusal closes it and shows as a toast.
import { useCallback, useState } from 'react';
import type { IpcError, IpcResult, SaleView } from '../../preload/contract.js';
import type { LineEdit } from '../shared/EditableCart.js';
import { invokeRaw } from '../shared/invoke.js';
import { pushToast } from '../shared/toast-store.js';

/** A discount or a price change (DiscountPanel.tsx); main asks for the PIN above the threshold, and for every new price. */
export type DiscountEdit =
  | { channel: 'sale:discountLine'; request: { lineNo: number; kind: 'pct' | 'amount'; value: number; reason?: string } }
  | { channel: 'sale:discountSale'; request: { kind: 'pct' | 'amount'; value: number; reason?: string } }
  | { channel: 'sale:removeDiscount'; request: { lineNo?: number } }
  | { channel: 'sale:overridePrice'; request: { lineNo: number; unitPriceCents: number; reason?: string } };

export type Approvable = LineEdit | DiscountEdit | { channel: 'sale:void'; request: Record<string, never> };

/** Refusals that mean "ask a manager and retry with the PIN". */
export const NEEDS_MANAGER = ['BELOW_PAID', 'SALE_HAS_PAYMENTS', 'DISCOUNT_NEEDS_APPROVAL', 'PRICE_OVERRIDE_NEEDS_APPROVAL'] as const;
export type ApprovalCode = (typeof NEEDS_MANAGER)[number];
/** Refusals of the PIN itself: the prompt stays open. */
const PIN_REFUSALS = new Set(['PIN_WRONG', 'PIN_LOCKED', 'INVALID_REQUEST', 'APPROVAL_NOT_ALLOWED', 'PIN_CHANGE_REQUIRED']);

function isApprovalCode(code: string): code is ApprovalCode {
  return (NEEDS_MANAGER as readonly string[]).includes(code);
}

function send(action: Approvable, pin?: string): Promise<IpcResult<SaleView>> {
  const withPin = pin === undefined ? {} : { pin };
  switch (action.channel) {
    case 'sale:setQuantity':
      return invokeRaw(action.channel, { ...action.request, ...withPin });
    case 'sale:removeLine':
      return invokeRaw(action.channel, { ...action.request, ...withPin });
    case 'sale:void':
      return invokeRaw(action.channel, withPin);
    case 'sale:discountLine':
      return invokeRaw(action.channel, { ...action.request, ...withPin });
    case 'sale:discountSale':
      return invokeRaw(action.channel, { ...action.request, ...withPin });
    case 'sale:removeDiscount':
      return invokeRaw(action.channel, { ...action.request, ...withPin });
    case 'sale:overridePrice':
      return invokeRaw(action.channel, { ...action.request, ...withPin });
  }
}

export interface Approval {
  /** Sends the change; a refusal that needs a manager opens the prompt instead of a toast. */
  run: (action: Approvable) => Promise<void>;
  pending: { action: Approvable; code: ApprovalCode } | null;
  approve: (pin: string) => Promise<void>;
  cancel: () => void;
  busy: boolean;
  /** The PIN's refusal, shown in the prompt. */
  error: IpcError | null;
}

export function useApproval(onSale: (sale: SaleView) => void): Approval {
  const [pending, setPending] = useState<Approval['pending']>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);

  const run = useCallback(
    async (action: Approvable) => {
      setBusy(true);
      const result = await send(action);
      setBusy(false);
      if (result.ok) return onSale(result.value);
      if (isApprovalCode(result.error.code)) {
        setError(null);
        setPending({ action, code: result.error.code });
        return;
      }
      pushToast(result.error);
    },
    [onSale],
  );

  const approve = useCallback(
    async (pin: string) => {
      if (!pending) return;
      setBusy(true);
      const result = await send(pending.action, pin);
      setBusy(false);
      if (result.ok) {
        setPending(null);
        setError(null);
        onSale(result.value);
        return;
      }
      if (PIN_REFUSALS.has(result.error.code)) {
        setError(result.error);
        return;
      }
      setPending(null);
      setError(null);
      pushToast(result.error);
    },
    [pending, onSale],
  );

  const cancel = useCallback(() => {
    setPending(null);
    setError(null);
  }, []);

  return { run, pending, approve, cancel, busy, error };
}
