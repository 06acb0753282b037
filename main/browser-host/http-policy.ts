// The browser host's HTTP-level trust: its web policy (main/web-policy/, the same CSP and origin checks as the
// Electron host, fed with this host's loopback origins) and the security headers on every response. Loopback
// alone is not enough: a web page the cashier opens elsewhere can make the browser talk to 127.0.0.1 (DNS
// rebinding, cross-site WebSocket), so Host and Origin are checked exactly, by the policy.
import type { HostApi } from '../app/host-api.js';
import { webPolicy, type WebPolicy } from '../web-policy/web-policy.js';

/** The names this host answers to; a rebinding attack arrives with its own domain in Host. */
function loopbackNames(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/**
 * Pages come from `http://127.0.0.1:PORT` (or `localhost`), the bridge is `ws://` on the same names, and the card
 * form comes from the composed host's `cardFormOrigin`. Throws WebPolicyError for a bad card origin.
 */
export function browserHostPolicy(port: number, host: Pick<HostApi, 'cardFormOrigin' | 'training'>): WebPolicy {
  const names = loopbackNames(port);
  return webPolicy({
    appOrigins: names.map((name) => `http://${name}`),
    socketOrigins: names.map((name) => `ws://${name}`),
    cardOrigin: host.cardFormOrigin,
    training: host.training,
  });
}

export function securityHeaders(policy: WebPolicy): Record<string, string> {
  return {
    'Content-Security-Policy': policy.contentSecurityPolicy,
    'Cache-Control': 'no-store',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    // Scanners are read in main; the page never needs device or sensor access.
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), hid=(), serial=(), payment=()',
  };
}
