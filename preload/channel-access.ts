// Who may call a channel (docs/staff.md "The door"), read from the one declaration: each channel's `staff` in
// preload/contract.ts. The door (main/app/dispatch.ts) takes a channel's requirement from here, and main tells the
// manager screen at unlock which channels its person may call (computed here), so a screen hides exactly what the
// door would refuse. No second list of roles exists.
import { CHANNELS, CHANNEL_NAMES, type ChannelName, type WindowRole } from './contract.js';
import { roleAtLeast, type StaffRole } from './staff-roles.js';

/** The lowest staff role that may call `channel`, or null when it needs no person. */
export function staffNeeded(channel: ChannelName): StaffRole | null {
  return CHANNELS[channel].staff;
}

/** Whether a person of `role` may call `channel` (the window role aside: that is the channel's `roles`). */
export function mayCall(role: StaffRole, channel: ChannelName): boolean {
  const need = staffNeeded(channel);
  return need === null || roleAtLeast(role, need);
}

/** Every channel a person of `role` may call from a window of `window`: what the manager screen is told at unlock. */
export function channelsFor(role: StaffRole, window: WindowRole): ChannelName[] {
  return CHANNEL_NAMES.filter((c) => (CHANNELS[c].roles as readonly WindowRole[]).includes(window) && mayCall(role, c));
}
