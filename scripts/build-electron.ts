// Bundles the Electron entry and one preload per window role with esbuild (run after `vite build`):
//   main/index.ts    → dist/main/index.js          ESM. package.json says "type": "module", so Electron (which
//                      loads an ESM main since v28) treats any .js here as ESM; a CJS bundle would need .cjs
//                      and a second copy of the "main" path in electron-builder.yml.
//   preload/index.ts → dist/preload/<role>.cjs     CJS. A sandboxed preload is not an ES module and can only
//                      require('electron') (plus a few shims), so everything else is inlined.
// Native modules and Electron stay external: they are loaded from node_modules (unpacked from the asar).
import { mkdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { WINDOW_ROLES } from '../main/app/host-api.js';
import { preloadDefines } from '../preload/build-defines.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const at = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));
/** `--out-dir DIR` (tests build into a temp folder); the default is the dist/ that Electron and electron-builder use. */
const { values: flags } = parseArgs({ options: { 'out-dir': { type: 'string' } }, strict: true });
const OUT = resolve(ROOT, flags['out-dir'] ?? 'dist');
const out = (path: string): string => join(OUT, path);

/**
 * Electron itself, the native addons (compiled per Electron ABI), ws's optional native speed-ups, and electron-updater
 * (loaded only when updates are on, from the packaged node_modules, where electron-builder expects it).
 */
const MAIN_EXTERNALS = ['electron', 'electron-updater', 'better-sqlite3', 'serialport', '@serialport/*', 'node-hid', 'bufferutil', 'utf-8-validate'];

/** Bundled CJS dependencies call require(); an ESM bundle has none unless we make one. */
const ESM_REQUIRE_SHIM = "import { createRequire as __posCreateRequire } from 'node:module'; const require = __posCreateRequire(import.meta.url);";

function sizes(metafile: Metafile): string[] {
  return Object.entries(metafile.outputs)
    .filter(([file]) => !file.endsWith('.map'))
    .map(([file, output]) => `${relative(ROOT, resolve(ROOT, file)).padEnd(32)} ${(output.bytes / 1024).toFixed(1).padStart(8)} KiB`);
}

async function buildMain(): Promise<string[]> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [at('main/index.ts')],
    outfile: out('main/index.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    // Electron 45 embeds Node 22 or later; node22 keeps the output valid there.
    target: 'node22',
    external: MAIN_EXTERNALS,
    banner: { js: ESM_REQUIRE_SHIM },
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  return sizes(result.metafile);
}

async function buildPreloads(): Promise<string[]> {
  const lines: string[] = [];
  for (const role of WINDOW_ROLES) {
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: [at('preload/index.ts')],
      outfile: out(`preload/${role}.cjs`),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'es2022',
      external: ['electron'],
      // The role is fixed at build time: nothing in the page can change which allow-list its preload uses.
      define: preloadDefines(role),
      minify: true,
      sourcemap: 'linked',
      metafile: true,
      logLevel: 'warning',
    });
    lines.push(...sizes(result.metafile));
  }
  return lines;
}

async function main(): Promise<void> {
  rmSync(out('main'), { recursive: true, force: true });
  rmSync(out('preload'), { recursive: true, force: true });
  mkdirSync(out('preload'), { recursive: true });
  const lines = [...(await buildMain()), ...(await buildPreloads())];
  for (const line of lines) console.log(line);
}

main().catch((error: unknown) => {
  console.error(`build:electron failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
