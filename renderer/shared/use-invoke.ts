// `call` plus a busy flag, so a button that started a call stays disabled until main answers: a cashier
// under pressure double-taps, and a second sale:addCustom would be a second line.
import { useCallback, useRef, useState } from 'react';
import type { ChannelName, ChannelRequest, ChannelResponse } from '../../preload/contract.js';
import { call } from './invoke.js';

export function useInvoke(): {
  busy: boolean;
  run: <C extends ChannelName>(channel: C, request: ChannelRequest<C>) => Promise<ChannelResponse<C> | undefined>;
} {
  const inFlight = useRef(0);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async <C extends ChannelName>(channel: C, request: ChannelRequest<C>) => {
    inFlight.current += 1;
    setBusy(true);
    try {
      return await call(channel, request);
    } finally {
      inFlight.current -= 1;
      if (inFlight.current === 0) setBusy(false);
    }
  }, []);
  return { busy, run };
}
