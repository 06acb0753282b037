// What a screen showed, recorded inside the page from its first paint: every customer-display state, every
// attempt state/phase, and every text that reads like a machine wrote it (a URL, a socket error, a stack
// trace, a gateway or tender code). A MutationObserver sees each DOM change, so a state that shows for a
// fraction of a second (a display flashing "failed" before it recovers) is caught without sampling or sleeps.

/**
 * Text no person at a till should ever read: [name, RegExp source, flags]. Plain strings, because the
 * recorder runs inside the page (addInitScript) and only serialisable arguments get there.
 */
export const TECHNICAL_PATTERN_SOURCES: ReadonlyArray<readonly [string, string, string]> = [
  ['a URL', 'https?://', 'i'],
  ['a socket error', '\\bE(?:CONN[A-Z]*|TIMEDOUT|PIPE|HOSTUNREACH|NOTFOUND|AI_AGAIN)\\b|socket hang up|fetch failed', 'i'],
  ['a stack trace', '^\\s*at\\s+\\S.*:\\d+:\\d+\\)?\\s*$|\\b[A-Z][A-Za-z]*Error\\b|node:internal', 'm'],
  ['a gateway or tender code', '\\b(?:PF_CC|WX_MICROPAY|WX_NATIVE|WX_APP|ALIPAY_QR|ALIPAY_MICROPAY|UPI_QR|UPI_MICROPAY|INSUFFICIENT_FUNDS|AUTH_CODE_INVALID|CASH)\\b', ''],
  ['an UPPER_SNAKE code', '\\b[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+\\b', ''],
];

export interface ScreenRecord {
  /** Successive `display-status` data-state values ('' while there is none). */
  display: string[];
  /** Successive `attempt-status` values as "data-state/data-phase" ('' while there is none). */
  attempt: string[];
  /** Each technical text seen, with its surroundings. */
  technical: string[];
  /** Every distinct body text, in order (bounded). */
  texts: string[];
}

/** Runs in the page (serialised by Playwright): must not use anything from this module's scope. */
export function installScreenRecorder(patterns: ReadonlyArray<readonly [string, string, string]>): void {
  if (window.top !== window) return;
  const rec = { display: [] as string[], attempt: [] as string[], technical: [] as string[], texts: [] as string[] };
  (window as unknown as { __screenRecord: typeof rec }).__screenRecord = rec;
  const regexes = patterns.map(([name, source, flags]) => [name, new RegExp(source, flags)] as const);
  let lastDisplay: string | null = null;
  let lastAttempt: string | null = null;
  let lastText: string | null = null;
  const check = () => {
    const display = document.querySelector('[data-testid="display-status"]');
    const d = display ? (display.getAttribute('data-state') ?? '?') : '';
    if (d !== lastDisplay) rec.display.push((lastDisplay = d));
    const attempt = document.querySelector('[data-testid="attempt-status"]');
    const a = attempt ? `${attempt.getAttribute('data-state') ?? '?'}/${attempt.getAttribute('data-phase') ?? '?'}` : '';
    if (a !== lastAttempt) rec.attempt.push((lastAttempt = a));
    const text = document.body ? document.body.innerText : '';
    if (text === lastText) return;
    lastText = text;
    if (rec.texts.length < 2000) rec.texts.push(text);
    for (const [name, re] of regexes) {
      const m = re.exec(text);
      if (m && rec.technical.length < 50) rec.technical.push(`${name} «${m[0]}» in «${text.slice(Math.max(0, m.index - 60), m.index + 80).replace(/\s+/g, ' ')}»`);
    }
  };
  const start = () => {
    new MutationObserver(check).observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    check();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}
