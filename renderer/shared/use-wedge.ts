// Wires the keyboard-wedge detector to the window (capture phase, so it sees keys before any field does) and
// sends each detected scan to main with scan:submit. Main decides what the code is: product or payment.
import { useEffect, useRef } from 'react';
import { useApp } from './app-context.js';
import { KeyboardWedge, defaultWedgeOptions, type WedgeScan } from './keyboard-wedge.js';
import { call } from './invoke.js';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target.isContentEditable;
}

/**
 * The scanner "typed" its code into whatever field had focus; take those characters back out. Goes through
 * the native value setter and an input event so React's controlled state sees the change.
 */
function removeTypedChars(count: number): void {
  const el = document.activeElement;
  if (count <= 0 || !(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return;
  const proto = el instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (!setter) return;
  setter.call(el, el.value.slice(0, Math.max(0, el.value.length - count)));
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Event timestamps are relative to the page's time origin; main wants epoch milliseconds. */
function toEpochMs(timeStamp: number): number {
  return performance.timeOrigin + timeStamp;
}

export function useWedge(enabled: boolean, onScanned?: (scan: WedgeScan) => void): void {
  const latest = useRef(onScanned);
  // The shop's wedge settings (Manager → Settings), as app:info reported them when this screen loaded.
  const { maxInterKeyGapMs, minLength, terminators } = useApp().info.wedge;
  const terminatorList = terminators.join(',');
  useEffect(() => {
    latest.current = onScanned;
  });

  useEffect(() => {
    if (!enabled) return;
    const options = { ...defaultWedgeOptions, maxInterKeyGapMs, minLength, terminators: terminatorList.split(',') };
    const wedge = new KeyboardWedge((scan) => {
      removeTypedChars(scan.charsTypedIntoField);
      latest.current?.(scan);
      // Refusals (unknown product, payment in progress…) come back as till:notice; the screen shows those.
      void call('scan:submit', { text: scan.text, firstByteAt: toEpochMs(scan.firstKeyAt), receivedAt: toEpochMs(scan.terminatorAt) });
    }, options);
    const onKeyDown = (e: KeyboardEvent) => {
      // A field that takes scanned codes itself (data-wedge="own": the exchange's receipt search) keeps its keys.
      if (e.target instanceof HTMLElement && e.target.dataset.wedge === 'own') return;
      const decision = wedge.handleKeyDown({
        code: e.code,
        key: e.key,
        timeStamp: e.timeStamp,
        shiftKey: e.shiftKey,
        repeat: e.repeat,
        targetIsEditable: isEditable(e.target),
      });
      // Only the terminator of a real scan is consumed, so its Enter does not also submit a form.
      if (decision.consume) e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [enabled, maxInterKeyGapMs, minLength, terminatorList]);
}
