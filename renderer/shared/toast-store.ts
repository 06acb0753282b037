// Toasts live outside React so any call site (a hook, an event handler, a promise) can raise one.
// A tiny external store read with useSyncExternalStore; no state library.

export interface Toast {
  id: number;
  message: string;
  kind: 'error' | 'info';
}

const SHOW_MS = 7000;
let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function pushToast(message: string, kind: Toast['kind'] = 'error'): void {
  const id = nextId++;
  // The same message twice in a row (a double tap on a refused button) shows once.
  toasts = [...toasts.filter((t) => t.message !== message), { id, message, kind }].slice(-4);
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
