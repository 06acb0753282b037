// When a renderer dies, its window shows the built-in recovery page instead of a blank screen. Sales and
// payments are unaffected: the journal and every payment timer live in main.
import type { BrowserWindow } from 'electron';
import type { WindowRole } from '../app/host-api.js';
import type { Logger } from '../shared/logger.js';
import { isRecoveryUrl, recoveryUrl } from './recovery-page.js';

export function recoverFromCrashes(window: BrowserWindow, role: WindowRole, log: Logger): void {
  const contents = window.webContents;
  contents.on('render-process-gone', (_event, details) => {
    log.error('renderer gone', { role, reason: details.reason, exitCode: details.exitCode });
    if (window.isDestroyed() || details.reason === 'clean-exit') return;
    // If the recovery page itself crashed, reloading it would only loop; leave the window as it is.
    if (isRecoveryUrl(contents.getURL())) return;
    window.loadURL(recoveryUrl(role)).catch((error: unknown) => log.error('recovery page failed to load', { role, error: String(error) }));
  });
  contents.on('unresponsive', () => log.warn('renderer unresponsive', { role }));
}
