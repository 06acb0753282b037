// The HTTP-level trust checks as pure functions: which Host and Origin headers we answer, and the security
// headers on every response. Loopback alone is not enough: a web page the cashier opens elsewhere can make
// the browser talk to 127.0.0.1 (DNS rebinding, cross-site WebSocket), so both headers are checked exactly.

/** The names this host answers to; a rebinding attack arrives with its own domain in Host. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function hostAllowed(hostHeader: string | undefined, port: number): boolean {
  return hostHeader !== undefined && allowedHosts(port).includes(hostHeader.toLowerCase());
}

/** A WebSocket must come from a page this host served; browsers always send Origin on a WebSocket handshake. */
export function originAllowed(originHeader: string | undefined, port: number): boolean {
  return originHeader !== undefined && allowedHosts(port).some((host) => originHeader.toLowerCase() === `http://${host}`);
}

/**
 * No inline script, no eval, frames only for the card form. `style-src 'self'` suffices: Vite's production
 * build emits CSS as files, and React's `style` prop goes through the CSSOM, which CSP does not restrict.
 */
export function contentSecurityPolicy(port: number, cardOrigins: readonly string[]): string {
  const card = cardOrigins.length > 0 ? ` ${cardOrigins.join(' ')}` : '';
  const sockets = allowedHosts(port).map((host) => `ws://${host}`).join(' ');
  return [
    "default-src 'self'",
    `script-src 'self'${card}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "media-src 'self'",
    `connect-src 'self' ${sockets}`,
    `frame-src${card || " 'none'"}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(port: number, cardOrigins: readonly string[]): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(port, cardOrigins),
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
