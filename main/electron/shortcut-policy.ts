// Which key presses a window swallows (via before-input-event). Pure, so the list is tested rather than trusted.
// Production windows lose reload and DevTools; the kiosk also loses full-screen, close, zoom and print, because
// a customer must not be able to leave or break the self-checkout screen.
import type { WindowRole } from '../app/host-api.js';
import { assertNever } from '../shared/assert-never.js';

export type ShortcutMode = 'development' | 'locked' | 'kiosk';

/** The fields of Electron's `Input` this policy reads. */
export interface KeyInput {
  key: string;
  code: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

export function shortcutModeFor(role: WindowRole, production: boolean): ShortcutMode {
  if (role === 'kiosk') return 'kiosk';
  return production ? 'locked' : 'development';
}

function is(input: KeyInput, letter: string): boolean {
  // Match the key and the physical key: layouts differ, and either route reaches Chromium's accelerators.
  return input.key.toLowerCase() === letter || input.code === `Key${letter.toUpperCase()}`;
}

function reloadOrDevTools(input: KeyInput): boolean {
  const mod = input.control || input.meta;
  if (input.key === 'F5' || input.key === 'F12' || input.key === 'BrowserRefresh') return true;
  if (mod && is(input, 'r')) return true;
  if (mod && (input.shift || input.alt) && (is(input, 'i') || is(input, 'j') || is(input, 'c'))) return true;
  return false;
}

function leavesKiosk(input: KeyInput): boolean {
  const mod = input.control || input.meta;
  if (input.key === 'F11' || input.key === 'BrowserBack' || input.key === 'BrowserForward') return true;
  if (input.alt && (input.key === 'F4' || input.key === 'ArrowLeft' || input.key === 'ArrowRight')) return true;
  if (mod && ['w', 'q', 'h', 'm', 'p', 'n', 't', 'o', 's'].some((letter) => is(input, letter))) return true;
  if (mod && ['+', '=', '-', '_', '0'].includes(input.key)) return true;
  if (mod && ['Equal', 'Minus', 'Digit0', 'NumpadAdd', 'NumpadSubtract', 'Numpad0'].includes(input.code)) return true;
  return false;
}

export function shortcutBlocked(input: KeyInput, mode: ShortcutMode): boolean {
  switch (mode) {
    case 'development':
      return false;
    case 'locked':
      return reloadOrDevTools(input);
    case 'kiosk':
      return reloadOrDevTools(input) || leavesKiosk(input);
    default:
      return assertNever(mode, 'shortcut mode');
  }
}
