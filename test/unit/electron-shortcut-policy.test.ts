import { describe, expect, it } from 'vitest';
import { shortcutBlocked, shortcutModeFor, type KeyInput } from '../../main/electron/shortcut-policy.js';

function key(key: string, mods: Partial<Omit<KeyInput, 'key' | 'code'>> & { code?: string } = {}): KeyInput {
  const code = mods.code ?? (/^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : key);
  return { key, code, control: false, meta: false, alt: false, shift: false, ...mods };
}

const reloadAndDevTools = [
  key('r', { control: true }),
  key('R', { control: true, shift: true }),
  key('r', { meta: true }),
  key('F5'),
  key('F5', { control: true }),
  key('F12'),
  key('I', { control: true, shift: true }),
  key('J', { control: true, shift: true }),
  key('C', { control: true, shift: true }),
  key('i', { meta: true, alt: true }),
  // AZERTY-style mismatch: the letter differs but the physical key is R.
  key('ŗ', { control: true, code: 'KeyR' }),
];

const leavingTheKiosk = [
  key('F11'),
  key('F4', { alt: true }),
  key('w', { control: true }),
  key('q', { control: true }),
  key('q', { meta: true }),
  key('p', { control: true }),
  key('+', { control: true, code: 'Equal' }),
  key('-', { control: true, code: 'Minus' }),
  key('0', { control: true, code: 'Digit0' }),
  key('ArrowLeft', { alt: true }),
  key('BrowserBack'),
];

const ordinaryTyping = [key('a'), key('7', { code: 'Digit7' }), key('Enter'), key('Backspace'), key('A', { shift: true }), key('c', { control: true }), key('v', { control: true }), key('Tab'), key('Escape')];

describe('shortcut policy', () => {
  it('modes: kiosk always locked hardest; others locked in production, free in development', () => {
    expect(shortcutModeFor('kiosk', false)).toBe('kiosk');
    expect(shortcutModeFor('kiosk', true)).toBe('kiosk');
    expect(shortcutModeFor('cashier', true)).toBe('locked');
    expect(shortcutModeFor('customer-display', true)).toBe('locked');
    expect(shortcutModeFor('manager', false)).toBe('development');
  });

  it('development blocks nothing', () => {
    for (const input of [...reloadAndDevTools, ...leavingTheKiosk]) expect(shortcutBlocked(input, 'development')).toBe(false);
  });

  it('production windows block reload and DevTools but not kiosk-only keys', () => {
    for (const input of reloadAndDevTools) expect(shortcutBlocked(input, 'locked'), JSON.stringify(input)).toBe(true);
    expect(shortcutBlocked(key('F11'), 'locked')).toBe(false);
    expect(shortcutBlocked(key('p', { control: true }), 'locked')).toBe(false);
  });

  it('the kiosk also blocks full screen, close, quit, zoom, print and history keys', () => {
    for (const input of [...reloadAndDevTools, ...leavingTheKiosk]) expect(shortcutBlocked(input, 'kiosk'), JSON.stringify(input)).toBe(true);
  });

  it('ordinary typing and keyboard-wedge scans pass in every mode', () => {
    for (const mode of ['development', 'locked', 'kiosk'] as const) {
      for (const input of ordinaryTyping) expect(shortcutBlocked(input, mode), `${mode} ${JSON.stringify(input)}`).toBe(false);
    }
  });
});
