import { describe, expect, it } from 'vitest';
import { WINDOW_ROLES } from '../../main/app/host-api.js';
import { resolveAppRequest } from '../../main/electron/app-paths.js';
import { isRecoveryUrl, recoveryPageHtml, recoveryUrl } from '../../main/electron/recovery-page.js';
import { navigationAllowed } from '../../main/electron/security.js';

describe('recovery page', () => {
  it('its URL round-trips to the role through the app:// resolver', () => {
    for (const role of WINDOW_ROLES) {
      expect(isRecoveryUrl(recoveryUrl(role))).toBe(true);
      expect(resolveAppRequest('/r', recoveryUrl(role))).toEqual({ kind: 'recovery', role });
    }
    expect(isRecoveryUrl('app://pos/recovery.htmlx')).toBe(false);
    expect(isRecoveryUrl('app://pos/cashier.html')).toBe(false);
  });

  it('offers a reload of the role’s own page, which the navigation guard allows', () => {
    const html = recoveryPageHtml('cashier', false);
    expect(html).toContain('<a href="/cashier.html">');
    expect(navigationAllowed(new URL('/cashier.html', 'app://pos/recovery.html?role=cashier').href, 'cashier')).toBe(true);
    expect(html).not.toContain('http-equiv="refresh"');
  });

  it('unattended screens reload themselves', () => {
    expect(recoveryPageHtml('customer-display', false)).toContain('content="10;url=/customer-display.html"');
    expect(recoveryPageHtml('kiosk', false)).toContain('content="10;url=/kiosk.html"');
  });

  it('has no script (the CSP forbids inline script) and shows TRAINING in training mode', () => {
    for (const role of [...WINDOW_ROLES, undefined]) {
      const html = recoveryPageHtml(role, true);
      expect(html).not.toMatch(/<script|\son\w+=|javascript:|<style/i);
      expect(html).toContain('TRAINING');
    }
    expect(recoveryPageHtml('cashier', false)).not.toContain('TRAINING');
  });

  it('without a known role it offers no link to guess', () => {
    expect(recoveryPageHtml(undefined, false)).not.toContain('<a ');
  });
});

describe('start-up problem page (a storage fault explained on the recovery screen)', () => {
  it('says what happened in the store language, that nothing changed, and the file, cause and next step', async () => {
    const { startupProblemOf } = await import('../../main/app/startup-problem.js');
    const { startupProblemHtml } = await import('../../main/electron/recovery-page.js');
    const { StorageReadOnlyError } = await import('../../main/shared/storage-faults.js');
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'recovery-'));
    try {
      writeFileSync(join(dir, 'settings.json'), JSON.stringify({ locale: 'fr-CA' }));
      const error = new StorageReadOnlyError('/media/<pos>/journal.sqlite', 'the medium is read-only (EROFS)', 'remount it read-write');
      const problem = startupProblemOf(error, dir)!;
      expect(problem).toMatchObject({ code: 'STORAGE_READ_ONLY', locale: 'fr-CA', title: 'La caisse ne peut pas démarrer' });
      const html = startupProblemHtml(problem);
      expect(html).toContain('lecture seule');
      expect(html).toContain('/media/&lt;pos&gt;/journal.sqlite: the medium is read-only (EROFS). Next step: remount it read-write');
      expect(html).not.toMatch(/<script|\son\w+=|javascript:|<style|<a /i);
      expect(startupProblemOf(new Error('a bug'), dir)).toBeUndefined();
      expect(startupProblemOf(error)?.locale).toBe('en-CA');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
