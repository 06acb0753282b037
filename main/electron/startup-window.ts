// When the app cannot start for a reason a person can fix (a storage fault, a corrupt journal, broken settings:
// main/app/startup-problem.ts), one window shows the recovery page with the problem instead of the app vanishing.
// The page is served on app:// like every other, with a CSP that allows nothing but the page itself.
import { app, BrowserWindow, type Session } from 'electron';
import type { StartupProblem } from '../app/startup-problem.js';
import type { Logger } from '../shared/logger.js';
import { startupProblemHtml } from './recovery-page.js';
import { APP_ORIGIN, APP_SCHEME, RECOVERY_PAGE } from './security.js';

const PAGE_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function showStartupProblem(session: Session, problem: StartupProblem, log: Logger): void {
  const html = startupProblemHtml(problem);
  try {
    session.protocol.handle(APP_SCHEME, () => new Response(html, { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PAGE_CSP, 'Cache-Control': 'no-store' } }));
  } catch (error) {
    log.error('recovery page could not be served', { error: String(error) });
    app.exit(1);
    return;
  }
  const window = new BrowserWindow({
    width: 960,
    height: 640,
    title: `IOTPay POS — ${problem.title}`,
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, disableBlinkFeatures: 'Auxclick', devTools: false },
  });
  window.on('closed', () => app.exit(1));
  window.loadURL(`${APP_ORIGIN}/${RECOVERY_PAGE}`).catch((error: unknown) => {
    log.error('recovery page failed to load', { error: String(error) });
    app.exit(1);
  });
}
