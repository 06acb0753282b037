// Manager calls carry the session token from manager:unlock. The token lives only in React state (memory),
// never in storage. A SESSION_EXPIRED refusal sends the screen back to the PIN pad.
import { createContext, useContext } from 'react';
import type { ChannelName, ChannelRequest, ChannelResponse } from '../../preload/contract.js';
import { invokeRaw } from '../shared/invoke.js';
import { pushToast } from '../shared/toast-store.js';

/** Channels whose request carries `session`. */
export type ManagerChannel = {
  [C in ChannelName]: ChannelRequest<C> extends { session: string } ? C : never;
}[ChannelName];

export type ManagerRequest<C extends ManagerChannel> = Omit<ChannelRequest<C>, 'session'>;

export type ManagerCall = <C extends ManagerChannel>(channel: C, request: ManagerRequest<C>) => Promise<ChannelResponse<C> | undefined>;

export function makeManagerCall(session: string, onExpired: () => void): ManagerCall {
  return async (channel, request) => {
    // The spread loses the link between C and its request type; the shape is exactly ChannelRequest<C>.
    const full = { ...request, session } as unknown as ChannelRequest<typeof channel>;
    const result = await invokeRaw(channel, full);
    if (result.ok) return result.value;
    pushToast(result.error);
    if (result.error.code === 'SESSION_EXPIRED') onExpired();
    return undefined;
  };
}

export const ManagerCallContext = createContext<ManagerCall | null>(null);

export function useManagerCall(): ManagerCall {
  const callFn = useContext(ManagerCallContext);
  if (!callFn) throw new Error('useManagerCall() outside an unlocked manager screen');
  return callFn;
}
