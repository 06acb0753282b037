import { describe, expect, it } from 'vitest';
import { WINDOW_ROLES } from '../../main/app/host-api.js';
import {
  electronWebPolicy,
  externalLinkAllowed,
  isAppUrl,
  navigationAllowed,
  permissionAllowed,
  roleOfAppUrl,
  roleUrl,
  senderAllowed,
  windowOpenAllowed,
} from '../../main/electron/security.js';
import { WebPolicyError } from '../../main/web-policy/errors.js';

// URLs that must never count as our own renderer, whatever the parser does with them.
const HOSTILE = [
  '',
  ' ',
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  'javascript://app://pos/%0aalert(1)',
  'file:///etc/passwd',
  'file://pos/cashier.html',
  'data:text/html,<script>alert(1)</script>',
  'about:blank',
  'about:srcdoc',
  'blob:app://pos/1234',
  'app://evil/',
  'app://evil/cashier.html',
  'app://pos@evil/cashier.html',
  'app://pos:pw@evil/cashier.html',
  'app://user@pos/cashier.html',
  'app://pos:8080/cashier.html',
  'app://pos.evil.com/cashier.html',
  'app://pos./cashier.html',
  'app://POS/cashier.html',
  'APP://pos/cashier.html',
  'app://p%6fs/cashier.html',
  'app://pos%2fevil/cashier.html',
  'app://p\u043es/cashier.html', // Cyrillic о
  'app://pos\u200b/cashier.html', // zero-width space
  'app://pos\\evil/cashier.html',
  'app://pos/cashier.html\u0000',
  'app://pos/\ncashier.html',
  'app:/pos/cashier.html',
  'app:pos/cashier.html',
  'app://pos',
  '//pos/cashier.html',
  '/cashier.html',
  'cashier.html',
  '../cashier.html',
  'https://pos/cashier.html',
  'http://127.0.0.1/cashier.html',
  `app://pos/${'a'.repeat(5000)}.html`,
];

describe('isAppUrl', () => {
  it.each(HOSTILE)('refuses %j', (url) => {
    expect(isAppUrl(url)).toBe(false);
    expect(roleOfAppUrl(url)).toBeUndefined();
  });

  it('refuses non-strings', () => {
    for (const value of [undefined, null, 42, {}, ['app://pos/cashier.html'], new URL('app://pos/cashier.html')]) expect(isAppUrl(value)).toBe(false);
  });

  it('accepts our own pages, with query and hash', () => {
    for (const url of ['app://pos/cashier.html', 'app://pos/assets/index-abc.js', 'app://pos/kiosk.html?x=1#top']) expect(isAppUrl(url)).toBe(true);
  });
});

describe('roles from URLs', () => {
  it('maps each role page exactly, and nothing else', () => {
    for (const role of WINDOW_ROLES) expect(roleOfAppUrl(roleUrl(role))).toBe(role);
    expect(roleOfAppUrl('app://pos/cashier.html?sale=1#x')).toBe('cashier');
    for (const url of ['app://pos/%63ashier.html', 'app://pos/CASHIER.html', 'app://pos/cashier.html/', 'app://pos//cashier.html', 'app://pos/x/cashier.html', 'app://pos/recovery.html?role=manager', 'app://pos/']) {
      expect(roleOfAppUrl(url)).toBeUndefined();
    }
  });

  it('dot segments are resolved by the parser before matching, never to another origin', () => {
    expect(roleOfAppUrl('app://pos/x/../manager.html')).toBe('manager');
    expect(roleOfAppUrl('app://pos/../../evil/cashier.html')).toBeUndefined();
  });
});

describe('navigationAllowed', () => {
  it('only to the window role’s own page', () => {
    expect(navigationAllowed('app://pos/cashier.html', 'cashier')).toBe(true);
    expect(navigationAllowed('app://pos/manager.html', 'cashier')).toBe(false);
    expect(navigationAllowed('app://pos/recovery.html?role=cashier', 'cashier')).toBe(false);
    for (const url of HOSTILE) expect(navigationAllowed(url, 'cashier')).toBe(false);
  });
});

