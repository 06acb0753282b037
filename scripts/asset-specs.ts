// What `npm run assets` (scripts/make-assets.ts) writes into assets/, and how: one list, read by the generator and
// by the unit test that checks the committed files (test/unit/electron-assets.test.ts). Pure: no sharp, no files.
import type { Tone } from './wav.js';

/** Sources, hand-written: the app icon and the tray/taskbar mark. Everything else in assets/ is generated. */
export const ICON_SOURCE = 'icon.svg';
export const TRAY_SOURCE = 'tray.svg';

/** electron-builder's Linux icon set (`linux.icon: icons`): files named NxN.png. */
export const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;
/** What png2icons puts in an ICO (forWinExe: BMP below 64 px, PNG from 64 px). electron-builder needs 256. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 72, 96, 128, 256] as const;
/** The macOS icon and the master raster the ICO and ICNS are scaled from. */
export const MASTER_SIZE = 1024;

const TEAL = '#0B5F73';
const WHITE = '#FFFFFF';
const TRAINING_YELLOW = '#FFD400';
const INK = '#1A1A1A';

export type Variant = 'app' | 'training' | 'tray' | 'tray-training' | 'tray-template';

export type AssetOutput =
  | { kind: 'png'; file: string; variant: Variant; size: number }
  | { kind: 'ico'; file: string; variant: Variant }
  | { kind: 'icns'; file: string; variant: Variant }
  | { kind: 'svg'; file: string; variant: Variant }
  | { kind: 'wav'; file: string; tones: readonly Tone[] };

/**
 * The sounds the app plays. Short and distinct: one high beep for a code accepted, a falling pair of low tones
 * for a code refused, a rising three-note chime when a payment is done.
 */
export const SOUNDS: Readonly<Record<'scan-accepted' | 'scan-refused' | 'payment-done', readonly Tone[]>> = {
  'scan-accepted': [{ hz: 1760, ms: 70 }],
  'scan-refused': [{ hz: 330, ms: 150 }, { hz: 0, ms: 60 }, { hz: 247, ms: 220 }],
  'payment-done': [{ hz: 1047, ms: 110 }, { hz: 1319, ms: 110 }, { hz: 1568, ms: 240, gain: 0.45 }],
};

export const ASSET_OUTPUTS: readonly AssetOutput[] = [
  ...LINUX_ICON_SIZES.map((size): AssetOutput => ({ kind: 'png', file: `icons/${size}x${size}.png`, variant: 'app', size })),
  { kind: 'png', file: 'icon.png', variant: 'app', size: MASTER_SIZE },
  { kind: 'ico', file: 'icon.ico', variant: 'app' },
  { kind: 'icns', file: 'icon.icns', variant: 'app' },
  // Training mode: the same icon with a yellow TRAINING stripe, for the window and taskbar of a training till.
  { kind: 'svg', file: 'icon-training.svg', variant: 'training' },
  { kind: 'png', file: 'icon-training.png', variant: 'training', size: 512 },
  { kind: 'ico', file: 'icon-training.ico', variant: 'training' },
  // Tray: 16 px and @2x for Linux and Windows, an ICO for the Windows tray, a black template image for macOS.
  { kind: 'png', file: 'tray.png', variant: 'tray', size: 16 },
  { kind: 'png', file: 'tray@2x.png', variant: 'tray', size: 32 },
  { kind: 'ico', file: 'tray.ico', variant: 'tray' },
  { kind: 'png', file: 'tray-training.png', variant: 'tray-training', size: 16 },
  { kind: 'png', file: 'tray-training@2x.png', variant: 'tray-training', size: 32 },
  { kind: 'ico', file: 'tray-training.ico', variant: 'tray-training' },
  { kind: 'png', file: 'trayTemplate.png', variant: 'tray-template', size: 16 },
  { kind: 'png', file: 'trayTemplate@2x.png', variant: 'tray-template', size: 32 },
  ...Object.entries(SOUNDS).map(([name, tones]): AssetOutput => ({ kind: 'wav', file: `sounds/${name}.wav`, tones })),
];

/** Simple stroked capitals in a 40×56 box, so the stripe reads TRAINING without depending on installed fonts. */
const GLYPHS: Readonly<Record<string, string>> = {
  T: 'M0 0H40M20 0V56',
  R: 'M0 56V0H26C35 0 40 6 40 14S35 28 26 28H0M24 28L40 56',
  A: 'M0 56L20 0L40 56M7 38H33',
  I: 'M8 0H32M20 0V56M8 56H32',
  N: 'M0 56V0L40 56V0',
  G: 'M38 10C34 3 28 0 20 0C8 0 0 12 0 28S8 56 20 56C32 56 40 47 40 34V30H22',
};

function stripeText(word: string, x: number, y: number): string {
  const letters = [...word].map((letter, i) => `<path transform="translate(${i * 52} 0)" d="${GLYPHS[letter] ?? ''}"/>`).join('');
  return `<g transform="translate(${x} ${y})" fill="none" stroke="${INK}" stroke-width="10" stroke-linejoin="round">${letters}</g>`;
}

/** The app icon with a yellow TRAINING stripe across its lower part, clipped to the icon's rounded tile. */
export function withTrainingStripe(iconSvg: string): string {
  if (!iconSvg.includes('id="tile"')) throw new Error(`${ICON_SOURCE} must define the clipPath "tile"`);
  const stripe = [
    '  <g clip-path="url(#tile)">',
    `<rect x="0" y="376" width="512" height="136" fill="${TRAINING_YELLOW}"/>`,
    `<path d="M0 379H512" stroke="${INK}" stroke-width="6"/>`,
    '</g>',
    `  ${stripeText('TRAINING', 54, 410)}`,
  ].join('');
  return iconSvg.replace(/<\/svg>\s*$/, `${stripe}\n</svg>\n`);
}

/** The tray mark in other colours: yellow and ink for training, black on transparent for the macOS template. */
export function recolourTray(traySvg: string, variant: 'tray' | 'tray-training' | 'tray-template'): string {
  if (!traySvg.includes(`fill="${TEAL}"`) || !traySvg.includes(`fill="${WHITE}"`)) throw new Error(`${TRAY_SOURCE} must use ${TEAL} and ${WHITE}`);
  if (variant === 'tray') return traySvg;
  const [background, mark] = variant === 'tray-training' ? [TRAINING_YELLOW, INK] : ['none', '#000000'];
  return traySvg.replaceAll(`fill="${TEAL}"`, `fill="${background}"`).replaceAll(`fill="${WHITE}"`, `fill="${mark}"`);
}

/** The SVG each variant is drawn from, given the two sources. */
export function variantSvg(variant: Variant, sources: { icon: string; tray: string }): string {
  switch (variant) {
    case 'app':
      return sources.icon;
    case 'training':
      return withTrainingStripe(sources.icon);
    case 'tray':
    case 'tray-training':
    case 'tray-template':
      return recolourTray(sources.tray, variant);
  }
}
