// The Electron host's life cycle: before 'ready' (privileged scheme, sandbox, single instance), at 'ready'
// (compose the app, lock the session, serve app://, register IPC, open windows) and at quit (host.close()).
// main/index.ts only passes in the composition root and the contract's channel names.
import { app, Menu, session } from 'electron';
import type { ComposeOptions, HostApi } from '../app/host-api.js';
import { createLogger, type Logger } from '../shared/logger.js';
import { registerAppScheme, serveAppProtocol } from './app-protocol.js';
import { rendererDir } from './app-paths.js';
import { registerIpcHandlers } from './ipc-registration.js';
import { parseLaunchPlan, type LaunchPlan } from './launch-plan.js';
import { guardWebContents, lockDownSession } from './navigation-guards.js';
import { createMerchantSecretStore, createStoreSecretStore } from './secret-store.js';
import { electronWebPolicy } from './security.js';
import { RoleWindows } from './windows.js';
import { startupProblemOf } from '../app/startup-problem.js';
import { showStartupProblem } from './startup-window.js';
import { startUpdater } from './updater.js';

export interface ElectronHostOptions {
  compose(options: ComposeOptions): Promise<HostApi>;
  /** Every channel name of the contract. */
  channels: readonly string[];
  argv: readonly string[];
  /** Origins whose links may open in the OS browser; empty unless a shop needs one. */
  externalOrigins?: readonly string[];
  log?: Logger;
}

export function startElectronHost(options: ElectronHostOptions): void {
  const log = options.log ?? createLogger('electron');
  let plan: LaunchPlan;
  try {
    plan = parseLaunchPlan(options.argv);
  } catch (error) {
    log.error('bad command line', { error: String(error) });
    app.exit(2);
    return;
  }
  registerAppScheme();
  app.enableSandbox(); // every renderer sandboxed, including any we did not create ourselves
  if (!app.requestSingleInstanceLock()) {
    // A second POS on the same data folder would fight over the journal; the first instance takes focus instead.
    app.quit();
    return;
  }
  const windows = new RoleWindows();
  let host: HostApi | undefined;
  let shutdown: 'running' | 'closing' | 'closed' = 'running';
  let stopUpdater: (() => void) | undefined;
  const guardOptions = { roleOf: (id: number) => windows.roleOf(id), externalOrigins: options.externalOrigins ?? [], log: log.child('guard') };

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, guardOptions));
  app.on('second-instance', () => windows.focusFirst());
  app.on('window-all-closed', () => app.quit()); // on macOS too: a till has no dock-only state
  app.on('before-quit', (event) => {
    if (host === undefined || shutdown === 'closed') return;
    event.preventDefault();
    if (shutdown === 'closing') return;
    shutdown = 'closing';
    stopUpdater?.();
    const closing = host;
    closing
      .close()
      .catch((error: unknown) => log.error('host.close failed; the journal recovers on next start', { error: String(error) }))
      .finally(() => {
        shutdown = 'closed';
        app.quit();
      });
  });
  process.on('SIGTERM', () => app.quit());

  app
    .whenReady()
    .then(async () => {
      const production = app.isPackaged;
      if (production) Menu.setApplicationMenu(null); // the default menu carries Reload and DevTools accelerators
      const dataDir = app.getPath('userData');
      lockDownSession(session.defaultSession, log.child('session'));
      host = await options.compose({ dataDir, secretStore: createMerchantSecretStore(dataDir), storeSecrets: createStoreSecretStore(dataDir), gatewayOverrides: plan.gatewayOverrides });
      serveAppProtocol(session.defaultSession, {
        rootDir: rendererDir(app.getAppPath()),
        // The CSP admits the composed host's card origin (host.cardFormOrigin): a bad one stops the start-up here.
        contentSecurityPolicy: electronWebPolicy(host).contentSecurityPolicy,
        training: host.training,
        log: log.child('app-protocol'),
      });
      registerIpcHandlers({ host, channels: options.channels, roleOf: (id) => windows.roleOf(id), log: log.child('ipc') });
      const windowOptions = { host, appRoot: app.getAppPath(), production, isQuitting: () => shutdown !== 'running', log: log.child('windows') };
      for (const role of plan.roles) windows.open(role, windowOptions);
      // Off unless settings.json turns it on; never installs while a payment or refund is in flight (updater.ts).
      startUpdater({ dataDir, host, log: log.child('updater') })
        .then((stop) => (stopUpdater = stop))
        .catch((error: unknown) => log.warn('updater did not start', { error: String(error) }));
    })
    .catch((error: unknown) => {
      // Nothing was charged yet at this point (no window, no IPC); say why and leave with a failure code.
      log.error('start-up failed', { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
      // A fault a person can fix (storage, journal, settings) is shown on the recovery screen: file, cause, next step.
      const problem = host === undefined ? startupProblemOf(error, app.getPath('userData')) : undefined;
      if (problem) showStartupProblem(session.defaultSession, problem, log.child('recovery'));
      else app.exit(1);
    });
}
