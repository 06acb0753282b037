import { describe, expect, it } from 'vitest';
import { WINDOW_ROLES } from '../../main/app/host-api.js';
import type { HostApi } from '../../main/app/host-api.js';
import { cardOriginsFor, checkedCardOrigin } from '../../main/browser-host/card-origins.js';
import { BrowserHostError } from '../../main/browser-host/errors.js';
import { contentSecurityPolicy, hostAllowed, originAllowed, securityHeaders } from '../../main/browser-host/http-policy.js';
import { createRoleTokens } from '../../main/browser-host/role-tokens.js';

describe('browser host: role tokens', () => {
  it('mints a distinct 256-bit base64url token per role, fresh per launch', () => {
    const first = createRoleTokens();
    const second = createRoleTokens();
    for (const role of WINDOW_ROLES) {
      expect(first.tokens[role]).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(first.tokens[role], 'base64url')).toHaveLength(32);
      expect(first.tokens[role]).not.toBe(second.tokens[role]);
    }
    expect(new Set(Object.values(first.tokens)).size).toBe(WINDOW_ROLES.length);
  });

  it('maps each token to its role and nothing else to any role', () => {
    const { tokens, roleForToken } = createRoleTokens();
    for (const role of WINDOW_ROLES) expect(roleForToken(tokens[role])).toBe(role);
    const cashier = tokens.cashier;
    for (const candidate of [
      '', 'cashier', 'manager', cashier.slice(0, -1), `${cashier}x`, cashier.toUpperCase(), ` ${cashier}`, `${cashier}\0`,
      createRoleTokens().tokens.cashier, 'x'.repeat(10_000), undefined, null, 42, { token: cashier }, [cashier],
    ]) {
      expect(roleForToken(candidate)).toBeUndefined();
    }
  });

  it('refuses a random source that repeats itself', () => {
    expect(() => createRoleTokens((size) => Buffer.alloc(size, 7))).toThrow(/collided/);
  });
});

describe('browser host: Host and Origin checks', () => {
  it('answers only to its own loopback name and port (DNS rebinding)', () => {
    expect(hostAllowed('127.0.0.1:8123', 8123)).toBe(true);
    expect(hostAllowed('localhost:8123', 8123)).toBe(true);
    expect(hostAllowed('LOCALHOST:8123', 8123)).toBe(true);
    for (const host of [undefined, '', '127.0.0.1', '127.0.0.1:8124', 'evil.example:8123', 'evil.example', '127.0.0.1.nip.io:8123', '[::1]:8123', '0.0.0.0:8123', 'localhost:8123 ', 'localhost:8123@evil']) {
      expect(hostAllowed(host, 8123)).toBe(false);
    }
  });

  it('accepts WebSockets only from pages it served', () => {
    expect(originAllowed('http://127.0.0.1:8123', 8123)).toBe(true);
    expect(originAllowed('http://localhost:8123', 8123)).toBe(true);
    for (const origin of [undefined, 'null', '', 'https://127.0.0.1:8123', 'http://127.0.0.1:8124', 'http://evil.example', 'http://127.0.0.1:8123.evil.example', 'http://127.0.0.1:8123/', 'file://', 'app://pos']) {
      expect(originAllowed(origin, 8123)).toBe(false);
    }
  });
});

describe('browser host: security headers', () => {
  it('sends a strict CSP: no inline script, frames and scripts only for the card form', () => {
    const csp = contentSecurityPolicy(8123, ['https://ccapi.iotpaycloud.com']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' https://ccapi.iotpaycloud.com;");
    expect(csp).toContain('frame-src https://ccapi.iotpaycloud.com;');
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:8123 ws://localhost:8123;");
    expect(csp).toContain("img-src 'self' data:;");
    expect(csp).toContain("style-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(contentSecurityPolicy(8123, [])).toContain("frame-src 'none'");
  });

  it('sends no-store and the framing, referrer and sniffing headers', () => {
    expect(securityHeaders(1, [])).toMatchObject({
      'Cache-Control': 'no-store',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
    });
  });
});

describe('browser host: card form origins', () => {
  const host = (cardFormOrigin: string): HostApi => ({
    training: true, cardFormOrigin, invoke: () => Promise.reject(new Error('unused')), subscribe: () => () => {}, close: () => Promise.resolve(),
  });

  it('uses the origin the composed host reports, checked', () => {
    expect(cardOriginsFor(host('http://127.0.0.1:40123'))).toEqual(['http://127.0.0.1:40123']);
    expect(cardOriginsFor(host('https://ccapi.iotpaycloud.com'))).toEqual(['https://ccapi.iotpaycloud.com']);
    expect(() => cardOriginsFor(host("https://x.example; script-src *"))).toThrow(BrowserHostError);
  });

  it.each([
    'http://evil.example', 'https://a.example/path', "https://a.example; script-src 'unsafe-inline'", 'https://*.example',
    'https://user:pw@a.example', 'javascript:alert(1)', 'data:text/html,x', 'https://a.example?x', 'ftp://a.example', '', 'https://a.example https://b.example',
  ])('refuses %j, which would widen or break the CSP', (origin) => {
    expect(() => checkedCardOrigin(origin)).toThrow(BrowserHostError);
  });

  it('canonicalises a good origin', () => {
    expect(checkedCardOrigin('https://ccapi.iotpaycloud.com/')).toBe('https://ccapi.iotpaycloud.com');
    expect(checkedCardOrigin('http://localhost:9000')).toBe('http://localhost:9000');
  });
});
