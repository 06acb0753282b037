// `npm run sandbox`: start the sandbox on loopback, print where it is and how to sign for it, stop on Ctrl-C.
import { consoleSink, createLogger } from '../shared/logger.js';
import { CliUsageError, USAGE, parseCliOptions } from './cli-options.js';
import { startSandbox } from './index.js';

async function main(): Promise<void> {
  let options;
  try {
    options = parseCliOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    console.error(`sandbox: ${error.message} (${USAGE})`);
    process.exit(2);
  }
  const sandbox = await startSandbox({ ...options, logger: createLogger('sandbox', consoleSink('info')) });
  console.log(`IOTPay sandbox
  gateway:  ${sandbox.gatewayUrl}   (v1 ${sandbox.gatewayUrl}/v1/, v3 ${sandbox.gatewayUrl}/v3/)
  control:  ${sandbox.controlUrl}
  mchId:    ${sandbox.mchId}
  key:      ${sandbox.key}
  seed:     ${sandbox.seed}${options.shapes ? `\n  shapes:   ${JSON.stringify(options.shapes)}` : ''}
Ctrl-C to stop.`);
  const stop = () => {
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`sandbox: close failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`sandbox: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
