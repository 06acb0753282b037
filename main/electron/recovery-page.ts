// The page a window shows after its renderer crashed. It is built here, not by Vite, so it works even when the
// renderer bundle is what crashes. No script (the CSP forbids inline script anyway): a link, and for screens
// nobody operates (customer display, kiosk) a timed reload. The journal lives in main and is unaffected.
import type { WindowRole } from '../app/host-api.js';
import type { StartupProblem } from '../app/startup-problem.js';
import { APP_ORIGIN, RECOVERY_PAGE, ROLE_PAGES } from './security.js';

const AUTO_RELOAD_SECONDS = 10;

export function recoveryUrl(role: WindowRole): string {
  return `${APP_ORIGIN}/${RECOVERY_PAGE}?role=${encodeURIComponent(role)}`;
}

export function isRecoveryUrl(url: string): boolean {
  return url === `${APP_ORIGIN}/${RECOVERY_PAGE}` || url.startsWith(`${APP_ORIGIN}/${RECOVERY_PAGE}?`);
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * The page shown when the app could not start (main/app/startup-problem.ts): the problem in the store's language,
 * that nothing was changed, and the error's own message (file, cause, next step) for whoever fixes it. No link: a
 * reload would only fail again; the app is restarted once the problem is fixed.
 */
export function startupProblemHtml(problem: StartupProblem): string {
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(problem.locale)}"><head><meta charset="utf-8">`,
    `<title>IOTPay POS — ${escapeHtml(problem.title)}</title></head><body><main>`,
    `<h1>${escapeHtml(problem.title)}</h1>`,
    `<p><strong>${escapeHtml(problem.summary)}</strong></p>`,
    `<p>${escapeHtml(problem.safe)}</p>`,
    `<h2>${escapeHtml(problem.technicalLabel)}</h2>`,
    `<p data-code="${escapeHtml(problem.code)}"><code>${escapeHtml(problem.detail)}</code></p>`,
    '</main></body></html>',
  ].join('');
}

export function recoveryPageHtml(role: WindowRole | undefined, training: boolean): string {
  const target = role === undefined ? undefined : `/${ROLE_PAGES[role]}`;
  const unattended = role === 'customer-display' || role === 'kiosk';
  const refresh = target && unattended ? `<meta http-equiv="refresh" content="${AUTO_RELOAD_SECONDS};url=${target}">` : '';
  const link = target ? `<p><a href="${target}">Reload this screen</a></p>` : '<p>Please restart the app.</p>';
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    refresh,
    '<title>IOTPay POS — screen restarting</title></head><body><main>',
    training ? '<p><strong>TRAINING</strong></p>' : '',
    '<h1>This screen stopped working</h1>',
    '<p>Sales and payments are safe: they are kept by the app, not by this screen.</p>',
    link,
    '</main></body></html>',
  ].join('');
}
