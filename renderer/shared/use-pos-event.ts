// Subscribes a component to one pushed event for its lifetime; the latest listener is always the one called,
// so callers can close over fresh state without resubscribing.
import { useEffect, useRef } from 'react';
import type { EventMap, EventName } from '../../preload/contract.js';
import { getPosApi } from './pos-api.js';

export function usePosEvent<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): void {
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => getPosApi().on(event, (payload) => latest.current(payload)), [event]);
}
