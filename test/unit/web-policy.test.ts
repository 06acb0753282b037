// The one web policy both hosts use (main/web-policy/): hostile origins are refused with a typed error before
// they can reach a CSP, and the same input gives both hosts the same directives but for their own sockets.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WebPolicyError } from '../../main/web-policy/errors.js';
import { checkedAppOrigin, checkedCardOrigin, checkedSocketOrigin } from '../../main/web-policy/origins.js';
import { DIRECTIVES, webPolicy, type WebPolicyInput } from '../../main/web-policy/web-policy.js';

const IOTPAY = 'https://ccapi.iotpaycloud.com';
const BROWSER: WebPolicyInput = {
  appOrigins: ['http://127.0.0.1:8123', 'http://localhost:8123'], socketOrigins: ['ws://127.0.0.1:8123', 'ws://localhost:8123'], cardOrigin: IOTPAY, training: false,
};
const ELECTRON: WebPolicyInput = { appOrigins: ['app://pos'], cardOrigin: IOTPAY, training: false };

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WebPolicyError);
    return (error as WebPolicyError).code;
  }
  return undefined;
}

// Card origins that must never reach a CSP, in training (the lenient mode) and live alike.
const HOSTILE_CARD_ORIGINS = [
  'javascript:alert(1)', 'JAVASCRIPT://ccapi.iotpaycloud.com', 'data:text/html,<script>alert(1)</script>', 'data://x', 'blob:https://a.example/1',
  'file:///etc/passwd', 'ftp://a.example', 'ws://127.0.0.1:1', 'wss://a.example', 'app://pos',
  'https://a.example/path', 'https://a.example/cc/iotpaycc.js', 'https://a.example?x=1', 'https://a.example#x', 'https://a.example//',
  '*', 'https://*', 'https://*.example', 'https:', 'https://', "'self'", "'unsafe-inline'", "'none'",
  "https://a.example'", 'https://a.example"', "https://a.example; script-src 'unsafe-inline'", 'https://a.example;', 'https://a.example,https://b.example',
  'https://a.example https://b.example', ' https://a.example', 'https://a.example ', 'https://a.example\n', 'https://a.example\tx', 'https://a.ex\u200bample',
  'https://user:pw@a.example', 'https://user@a.example', 'https://a.example:0', 'https://a.example:65536', 'https://a.example:99999', 'https://a.example:08',
  'https://a.example.', 'https://.a.example', 'https://a..example', 'https://a_b.example', 'https://[::1]', 'https://a.example\\@evil.example',
  'http://evil.example', 'http://127.0.0.1.evil.example:80', 'http://localhost.evil.example', 'http://evil.example#@127.0.0.1',
  `https://${'a'.repeat(250)}.example`, '', 'https://a.example%3b',
];

describe('card origin', () => {
  it.each(HOSTILE_CARD_ORIGINS)('refuses %j with BAD_CARD_ORIGIN, in training and live', (origin) => {
    expect(codeOf(() => checkedCardOrigin(origin, true))).toBe('BAD_CARD_ORIGIN');
    expect(codeOf(() => checkedCardOrigin(origin, false))).toBe('BAD_CARD_ORIGIN');
    expect(codeOf(() => webPolicy({ ...BROWSER, cardOrigin: origin, training: true }))).toBe('BAD_CARD_ORIGIN');
  });

  it('refuses non-strings', () => {
    for (const value of [undefined, null, 42, {}, ['https://a.example'], new URL(IOTPAY)]) expect(codeOf(() => checkedCardOrigin(value, true))).toBe('BAD_CARD_ORIGIN');
  });

  it('takes plain http only in training and only on 127.0.0.1 or localhost (the built-in sandbox)', () => {
    expect(checkedCardOrigin('http://127.0.0.1:40123', true)).toBe('http://127.0.0.1:40123');
    expect(checkedCardOrigin('http://localhost:9000', true)).toBe('http://localhost:9000');
    for (const origin of ['http://127.0.0.1:40123', 'http://localhost:9000']) expect(codeOf(() => checkedCardOrigin(origin, false))).toBe('BAD_CARD_ORIGIN');
    for (const origin of ['http://10.0.0.5:80', 'http://192.168.1.2', 'http://[::1]:80', 'http://0.0.0.0:80']) expect(codeOf(() => checkedCardOrigin(origin, true))).toBe('BAD_CARD_ORIGIN');
  });

  it('returns the canonical origin', () => {
    expect(checkedCardOrigin(`${IOTPAY}/`, false)).toBe(IOTPAY);
    expect(checkedCardOrigin('HTTPS://CCAPI.IotPayCloud.com:443', false)).toBe(IOTPAY);
    expect(checkedCardOrigin('https://pay.example:8443', false)).toBe('https://pay.example:8443');
  });
});

