// The build-time constants of one role's preload, computed from the contract by scripts/build-electron.ts.
// The preload bundle then carries its allow-lists as literals instead of the contract's zod schemas
// (~450 KiB per window otherwise), and still no second list of channel names exists in the source.
import { channelsFor, EVENTS_BY_ROLE, type WindowRole } from './contract.js';

/** esbuild `define` entries: each value is JSON text that replaces the identifier in preload/index.ts. */
export function preloadDefines(role: WindowRole): Record<string, string> {
  return {
    __POS_ROLE__: JSON.stringify(role),
    __POS_CHANNELS__: JSON.stringify(channelsFor(role)),
    __POS_EVENTS__: JSON.stringify(EVENTS_BY_ROLE[role]),
  };
}
