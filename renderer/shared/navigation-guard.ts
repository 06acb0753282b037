// Keeps every screen on the app. Links, forms and window.open that would leave the app's own origin are
// refused: a POS screen has no business showing another site, and a kiosk customer must not reach a browser.
// Electron blocks navigation again in main (main/electron/navigation-guards.ts); this covers the browser host.

/** True when following `href` from `appHref` would leave the app (other origin, or a scheme like javascript:). */
export function leavesApp(href: string, appHref: string): boolean {
  let target: URL;
  let app: URL;
  try {
    app = new URL(appHref);
    target = new URL(href, app);
  } catch {
    return true;
  }
  if (target.protocol !== app.protocol) return true;
  return target.origin === 'null' || target.origin !== app.origin;
}

function refuse(event: Event, what: string, url: string): void {
  event.preventDefault();
  event.stopPropagation();
  console.warn(`navigation refused: ${what} to ${url.slice(0, 100)}`);
}

export function installNavigationGuard(win: Window): void {
  const doc = win.document;
  doc.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
    if (link && leavesApp(link.getAttribute('href') ?? '', win.location.href)) refuse(event, 'link', link.href);
  }, true);
  doc.addEventListener('auxclick', (event) => {
    const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
    if (link) refuse(event, 'middle-click', link.href);
  }, true);
  doc.addEventListener('submit', (event) => {
    const form = event.target as HTMLFormElement | null;
    if (form?.action && leavesApp(form.action, win.location.href)) refuse(event, 'form', form.action);
  }, true);
  // New windows are never wanted: the customer display and the card form are placed by the app itself.
  win.open = () => null;
}