describe('app and socket origins', () => {
  it.each(['javascript://pos', 'data://pos', 'file://pos', 'blob://pos', 'http://evil.example', 'ws://127.0.0.1:1', 'app://pos/cashier.html', 'app://*', "app://pos 'unsafe-eval'", 'app://pos;', 'app:pos', '', '*'])(
    'refuses app origin %j with BAD_APP_ORIGIN',
    (origin) => {
      expect(codeOf(() => checkedAppOrigin(origin))).toBe('BAD_APP_ORIGIN');
      expect(codeOf(() => webPolicy({ ...ELECTRON, appOrigins: [origin] }))).toBe('BAD_APP_ORIGIN');
    },
  );

  it('needs at least one app origin, and accepts the two hosts’ own', () => {
    expect(codeOf(() => webPolicy({ ...ELECTRON, appOrigins: [] }))).toBe('BAD_APP_ORIGIN');
    expect(checkedAppOrigin('app://pos')).toBe('app://pos');
    expect(checkedAppOrigin('http://127.0.0.1:8123')).toBe('http://127.0.0.1:8123');
  });

  it.each(['ws://evil.example:80', 'http://127.0.0.1:8123', 'wss://a.example/bridge', 'ws://127.0.0.1:8123 *', 'ws://127.0.0.1:8123;', 'javascript:1', ''])('refuses socket origin %j with BAD_SOCKET_ORIGIN', (origin) => {
    expect(codeOf(() => checkedSocketOrigin(origin))).toBe('BAD_SOCKET_ORIGIN');
    expect(codeOf(() => webPolicy({ ...BROWSER, socketOrigins: [origin] }))).toBe('BAD_SOCKET_ORIGIN');
  });
});

describe('one policy for both hosts', () => {
  const parse = (csp: string) => new Map(csp.split('; ').map((d) => d.split(' ')).map(([name, ...values]) => [name!, values]));

  it('gives both hosts the same directives, but connect-src, which names only the browser host’s bridge sockets', () => {
    const browser = parse(webPolicy(BROWSER).contentSecurityPolicy);
    const electron = parse(webPolicy(ELECTRON).contentSecurityPolicy);
    expect([...browser.keys()]).toEqual([...DIRECTIVES]);
    expect([...electron.keys()]).toEqual([...DIRECTIVES]);
    for (const name of DIRECTIVES.filter((d) => d !== 'connect-src')) expect(electron.get(name), name).toEqual(browser.get(name));
    expect(browser.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:8123', 'ws://localhost:8123']);
    expect(electron.get('connect-src')).toEqual(["'self'"]);
    expect(electron.get('script-src')).toEqual(["'self'", IOTPAY]);
    expect(electron.get('frame-src')).toEqual([IOTPAY]);
    for (const policy of [webPolicy(BROWSER), webPolicy(ELECTRON)]) expect(policy.contentSecurityPolicy).not.toMatch(/unsafe-|\*|'none'\s+\S/);
  });

  it('answers which origins may serve scripts, frames and sockets', () => {
    const policy = webPolicy(BROWSER);
    expect(policy.allows('script-src', `${IOTPAY}/cc/iotpaycc.js`)).toBe(true);
    expect(policy.allows('frame-src', `${IOTPAY}/cc/form?key=1`)).toBe(true);
    expect(policy.allows('script-src', 'http://localhost:8123/assets/app.js')).toBe(true);
    expect(policy.allows('connect-src', 'ws://127.0.0.1:8123/bridge')).toBe(true);
    expect(policy.allows('img-src', 'data:image/png;base64,AAAA')).toBe(true);
    for (const url of ['https://evil.example/x.js', 'http://ccapi.iotpaycloud.com/cc/iotpaycc.js', 'https://user@ccapi.iotpaycloud.com/x.js', 'javascript:alert(1)', 'data:text/javascript,1', 'nonsense']) {
      expect(policy.allows('script-src', url), url).toBe(false);
    }
    expect(policy.allows('frame-src', 'http://127.0.0.1:8123/cashier.html')).toBe(false);
    expect(policy.allows('object-src', 'http://127.0.0.1:8123/x')).toBe(false);
    expect(policy.allows('connect-src', 'ws://127.0.0.1:9999/bridge')).toBe(false);
  });

  it('trusts exactly its own app origins (WebSocket Origin) and Host names (DNS rebinding)', () => {
    const policy = webPolicy(BROWSER);
    expect(policy.isAppOrigin('http://127.0.0.1:8123')).toBe(true);
    expect(policy.isAppHost('LOCALHOST:8123')).toBe(true);
    for (const origin of [undefined, 'null', 'http://127.0.0.1:8123/', 'https://127.0.0.1:8123', 'app://pos', IOTPAY, 'http://127.0.0.1:8123.evil.example']) expect(policy.isAppOrigin(origin)).toBe(false);
    for (const host of [undefined, '127.0.0.1', 'evil.example:8123', '127.0.0.1:8124', 'ccapi.iotpaycloud.com']) expect(policy.isAppHost(host)).toBe(false);
    const electron = webPolicy(ELECTRON);
    expect(electron.isAppOrigin('app://pos')).toBe(true);
    expect(electron.isAppOrigin('app://evil')).toBe(false);
    expect(electron.allows('script-src', 'app://pos/assets/index.js')).toBe(true);
    expect(electron.allows('script-src', 'app://evil/assets/index.js')).toBe(false);
  });
});

describe('main/web-policy stays pure', () => {
  const dir = new URL('../../main/web-policy/', import.meta.url);
  it.each(readdirSync(dir).filter((f) => f.endsWith('.ts')))('%s imports only its siblings and uses no Node-only or Electron globals', (file) => {
    const source = readFileSync(new URL(file, dir), 'utf8');
    for (const [, from] of source.matchAll(/from\s+['"]([^'"]+)['"]/g)) expect(from, file).toMatch(/^\.\/[a-z-]+\.js$/);
    expect(source).not.toMatch(/\b(require|process|Buffer|__dirname|globalThis)\b|['"]node:|['"]electron/);
    expect(source.split('\n').length).toBeLessThan(150);
  });
});
