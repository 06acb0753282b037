// HTTP side of the trainer's page on the control server (docs/sandbox.md "Trainer page"): `GET /` renders it,
// and its buttons are plain form posts that act as the customer, then redirect back (POST-redirect-GET), so a
// reload never pays twice and the page needs no script.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { V1_FIELD_LIMITS } from './wire-rules.js';
import { customerCancels, customerPays } from './customer-actions.js';
import type { GatewayContext } from './gateway-context.js';
import { readBody, redirect, sendHtml, sendText } from './http-exchange.js';
import { trainerPage, type TrainerNotice } from './trainer-page.js';

const ACTIONS = { '/trainer/pay': 'paid', '/trainer/cancel': 'cancelled' } as const;
type ActionPath = keyof typeof ACTIONS;

function pageHeaders(nonce: string): Record<string, string> {
  return {
    // Nothing but the nonced style block; forms may only post back here; no framing, no plugins.
    'content-security-policy': `default-src 'none'; style-src 'nonce-${nonce}'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    // Not `no-referrer`: under it Chromium sends `Origin: null` on the page's own form posts, which originAllowed refuses.
    'referrer-policy': 'same-origin',
  };
}

/** Loopback alone is not enough: a rebinding page arrives with its own name in Host. */
export function hostAllowed(req: IncomingMessage): boolean {
  const host = (req.headers.host ?? '').toLowerCase();
  const port = req.socket.localPort;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/**
 * A browser always sends Origin on a form post; a page elsewhere must not press Pay for the trainer. Tools
 * without a browser send none, like the JSON control API's own clients.
 */
export function originAllowed(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const port = req.socket.localPort;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

const NOTICE_ERRORS = ['NOT_FOUND', 'NOT_PENDING', 'BAD_REQUEST'] as const;

/** Only known codes become words on the page; the order id is escaped where it is shown. */
export function noticeFrom(query: URLSearchParams): TrainerNotice | undefined {
  const order = (query.get('order') ?? '').slice(0, V1_FIELD_LIMITS.payOrderId);
  const done = query.get('done');
  if (done === 'paid' || done === 'cancelled') return { kind: 'done', action: done, order };
  const code = NOTICE_ERRORS.find((c) => c === query.get('error'));
  return code ? { kind: 'error', code, order } : undefined;
}

async function act(ctx: GatewayContext, req: IncomingMessage, res: ServerResponse, path: ActionPath): Promise<void> {
  const form = new URLSearchParams((await readBody(req)) ?? '');
  const payOrderId = form.get('payOrderId') ?? '';
  if (payOrderId === '' || payOrderId.length > V1_FIELD_LIMITS.payOrderId) return redirect(res, '/?error=BAD_REQUEST');
  const result = path === '/trainer/pay' ? customerPays(ctx, { payOrderId }) : customerCancels(ctx, { payOrderId });
  const query = result.ok
    ? new URLSearchParams({ done: ACTIONS[path], order: result.order.mchOrderNo })
    : new URLSearchParams({ error: result.code, order: payOrderId });
  redirect(res, `/?${query.toString()}`);
}

/** Handles the trainer's routes; false for anything else, which the JSON control API answers. */
export async function handleTrainerRoute(ctx: GatewayContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const method = req.method ?? 'GET';
  const page = method === 'GET' && (url.pathname === '/' || url.pathname === '/index.html');
  const action = method === 'POST' && Object.hasOwn(ACTIONS, url.pathname);
  if (!page && !action) return false;
  if (!hostAllowed(req)) {
    sendText(res, 421, 'text/plain;charset=UTF-8', 'unknown host');
    return true;
  }
  if (action) {
    if (!originAllowed(req)) sendText(res, 403, 'text/plain;charset=UTF-8', 'cross-site form post refused');
    else await act(ctx, req, res, url.pathname as ActionPath);
    return true;
  }
  const nonce = randomBytes(16).toString('base64');
  sendHtml(res, 200, trainerPage(ctx.ledger.snapshot(), nonce, noticeFrom(url.searchParams)), pageHeaders(nonce));
  return true;
}