describe('window.open and external links', () => {
  it('window.open is always denied', () => {
    for (const url of ['https://www.iotpay.ca/', 'app://pos/cashier.html', ...HOSTILE]) expect(windowOpenAllowed(url)).toBe(false);
  });

  it('no external link is allowed by default', () => {
    expect(externalLinkAllowed('https://www.iotpay.ca/help')).toBe(false);
  });

  it('an allow-listed origin matches exactly, http(s) only, no credentials', () => {
    const list = ['https://www.iotpay.ca'];
    expect(externalLinkAllowed('https://www.iotpay.ca/help?x=1', list)).toBe(true);
    expect(externalLinkAllowed('https://WWW.IOTPAY.CA/help', list)).toBe(true);
    for (const url of [
      'http://www.iotpay.ca/help',
      'https://www.iotpay.ca:8443/',
      'https://www.iotpay.ca.evil.com/',
      'https://www.iotpay.ca@evil.com/',
      'https://user:pw@www.iotpay.ca/',
      'https://evil.com/?https://www.iotpay.ca',
      'javascript:location="https://www.iotpay.ca"',
      'file:///etc/passwd',
      ' https://www.iotpay.ca/',
      'https://www.iotpay.ca\u202e/',
    ]) {
      expect(externalLinkAllowed(url, list), url).toBe(false);
    }
  });
});

describe('permissionAllowed', () => {
  it('denies every permission by default, even to our own origin', () => {
    for (const permission of ['media', 'hid', 'serial', 'usb', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      expect(permissionAllowed(permission, 'app://pos')).toBe(false);
      expect(permissionAllowed(permission, 'https://ccapi.iotpaycloud.com')).toBe(false);
    }
  });

  it('an explicit grant applies only to our origin and that permission', () => {
    const grants = [{ permission: 'clipboard-sanitized-write', origin: 'app://pos' }];
    expect(permissionAllowed('clipboard-sanitized-write', 'app://pos', grants)).toBe(true);
    expect(permissionAllowed('clipboard-read', 'app://pos', grants)).toBe(false);
    expect(permissionAllowed('clipboard-sanitized-write', 'https://ccapi.iotpaycloud.com', [{ permission: 'clipboard-sanitized-write', origin: 'https://ccapi.iotpaycloud.com' }])).toBe(false);
  });
});

describe('senderAllowed', () => {
  it('requires the frame to show the page of the expected role', () => {
    expect(senderAllowed('app://pos/cashier.html', 'cashier')).toBe(true);
    expect(senderAllowed('app://pos/cashier.html', 'manager')).toBe(false);
    expect(senderAllowed('app://pos/manager.html', 'customer-display')).toBe(false);
    expect(senderAllowed('app://pos/cashier.html', undefined)).toBe(false);
    expect(senderAllowed('https://ccapi.iotpaycloud.com/cardform', 'cashier')).toBe(false);
    expect(senderAllowed('app://pos/recovery.html?role=cashier', 'cashier')).toBe(false);
    for (const url of HOSTILE) expect(senderAllowed(url, 'cashier')).toBe(false);
  });
});

describe('content security policy (main/web-policy/, shared with the browser host)', () => {
  const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  const LIVE = 'https://ccapi.iotpaycloud.com';

  it('live: self only, no inline or eval; the IOTPay card origin may serve the card script and its iframe', () => {
    const csp = electronWebPolicy({ cardFormOrigin: LIVE, training: false }).contentSecurityPolicy;
    const d = directives(csp);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'", LIVE]);
    expect(d.get('frame-src')).toEqual([LIVE]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('img-src')).toEqual(["'self'", 'data:']);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-|\*|http:/);
  });

  it('training: the sandbox loopback origin serves the card script and frame, and nothing else is added', () => {
    const policy = electronWebPolicy({ cardFormOrigin: 'http://127.0.0.1:48123', training: true });
    const d = directives(policy.contentSecurityPolicy);
    expect(d.get('script-src')).toEqual(["'self'", 'http://127.0.0.1:48123']);
    expect(d.get('frame-src')).toEqual(['http://127.0.0.1:48123']);
    expect(policy.allows('script-src', 'http://127.0.0.1:48123/cc/iotpaycc.js')).toBe(true);
    expect(policy.allows('script-src', 'app://pos/assets/index-abc.js')).toBe(true);
    expect(policy.isAppOrigin('app://pos')).toBe(true);
  });

  it('refuses a card origin that is not https, or loopback http in training', () => {
    for (const [origin, training] of [
      ['https://evil.com/path', false], ['http://evil.com:80', true], ['http://127.0.0.1.evil.com', true], ["http://127.0.0.1:1 'unsafe-inline'", true],
      ['http://user@127.0.0.1:1', true], ['*', true], ['', true], ['javascript:1', true], ['http://127.0.0.1:48123', false],
    ] as const) {
      expect(() => electronWebPolicy({ cardFormOrigin: origin, training }), origin).toThrow(WebPolicyError);
    }
  });
});
