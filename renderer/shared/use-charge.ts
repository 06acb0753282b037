// Starting a tender from the till. Charge calls may resolve only when the payment finishes (main waits on the
// gateway), so the screen follows the attempt through events and treats the answer as one more update.
import { useCallback, useState } from 'react';
import type { AttemptView } from '../../preload/contract.js';

export function useCharge(track: (attempt: AttemptView) => void): {
  charging: boolean;
  charge: (start: () => Promise<AttemptView | undefined>) => Promise<AttemptView | undefined>;
} {
  const [charging, setCharging] = useState(false);
  const charge = useCallback(
    async (start: () => Promise<AttemptView | undefined>) => {
      setCharging(true);
      try {
        const attempt = await start();
        if (attempt) track(attempt);
        return attempt;
      } finally {
        setCharging(false);
      }
    },
    [track],
  );
  return { charging, charge };
}
