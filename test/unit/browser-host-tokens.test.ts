import { describe, expect, it } from 'vitest';
import { WINDOW_ROLES } from '../../main/app/host-api.js';
import { browserHostPolicy, securityHeaders } from '../../main/browser-host/http-policy.js';
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

const policy = (port: number, cardFormOrigin = 'https://ccapi.iotpaycloud.com', training = false) => browserHostPolicy(port, { cardFormOrigin, training });
const hostAllowed = (host: string | undefined, port: number) => policy(port).isAppHost(host);
const originAllowed = (origin: string | undefined, port: number) => policy(port).isAppOrigin(origin);

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
  it('sends the shared strict CSP with its own loopback sockets and the composed card origin', () => {
    const csp = policy(8123).contentSecurityPolicy;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' https://ccapi.iotpaycloud.com;");
    expect(csp).toContain('frame-src https://ccapi.iotpaycloud.com;');
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:8123 ws://localhost:8123;");
    expect(csp).toContain("img-src 'self' data:;");
    expect(csp).toContain("style-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(policy(8123, 'http://127.0.0.1:40123', true).contentSecurityPolicy).toContain("script-src 'self' http://127.0.0.1:40123;");
  });

  it('sends no-store and the framing, referrer and sniffing headers', () => {
    expect(securityHeaders(policy(1))).toMatchObject({
      'Content-Security-Policy': policy(1).contentSecurityPolicy,
      'Cache-Control': 'no-store',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  it('refuses a card origin that would widen or break the CSP (more cases in web-policy.test.ts)', () => {
    for (const origin of ["https://x.example; script-src *", 'http://127.0.0.1:40123']) {
      expect(() => policy(8123, origin, false)).toThrow(expect.objectContaining({ code: 'BAD_CARD_ORIGIN' }) as Error);
    }
  });
});
