// The manager's PIN prompt for a cart change main refused without one (use-approval.ts): says what is being
// approved, takes the PIN, and sends the same change again. Cancel leaves the sale as it was.
import { useState } from 'react';
import { useApp } from '../shared/app-context.js';
import { RefusalLine } from '../shared/RefusalLine.js';
import type { MessageKey } from '../shared/i18n/translate.js';
import { PinField, isPin } from './PinField.js';
import type { Approval, ApprovalCode } from './use-approval.js';

const WHY: Record<ApprovalCode, MessageKey> = {
  BELOW_PAID: 'approve.belowPaid',
  SALE_HAS_PAYMENTS: 'approve.voidWithPayments',
  DISCOUNT_NEEDS_APPROVAL: 'approve.discount',
  PRICE_OVERRIDE_NEEDS_APPROVAL: 'approve.priceOverride',
};

export function ManagerApproval({ approval }: { approval: Approval }) {
  const { t } = useApp();
  const [pin, setPin] = useState('');
  const { pending, busy, error } = approval;
  if (!pending) return null;
  const submit = async () => {
    if (!isPin(pin) || busy) return;
    await approval.approve(pin);
    setPin('');
  };
  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" aria-labelledby="approve-title">
      <form
        className="modal approve"
        data-testid="approve-prompt"
        data-code={pending.code}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2 id="approve-title">{t('approve.title')}</h2>
        <p>{t(WHY[pending.code])}</p>
        <PinField testId="approve-pin" value={pin} onChange={setPin} autoFocus disabled={busy} />
        <RefusalLine error={error} testId="approve-error" />
        <div className="row row-stretch">
          <button
            type="button"
            className="btn btn-lg"
            data-testid="approve-cancel"
            onClick={() => {
              setPin('');
              approval.cancel();
            }}
          >
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary btn-lg" data-testid="approve-submit" disabled={busy || !isPin(pin)}>
            {t('approve.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
