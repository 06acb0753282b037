// `npm run assets`: regenerates every file in assets/ from the two hand-written SVGs (icon.svg, tray.svg) and the
// tone list in asset-specs.ts. PNGs are rasterised by sharp (prebuilt libvips from npm), ICO and ICNS are packed by
// png2icons (pure JS), WAVs are written by wav.ts. Run it after editing a source and commit the results: the
// packaging machines (.github/workflows/desktop.yml) use the committed files and never run this.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as png2icons from 'png2icons';
import sharp from 'sharp';
import { ASSET_OUTPUTS, ICON_SOURCE, MASTER_SIZE, TRAY_SOURCE, variantSvg, type AssetOutput, type Variant } from './asset-specs.js';
import { toneWav } from './wav.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ASSETS = join(ROOT, 'assets');
/** The tray mark's ICO is scaled from a smaller master: it is drawn for 16–32 px, not for 1024. */
const TRAY_MASTER_SIZE = 256;

const sources = {
  icon: readFileSync(join(ASSETS, ICON_SOURCE), 'utf8'),
  tray: readFileSync(join(ASSETS, TRAY_SOURCE), 'utf8'),
};

/** Rasterises at twice the target density, then scales down: crisper small sizes than rendering at 16 px. */
async function rasterise(svg: string, size: number): Promise<Buffer> {
  const width = Number(/<svg[^>]*\swidth="(\d+)"/.exec(svg)?.[1]);
  if (!Number.isFinite(width) || width <= 0) throw new Error('the SVG needs a numeric width attribute');
  const density = Math.max(72, (72 * size * 2) / width);
  return sharp(Buffer.from(svg), { density }).resize(size, size, { kernel: 'lanczos3' }).png({ compressionLevel: 9, adaptiveFiltering: true }).toBuffer();
}

function masterSize(variant: Variant): number {
  return variant.startsWith('tray') ? TRAY_MASTER_SIZE : MASTER_SIZE;
}

async function render(output: AssetOutput): Promise<Buffer> {
  if (output.kind === 'wav') return toneWav(output.tones);
  const svg = variantSvg(output.variant, sources);
  switch (output.kind) {
    case 'svg':
      return Buffer.from(svg, 'utf8');
    case 'png':
      return rasterise(svg, output.size);
    case 'ico': {
      // forWinExe: BMP below 64 px (old Windows dialogs), PNG above; 16…256 px, as electron-builder and NSIS want.
      const ico = png2icons.createICO(await rasterise(svg, masterSize(output.variant)), png2icons.BICUBIC, 0, false, true);
      if (!ico) throw new Error(`png2icons could not make ${output.file}`);
      return ico;
    }
    case 'icns': {
      const icns = png2icons.createICNS(await rasterise(svg, masterSize(output.variant)), png2icons.BICUBIC, 0);
      if (!icns) throw new Error(`png2icons could not make ${output.file}`);
      return icns;
    }
  }
}

async function main(): Promise<void> {
  for (const output of ASSET_OUTPUTS) {
    png2icons.clearCache(); // its cache is keyed loosely; every ICO/ICNS must come from its own master
    const bytes = await render(output);
    const file = join(ASSETS, output.file);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    const detail = output.kind === 'png' ? `${output.size}x${output.size}` : output.kind;
    console.log(`${relative(ROOT, file).padEnd(34)} ${detail.padEnd(9)} ${(bytes.length / 1024).toFixed(1).padStart(7)} KiB`);
  }
}

main().catch((error: unknown) => {
  console.error(`assets failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
