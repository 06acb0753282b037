import { posix, win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStaticRequest } from '../../main/browser-host/static-files.js';

const ROOT = '/srv/pos/dist/renderer';
const resolve = (target: string) => resolveStaticRequest(ROOT, target, posix);

describe('browser host: static path resolution', () => {
  it('serves role pages and assets inside the renderer folder with their type', () => {
    expect(resolve('/cashier.html')).toEqual({ kind: 'file', filePath: `${ROOT}/cashier.html`, contentType: 'text/html; charset=utf-8' });
    expect(resolve('/assets/index-AbC123.js?v=1')).toMatchObject({ kind: 'file', filePath: `${ROOT}/assets/index-AbC123.js`, contentType: 'text/javascript; charset=utf-8' });
    expect(resolve('/assets/app.css#x')).toMatchObject({ kind: 'file', contentType: 'text/css; charset=utf-8' });
    expect(resolve('/assets/My%20Font.woff2')).toMatchObject({ kind: 'file', filePath: `${ROOT}/assets/My Font.woff2` });
  });

  it.each([
    ['/../../etc/passwd', 403],
    ['/assets/../../secret.html', 403],
    ['/%2e%2e/%2e%2e/etc/passwd.html', 403],
    ['/%2E%2E%2Fetc%2Fpasswd.html', 403],
    ['/assets/%2e%2e%2f%2e%2e%2fsettings.json', 403],
    ['/..%5c..%5cwindows.html', 400],
    ['/assets\\..\\..\\x.html', 400],
    ['/C:/Windows/win.ini', 400],
    ['/x.html%00.png', 400],
    ['/%00', 400],
    ['/%zz.html', 400],
    ['//etc/passwd.html', 403],
    ['/.env', 403],
    ['/assets/.git/config.json', 403],
    ['/./cashier.html', 403],
    ['/', 403],
    ['/cashier.html/', 403],
    ['http://evil.example/cashier.html', 400],
    ['*', 400],
    ['cashier.html', 400],
    [`/${'a/'.repeat(600)}x.html`, 400],
  ])('refuses %s', (target, status) => {
    expect(resolve(target)).toMatchObject({ kind: 'refused', status });
  });

  it('refuses an absolute path even if decoding produced one', () => {
    expect(resolve('/%2Fetc%2Fpasswd.html')).toMatchObject({ kind: 'refused', status: 403 });
  });

  it('serves no source maps, scripts of other kinds or unknown types', () => {
    for (const target of ['/assets/index.js.map', '/main.ts', '/server.sh', '/journal.sqlite', '/noextension']) {
      expect(resolve(target)).toMatchObject({ kind: 'refused', status: 404 });
    }
  });

  it('keeps Windows drive letters and separators out with the win32 path API too', () => {
    const root = 'C:\\pos\\dist\\renderer';
    expect(resolveStaticRequest(root, '/cashier.html', win32)).toMatchObject({ kind: 'file', filePath: 'C:\\pos\\dist\\renderer\\cashier.html' });
    expect(resolveStaticRequest(root, '/D:/x.html', win32)).toMatchObject({ kind: 'refused' });
    expect(resolveStaticRequest(root, '/..%5Cx.html', win32)).toMatchObject({ kind: 'refused' });
  });
});
