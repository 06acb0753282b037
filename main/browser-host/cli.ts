// `npm run start:browser`: compose the app, serve it on loopback, and print one URL per role on stdout (and
// nothing else there, so a kiosk launcher can read them); logs go to stderr. Bad flags exit 2.
import { fileURLToPath } from 'node:url';
import { composeApp } from '../app/compose.js';
import { WINDOW_ROLES, type HostApi } from '../app/host-api.js';
import { createLogger, type LogSink } from '../shared/logger.js';
import { startBrowserHost, type BrowserHost } from './browser-host.js';
import { parseBrowserHostArgs, USAGE, type BrowserHostCliOptions } from './cli-options.js';

const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

const stderrSink: LogSink = (level, prefix, message, fields) => {
  if (level === 'debug') return;
  process.stderr.write(`[${prefix}] ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}\n`);
};

function parseOrExit(): BrowserHostCliOptions {
  try {
    const options = parseBrowserHostArgs(process.argv.slice(2));
    if (options.help) {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    return options;
  } catch (error) {
    process.stderr.write(`start:browser: ${error instanceof Error ? error.message : String(error)} (--help for usage)\n`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const options = parseOrExit();
  const log = createLogger('browser-host', stderrSink);
  // compose logs too: to stderr, so stdout carries only the role URLs.
  const host: HostApi = await composeApp({ dataDir: options.dataDir, gatewayOverrides: options.gatewayOverrides, logger: createLogger('pos', stderrSink) });
  let server: BrowserHost;
  try {
    server = await startBrowserHost({ host, rendererDir: RENDERER_DIR, port: options.port, logger: log });
  } catch (error) {
    await host.close();
    throw error;
  }
  for (const role of WINDOW_ROLES) process.stdout.write(`${role}: ${server.urls[role]}\n`);
  if (host.training) {
    // One line, so a launcher can still count on four URLs plus this; the control URL lets a trainer play the customer.
    const control = host.trainingControlUrl === undefined ? '' : `; play the customer at ${host.trainingControlUrl}`;
    process.stdout.write(`TRAINING MODE: payments go to the built-in IOTPay sandbox, no money moves${control}\n`);
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      process.exit(1); // a second Ctrl+C means "now"; the journal recovers unfinished attempts at next start
    }
    stopping = true;
    log.info('stopping', { signal });
    server
      .close()
      .then(() => host.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          log.error('shutdown failed; the journal recovers on next start', { error: String(error) });
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`start:browser: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
  process.exit(1);
});
