import nodePath from 'node:path';
import { describe, expect, it } from 'vitest';
import { preloadPathFor, rendererDir, resolveAppRequest, type AppRequest } from '../../main/electron/app-paths.js';

const root = '/opt/pos/resources/app.asar/dist/renderer';

function filePath(result: AppRequest): string | undefined {
  return result.kind === 'file' ? result.filePath : undefined;
}

describe('resolveAppRequest', () => {
  it('serves renderer files with their type', () => {
    expect(resolveAppRequest(root, 'app://pos/cashier.html')).toEqual({ kind: 'file', filePath: `${root}/cashier.html`, contentType: 'text/html; charset=utf-8' });
    expect(resolveAppRequest(root, 'app://pos/assets/index-A1b2.js?v=1#x')).toMatchObject({ filePath: `${root}/assets/index-A1b2.js`, contentType: 'text/javascript; charset=utf-8' });
    expect(resolveAppRequest(root, 'app://pos/assets/my%20font.woff2')).toMatchObject({ filePath: `${root}/assets/my font.woff2` });
  });

  it.each([
    'app://pos/../../../etc/passwd',
    'app://pos/assets/../../../../etc/passwd',
    'app://pos/%2e%2e/%2e%2e/etc/passwd',
    'app://pos/%2E%2E/%2E%2E/etc/passwd',
    'app://pos/.%2e/.%2e/etc/passwd',
    'app://pos/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://pos/assets%2f..%2f..%2f..%2fsecret.json',
    'app://pos/%252e%252e/%252e%252e/etc/passwd.html',
    'app://pos//etc/passwd',
    'app://pos/%2fetc%2fpasswd',
    'app://pos/C:/Windows/win.ini',
    'app://pos/C%3A%5CWindows%5Cwin.ini',
    'app://pos/..%5c..%5csecret.json',
    'app://pos/cashier.html%00.png',
    'app://pos/%00',
    'app://pos/.env',
    'app://pos/assets/.hidden.js',
    'app://pos/%E0%A4%A',
    'app://pos/',
    'app://pos/assets/',
    'app://pos/app.js.map',
    'app://pos/package.json.bak',
    'app://evil/cashier.html',
    'app://pos@evil/cashier.html',
    'file:///etc/passwd',
    'javascript:alert(1)',
    '',
  ])('%s never yields a file outside the renderer folder', (url) => {
    const result = resolveAppRequest(root, url);
    const path = filePath(result);
    if (path !== undefined) expect(path.startsWith(`${root}/`)).toBe(true);
    else expect(result.kind).toBe('refused');
  });

  it('encoded traversal is refused rather than resolved', () => {
    expect(resolveAppRequest(root, 'app://pos/%2e%2e%2f%2e%2e%2fetc%2fpasswd').kind).toBe('refused');
    expect(resolveAppRequest(root, 'app://pos/cashier.html%00.png')).toMatchObject({ kind: 'refused', status: 400 });
    expect(resolveAppRequest(root, 'app://pos/%E0%A4%A')).toMatchObject({ kind: 'refused', status: 400 });
  });

  it('absolute-looking paths stay inside the root', () => {
    expect(filePath(resolveAppRequest(root, 'app://pos/etc/passwd.json'))).toBe(`${root}/etc/passwd.json`);
  });

  it('Windows paths: drive letters, backslashes and UNC never escape', () => {
    const winRoot = 'C:\\Program Files\\POS\\resources\\app.asar\\dist\\renderer';
    expect(resolveAppRequest(winRoot, 'app://pos/cashier.html', nodePath.win32)).toMatchObject({ filePath: `${winRoot}\\cashier.html` });
    for (const url of ['app://pos/..%5C..%5Cwin.ini', 'app://pos/D:%5Csecret.json', 'app://pos/%5C%5Cserver%5Cshare%5Cx.js', 'app://pos/%2e%2e%5cwin.ini']) {
      const result = resolveAppRequest(winRoot, url, nodePath.win32);
      expect(result.kind, url).toBe('refused');
    }
  });

  it('the recovery page is built in, with its role read safely from the query', () => {
    expect(resolveAppRequest(root, 'app://pos/recovery.html?role=kiosk')).toEqual({ kind: 'recovery', role: 'kiosk' });
    expect(resolveAppRequest(root, 'app://pos/recovery.html?role=%3Cscript%3E')).toEqual({ kind: 'recovery', role: undefined });
    expect(resolveAppRequest(root, 'app://pos/recovery.html')).toEqual({ kind: 'recovery', role: undefined });
  });
});

describe('app layout', () => {
  it('renderer and per-role preload live under dist/', () => {
    expect(rendererDir('/opt/pos/app')).toBe('/opt/pos/app/dist/renderer');
    expect(preloadPathFor('/opt/pos/app', 'customer-display')).toBe('/opt/pos/app/dist/preload/customer-display.cjs');
  });
});
