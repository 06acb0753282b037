// Picking up a payment already in play when this screen (re)loads: a browser reload, or Electron's crash
// recovery. Events only carry changes, so without this a reloaded till would show an editable cart while main
// still waits on the customer, and the customer display would have lost the QR. Asked once, on mount; the
// events take over from there.
import { useEffect, useRef } from 'react';
import type { LivePaymentView } from '../../preload/contract.js';
import { call } from './invoke.js';

export function useLivePayment(onLive: (live: LivePaymentView) => void): void {
  const latest = useRef(onLive);
  useEffect(() => {
    latest.current = onLive;
  });
  useEffect(() => {
    let gone = false;
    void call('payment:live', {}).then((live) => {
      if (live && !gone) latest.current(live);
    });
    return () => {
      gone = true;
    };
  }, []);
}
