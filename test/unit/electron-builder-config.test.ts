// electron-builder.yml checked as text (no YAML parser is a dependency): the lines that keep sources out of the
// package, native modules loadable, and the four installers built.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const text = readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8');

/** The list items under a top-level key (`key:` at column 0, items indented with `- `). */
function topLevelList(key: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line === `${key}:`);
  expect(start, `${key}: present at top level`).toBeGreaterThanOrEqual(0);
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const item = /^\s+-\s+(.+?)\s*$/.exec(line);
    if (item?.[1]) items.push(item[1].replace(/^"(.*)"$/, '$1'));
  }
  return items;
}

describe('electron-builder.yml', () => {
  it('has no tabs (YAML forbids them) and names the app', () => {
    expect(text).not.toContain('\t');
    expect(text).toMatch(/^appId: \S+$/m);
    expect(text).toMatch(/^productName: IOTPay POS$/m);
    expect(text).toMatch(/^ {2}main: dist\/main\/index\.js$/m);
  });

  it('files is an allow-list of dist/** and package.json; tests, benches and sources are out', () => {
    const files = topLevelList('files');
    const included = files.filter((f) => !f.startsWith('!'));
    expect(included.sort()).toEqual(['dist/**/*', 'package.json']);
    expect(files).toEqual(expect.arrayContaining(['!test/**/*', '!bench/**/*', '!**/*.ts']));
    for (const pattern of included) expect(pattern).not.toMatch(/^(test|bench|main|preload|renderer|src)\b|^\*\*/);
  });

  it('unpacks native modules from the asar', () => {
    const unpack = topLevelList('asarUnpack');
    expect(unpack).toContain('**/*.node');
    for (const mod of ['better-sqlite3', '@serialport/bindings-cpp', 'node-hid']) expect(unpack.some((u) => u.includes(mod)), mod).toBe(true);
  });

  it('rebuilds native modules and warns about the better-sqlite3 ABI trap', () => {
    expect(text).toMatch(/^npmRebuild: true$/m);
    expect(text).toMatch(/docs\/toolchain\.md §1/);
    expect(text).toMatch(/ABI/);
  });

  it('builds AppImage and deb for Linux, NSIS for Windows, dmg for macOS', () => {
    expect(text).toMatch(/^linux:\n {2}target:\n {4}- AppImage\n {4}- deb$/m);
    expect(text).toMatch(/^win:\n {2}target:\n {4}- nsis$/m);
    expect(text).toMatch(/^mac:\n {2}target:\n {4}- dmg$/m);
  });

  it('flips the hardening fuses', () => {
    expect(text).toMatch(/^ {2}runAsNode: false$/m);
    expect(text).toMatch(/^ {2}enableNodeOptionsEnvironmentVariable: false$/m);
    expect(text).toMatch(/^ {2}enableNodeCliInspectArguments: false$/m);
    expect(text).toMatch(/^ {2}onlyLoadAppFromAsar: true$/m);
  });
});
