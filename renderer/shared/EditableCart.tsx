// The cart lines wired to main: quantity steppers and remove call the sale channels and hand back the
// updated sale. Shared by the till and the kiosk; read-only while a payment holds the sale. The till routes
// edits through its manager approval (`onEdit`), since main refuses to take a sale below what was paid
// without a manager's PIN.
import type { SaleView } from '../../preload/contract.js';
import { CartList } from './CartList.js';
import { useInvoke } from './use-invoke.js';

export type LineEdit =
  | { channel: 'sale:setQuantity'; request: { lineNo: number; quantity: number } }
  | { channel: 'sale:removeLine'; request: { lineNo: number } };

interface Props {
  sale: SaleView;
  locked: boolean;
  onSale: (sale: SaleView) => void;
  /** Sends an edit instead of the plain call (the till's approval flow); resolves when it is done. */
  onEdit?: (edit: LineEdit) => Promise<void>;
  busy?: boolean;
  /** The till only: opens its discount panel for a line. */
  onDiscount?: (lineNo: number) => void;
}

export function EditableCart({ sale, locked, onSale, onEdit, busy: outerBusy = false, onDiscount }: Props) {
  const { busy, run } = useInvoke();
  const send = async (edit: LineEdit) => {
    if (onEdit) return onEdit(edit);
    const updated = edit.channel === 'sale:setQuantity' ? await run(edit.channel, edit.request) : await run(edit.channel, edit.request);
    if (updated) onSale(updated);
  };
  return (
    <div className="cart-scroll">
      <CartList
        sale={sale}
        editable={!locked}
        disabled={busy || outerBusy}
        onQuantity={(lineNo, quantity) => void send({ channel: 'sale:setQuantity', request: { lineNo, quantity } })}
        onRemove={(lineNo) => void send({ channel: 'sale:removeLine', request: { lineNo } })}
        {...(onDiscount ? { onDiscount } : {})}
      />
    </div>
  );
}
