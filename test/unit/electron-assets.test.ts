// assets/ and electron-builder.yml, checked where Electron cannot run: every file `npm run assets` writes exists with
// the size its target needs (Linux PNG set 16…512, ICO 16…256, ICNS 16…1024, tray 16 and 32), the sounds are
// exactly what scripts/wav.ts makes, and electron-builder's own code accepts the configuration (its JSON schema)
// and the icons (its icon resolver, which refuses an ICO without 256 px). Packaging itself needs the Electron
// binary: .github/workflows/desktop.yml.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ASSET_OUTPUTS, ICO_SIZES, ICON_SOURCE, LINUX_ICON_SIZES, MASTER_SIZE, SOUNDS, TRAY_SOURCE, variantSvg } from '../../scripts/asset-specs.js';
import { readWavInfo, toneWav } from '../../scripts/wav.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ASSETS = join(ROOT, 'assets');
const asset = (file: string): Buffer => readFileSync(join(ASSETS, file));
const PNG_SIGNATURE = '89504e470d0a1a0a';

function pngInfo(png: Buffer): { width: number; height: number; colourType: number } {
  expect(png.subarray(0, 8).toString('hex'), 'PNG signature').toBe(PNG_SIGNATURE);
  expect(png.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colourType: png[25] ?? -1 };
}

interface IcoEntry { size: number; format: 'png' | 'bmp'; data: Buffer }

function icoEntries(ico: Buffer): IcoEntry[] {
  expect([ico.readUInt16LE(0), ico.readUInt16LE(2)], 'ICO header: reserved 0, type 1 (icon)').toEqual([0, 1]);
  return Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
    const entry = 6 + i * 16;
    const bytes = ico.readUInt32LE(entry + 8);
    const offset = ico.readUInt32LE(entry + 12);
    expect(offset + bytes, 'entry inside the file').toBeLessThanOrEqual(ico.length);
    const data = ico.subarray(offset, offset + bytes);
    const width = ico[entry] || 256;
    expect(ico[entry + 1] || 256, 'square').toBe(width);
    return { size: width, format: data.subarray(0, 8).toString('hex') === PNG_SIGNATURE ? 'png' : 'bmp', data };
  });
}

function icnsEntries(icns: Buffer): Map<string, Buffer> {
  expect(icns.toString('ascii', 0, 4)).toBe('icns');
  expect(icns.readUInt32BE(4), 'length in the header').toBe(icns.length);
  const entries = new Map<string, Buffer>();
  for (let offset = 8; offset < icns.length; ) {
    const length = icns.readUInt32BE(offset + 4);
    expect(length).toBeGreaterThan(8);
    entries.set(icns.toString('ascii', offset, offset + 4), icns.subarray(offset + 8, offset + length));
    offset += length;
  }
  return entries;
}

