// What the person who unlocked the manager screen may call (docs/staff.md "The door"): main computes it at unlock
// from each channel's declared `staff` role (preload/channel-access.ts), the same declaration the door checks. A
// screen hides what its person cannot use instead of offering a button the door refuses.
import { createContext, useContext } from 'react';
import type { ManagerChannel } from './manager-api.js';

/** null: main did not say (an older main); everything is offered and the door decides. */
export const ManagerMayContext = createContext<ReadonlySet<string> | null>(null);

export function useMayCall(): (channel: ManagerChannel) => boolean {
  const may = useContext(ManagerMayContext);
  return (channel) => may === null || may.has(channel);
}
