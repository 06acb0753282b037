// `npm run test:electron` (test/electron/run.ts): the desktop smoke test in the real Electron binary. Its own
// include, so `npm test` (vitest.config.ts: test/**/*.test.ts) never picks it up, and one Electron app at a time.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/electron/**/*.electron.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
