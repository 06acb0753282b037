import { describe, expect, it } from 'vitest';
import { leavesApp } from '../../renderer/shared/navigation-guard.js';

const app = 'http://127.0.0.1:4100/cashier.html#token=abc';

describe('leavesApp', () => {
  it('stays for same-origin pages, fragments and relative links', () => {
    for (const href of ['manager.html', '/cashier.html', '#top', '?x=1', './kiosk.html', 'http://127.0.0.1:4100/kiosk.html']) {
      expect(leavesApp(href, app), href).toBe(false);
    }
    expect(leavesApp('app://pos/kiosk.html', 'app://pos/cashier.html')).toBe(true); // opaque app:// origins are refused too
  });

  it('refuses other origins and hostile schemes', () => {
    const hostile = [
      'https://example.com/', '//example.com/x', 'http://127.0.0.1:4101/', 'http://localhost:4100/', 'javascript:alert(1)',
      'JaVaScRiPt:alert(1)', 'data:text/html,<script>1</script>', 'file:///etc/passwd', 'blob:http://example.com/x',
      'http://127.0.0.1:4100@example.com/', 'https:example.com', '\\\\example.com', 'http://[::1]:4100/', 'ftp://127.0.0.1:4100/',
    ];
    for (const href of hostile) expect(leavesApp(href, app), href).toBe(true);
  });

  it('refuses what it cannot parse', () => {
    expect(leavesApp('http://[', app)).toBe(true);
    expect(leavesApp('x', 'not a url')).toBe(true);
  });
});
