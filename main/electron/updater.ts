// Auto-update through electron-updater's generic provider (the folder named by settings.json "updates.url"). Off
// by default, and only in an installed app. electron-updater is loaded only when updates are on, never installs
// on quit by itself, and installs only when the guard says nothing is in flight (updater-loop.ts,
// main/app/update-guard.ts). Only main/electron/ may import electron-updater (test/unit/update-guard.test.ts).
import { app } from 'electron';
import type { HostApi } from '../app/host-api.js';
import { updateFeed, type UpdateSettings } from '../app/update-guard.js';
import { loadSettings } from '../config/load-settings.js';
import type { Logger } from '../shared/logger.js';
import { startUpdateLoop } from './updater-loop.js';

export interface UpdaterOptions {
  dataDir: string;
  host: Pick<HostApi, 'inFlight'>;
  log: Logger;
}

/** Starts checking for updates when settings turn them on; returns a stop function (a no-op when they are off). */
export async function startUpdater(options: UpdaterOptions): Promise<() => void> {
  const { log } = options;
  let settings: UpdateSettings | undefined;
  try {
    settings = loadSettings(options.dataDir).updates;
  } catch (error) {
    log.warn('settings unreadable; updates stay off', { error: String(error) });
    return () => undefined;
  }
  const feed = updateFeed(settings, app.isPackaged);
  if (!feed.on) {
    log.info(feed.reason);
    return () => undefined;
  }
  // CommonJS package: its exports are the default export of the ES module namespace.
  const { autoUpdater } = (await import('electron-updater')).default;
  autoUpdater.logger = {
    info: (message?: unknown) => log.debug(String(message)),
    warn: (message?: unknown) => log.warn(String(message)),
    error: (message?: unknown) => log.error(String(message)),
  };
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = false; // a quit mid-payment must not become an install: only the guard installs
  autoUpdater.allowDowngrade = false;
  autoUpdater.allowPrerelease = false;
  autoUpdater.setFeedURL({ provider: 'generic', url: feed.url });
  const loop = startUpdateLoop({
    updater: {
      checkForUpdates: () => autoUpdater.checkForUpdates(),
      // Silent installer, and start the app again afterwards: a till must come back by itself.
      quitAndInstall: () => autoUpdater.quitAndInstall(true, true),
    },
    inFlight: () => options.host.inFlight?.(),
    log,
  });
  autoUpdater.on('update-downloaded', (info) => loop.downloaded(info.version));
  autoUpdater.on('error', (error) => log.warn('update failed', { error: error.message }));
  log.info('updates on', { feed: feed.url, current: app.getVersion() });
  return () => loop.stop();
}