describe('assets/', () => {
  it('has the two hand-written sources and every generated file the spec lists (and no strays)', () => {
    for (const source of [ICON_SOURCE, TRAY_SOURCE]) expect(asset(source).toString('utf8')).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+"/);
    const listed = new Set([ICON_SOURCE, TRAY_SOURCE, ...ASSET_OUTPUTS.map((o) => o.file)]);
    const onDisk = readdirSync(ASSETS, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name).slice(ASSETS.length + 1).split('\\').join('/'));
    expect(onDisk.sort()).toEqual([...listed].sort());
  });

  it.each(ASSET_OUTPUTS.flatMap((o) => (o.kind === 'png' ? [[o.file, o.size] as const] : [])))('%s is a %i px square RGBA PNG', (file, size) => {
    expect(pngInfo(asset(file))).toEqual({ width: size, height: size, colourType: 6 });
  });

  it('Linux icon set 16…512 and a 1024 px master', () => {
    expect(LINUX_ICON_SIZES).toEqual(expect.arrayContaining([16, 32, 48, 64, 128, 256, 512]));
    for (const size of LINUX_ICON_SIZES) expect(pngInfo(asset(`icons/${size}x${size}.png`)).width).toBe(size);
    expect(pngInfo(asset('icon.png')).width).toBe(MASTER_SIZE);
  });

  it.each(['icon.ico', 'icon-training.ico', 'tray.ico', 'tray-training.ico'])('%s holds 16…256 px, 256 as a real 256 px PNG', (file) => {
    const entries = icoEntries(asset(file));
    expect(entries.map((e) => e.size).sort((a, b) => a - b)).toEqual([...ICO_SIZES]);
    for (const e of entries.filter((x) => x.format === 'png')) expect(pngInfo(e.data).width, `${file} ${e.size}`).toBe(e.size);
    expect(entries.find((e) => e.size === 256)?.format).toBe('png');
    // Windows dialogs before 10 want bitmaps for the small sizes.
    expect(entries.filter((e) => e.size < 64).every((e) => e.format === 'bmp')).toBe(true);
  });

  it('icon.icns holds 16…1024 px (PNG entries ic07…ic14, RGB+mask is32/il32)', () => {
    const entries = icnsEntries(asset('icon.icns'));
    const pngSizes: Record<string, number> = { ic07: 128, ic08: 256, ic09: 512, ic10: 1024, ic11: 32, ic12: 64, ic13: 256, ic14: 512 };
    for (const [type, size] of Object.entries(pngSizes)) {
      const data = entries.get(type);
      expect(data, type).toBeDefined();
      expect(pngInfo(data!).width, type).toBe(size);
    }
    for (const type of ['is32', 's8mk', 'il32', 'l8mk']) expect(entries.has(type), type).toBe(true);
  });

  it('icon-training.svg is the app icon plus the TRAINING stripe, as the script makes it', () => {
    const sources = { icon: asset(ICON_SOURCE).toString('utf8'), tray: asset(TRAY_SOURCE).toString('utf8') };
    const training = variantSvg('training', sources);
    expect(asset('icon-training.svg').toString('utf8')).toBe(training);
    expect(training.startsWith(sources.icon.replace(/<\/svg>\s*$/, ''))).toBe(true);
    expect(training).toContain('#FFD400');
    // The template image for macOS is black on transparent; the training tray is yellow.
    expect(variantSvg('tray-template', sources)).not.toMatch(/#0B5F73|#FFFFFF/);
    expect(variantSvg('tray-training', sources)).toContain('#FFD400');
  });

  it.each(Object.entries(SOUNDS))('sounds/%s.wav is short 16-bit mono PCM, byte for byte what scripts/wav.ts makes', (name, tones) => {
    const wav = asset(`sounds/${name}.wav`);
    expect(wav.equals(toneWav(tones)), 'regenerate with npm run assets').toBe(true);
    const info = readWavInfo(wav);
    expect(info).toMatchObject({ format: 1, channels: 1, bitsPerSample: 16 });
    expect(info.durationMs).toBeGreaterThan(50);
    expect(info.durationMs).toBeLessThan(1000);
    expect(info.peak).toBeGreaterThan(8000); // audible
    expect(info.peak).toBeLessThan(32_767); // no clipping
  });

  it('toneWav: fades, pauses and durations', () => {
    const wav = toneWav([{ hz: 1000, ms: 100 }, { hz: 0, ms: 50 }], 8000);
    const info = readWavInfo(wav);
    expect(info).toMatchObject({ sampleRate: 8000, dataBytes: (800 + 400) * 2 });
    expect(info.durationMs).toBeCloseTo(150, 5);
    expect(wav.readInt16LE(44)).toBe(0); // starts silent: no click
    for (let s = 800; s < 1200; s += 1) expect(wav.readInt16LE(44 + s * 2)).toBe(0);
    expect(() => readWavInfo(Buffer.from('RIFF1234WAVEjunk'))).toThrow();
  });
});

