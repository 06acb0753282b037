// Toasts live outside React so any call site (a hook, an event handler, a promise) can raise one.
// A tiny external store read with useSyncExternalStore; no state library.

import type { IpcError } from '../../preload/contract.js';

export interface Toast {
  id: number;
  /** Text already in the screen's language, or main's English fallback when `error` is set. */
  message: string;
  kind: 'error' | 'info';
  /** A refusal from main: shown translated by its code at render time (i18n/error-messages.ts). */
  error?: IpcError;
}

const SHOW_MS = 7000;
let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function pushToast(what: string | IpcError, kind: Toast['kind'] = 'error'): void {
  const id = nextId++;
  const message = typeof what === 'string' ? what : what.message;
  const toast: Toast = typeof what === 'string' ? { id, message, kind } : { id, message, kind, error: what };
  // The same message twice in a row (a double tap on a refused button) shows once.
  toasts = [...toasts.filter((t) => t.message !== message), toast].slice(-4);
  emit();
  setTimeout(() => dismissToast(id), SHOW_MS);
}

export function dismissToast(id: number): void {
  const next = toasts.filter((t) => t.id !== id);
  if (next.length === toasts.length) return;
  toasts = next;
  emit();
}

export function subscribeToasts(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getToasts(): readonly Toast[] {
  return toasts;
}
