// The cart lines wired to main: quantity steppers and remove call the sale channels and hand back the
// updated sale. Shared by the till and the kiosk; read-only while a payment is in progress.
import type { SaleView } from '../../preload/contract.js';
import { CartList } from './CartList.js';
import { useInvoke } from './use-invoke.js';

interface Props {
  sale: SaleView;
  locked: boolean;
  onSale: (sale: SaleView) => void;
}

export function EditableCart({ sale, locked, onSale }: Props) {
  const { busy, run } = useInvoke();
  const apply = async (next: Promise<SaleView | undefined>) => {
    const updated = await next;
    if (updated) onSale(updated);
  };
  return (
    <div className="cart-scroll">
      <CartList
        sale={sale}
        editable={!locked}
        disabled={busy}
        onQuantity={(lineNo, quantity) => void apply(run('sale:setQuantity', { lineNo, quantity }))}
        onRemove={(lineNo) => void apply(run('sale:removeLine', { lineNo }))}
      />
    </div>
  );
}