// electron-builder's own modules, resolved from the electron-builder we pin (app-builder-lib is its exact dependency).
const builderRequire = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));
type BuilderConfig = Record<string, unknown> & {
  directories?: { buildResources?: string };
  extraResources?: Array<{ from: string; to: string; filter: string[] }>;
  publish?: Array<{ provider: string; url: string }>;
};
const configModule = builderRequire('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: unknown): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
};
const iconModule = builderRequire('app-builder-lib/out/util/iconConverter.js') as {
  convertIcon(options: { sources: string[]; fallbackSources: string[]; roots: string[]; format: 'set' | 'ico' | 'icns'; outDir: string }): Promise<{ icons: Array<{ file: string; size: number }>; isFallback: boolean }>;
};
const quietLogger = { isEnabled: false, add: () => undefined };

describe('electron-builder.yml, read and checked by electron-builder itself', () => {
  const text = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
  const config = parseYaml(text) as BuilderConfig & Record<string, { icon?: string; target?: string[] } | undefined>;

  it('passes electron-builder 26 schema validation, and a wrong key does not', async () => {
    const loaded = await configModule.getConfig(ROOT, null, null);
    expect(loaded).toMatchObject({ appId: config.appId, directories: { buildResources: 'assets' } });
    await expect(configModule.validateConfiguration(loaded, quietLogger)).resolves.toBeUndefined();
    await expect(configModule.validateConfiguration({ ...loaded, linux: { ...(loaded.linux as object), iconz: 'x' } }, quietLogger)).rejects.toThrow(/configuration\.linux/);
  });

  it('points each platform at an icon in assets/ that electron-builder accepts', async () => {
    expect(config.directories?.buildResources).toBe('assets');
    expect(config.linux?.icon).toBe('icons');
    expect(config.win?.icon).toBe('icon.ico');
    expect(config.mac?.icon).toBe('icon.icns');
    const roots = [ASSETS, ROOT];
    const outDir = join(ROOT, 'out', '.icon-test-never-written');
    const set = await iconModule.convertIcon({ sources: ['icons'], fallbackSources: [], roots, format: 'set', outDir });
    expect(set.isFallback).toBe(false);
    expect(set.icons.map((i) => i.size)).toEqual([...LINUX_ICON_SIZES]);
    const ico = await iconModule.convertIcon({ sources: ['icon.ico'], fallbackSources: [], roots, format: 'ico', outDir });
    expect(ico.icons).toEqual([{ file: join(ASSETS, 'icon.ico'), size: 256 }]);
    const icns = await iconModule.convertIcon({ sources: ['icon.icns'], fallbackSources: [], roots, format: 'icns', outDir });
    expect(icns.icons[0]?.file).toBe(join(ASSETS, 'icon.icns'));
    expect(existsSync(outDir), 'nothing was converted: the files were taken as they are').toBe(false);
  });

  it('the installers: AppImage and deb, NSIS, dmg (plus the zip electron-updater needs on macOS)', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg', 'zip']);
  });

  it('ships the tray icons, the training icon and the sounds as extraResources, every filter matching a file', () => {
    const [extra] = config.extraResources ?? [];
    expect(extra).toMatchObject({ from: 'assets', to: 'assets' });
    const files = ASSET_OUTPUTS.map((o) => o.file);
    const glob = (pattern: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
    for (const pattern of extra!.filter) expect(files.some((f) => glob(pattern).test(f)), pattern).toBe(true);
    for (const needed of ['tray.png', 'tray@2x.png', 'tray-training.png', 'trayTemplate.png', 'tray.ico', 'icon-training.png', ...Object.keys(SOUNDS).map((s) => `sounds/${s}.wav`)]) {
      expect(extra!.filter.some((p) => glob(p).test(needed)), needed).toBe(true);
    }
  });

  it('publishes update metadata for the generic provider, at a placeholder that never resolves', () => {
    expect(config.publish).toEqual([{ provider: 'generic', url: expect.stringMatching(/^https:\/\/[a-z.-]+\.invalid\//) }]);
  });
});
