// Routes of the stand-in card SDK under /cc/ (docs/sandbox.md gateway table): the script, the iframe, the
// hosted pages and the two endpoints the forms post to.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorPage, hostedPage, iframePage, iotpayScript, type CardMode } from './card-form-pages.js';
import { submitCard, type CardEntry, type CardResult } from './card-payments.js';
import type { GatewayContext } from './gateway-context.js';
import { readBody, redirect, sendHtml, sendJson, sendText } from './http-exchange.js';

const SECURE_ID = /^[0-9a-f]{64}$/;
const FRAME_CSP = { 'content-security-policy': "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'" };

function entryFrom(source: Record<string, unknown>): CardEntry | null {
  const str = (name: string) => (typeof source[name] === 'string' ? (source[name] as string) : undefined);
  const cardNumber = str('cardNumber');
  if (cardNumber === undefined) return null;
  return { cardNumber, expiry: str('expiry'), cvv: str('cvv'), holder: str('holder') };
}

function returnUrlFor(ctx: GatewayContext, secureId: string): string {
  return ctx.ledger.v3PurchaseBySecureId(secureId)?.returnUrl ?? ctx.ledger.card({ secureId })?.returnUrl ?? '';
}

/** The hosted flow ends in a browser redirect to returnUrl with retCode and status (docs/iotpay-api.md §4.1). */
function hostedRedirect(res: ServerResponse, returnUrl: string, result: CardResult): void {
  let target: URL;
  try {
    target = new URL(returnUrl);
  } catch {
    return sendHtml(res, 200, errorPage(`${result.retCode}: ${result.retMsg}`));
  }
  target.searchParams.set('retCode', result.retCode);
  if (result.retMsg) target.searchParams.set('retMsg', result.retMsg);
  const status = result.retData?.status;
  if (typeof status === 'number') target.searchParams.set('status', String(status));
  redirect(res, target.toString());
}

async function postSubmit(ctx: GatewayContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const text = await readBody(req);
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text ?? '');
  } catch {
    // Falls through to the FAIL answer below: the form always sends JSON, so this is a stray caller.
  }
  const source = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  const entry = entryFrom(source);
  const secureId = typeof source.secureId === 'string' ? source.secureId : '';
  if (!entry || !SECURE_ID.test(secureId)) return sendJson(res, 200, { retCode: 'FAIL', retMsg: 'secureId and cardNumber are required' });
  sendJson(res, 200, submitCard(ctx, secureId, entry));
}

async function postHosted(ctx: GatewayContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = new URLSearchParams((await readBody(req)) ?? '');
  const secureId = form.get('key') ?? '';
  const mode: CardMode = form.get('mode') === 'Add' ? 'Add' : 'Pay';
  const entry = entryFrom(Object.fromEntries(form));
  if (!entry || !SECURE_ID.test(secureId)) return sendHtml(res, 400, errorPage('missing card details'));
  const result = submitCard(ctx, secureId, entry);
  if (result.retMsg === 'invalid card number') return sendHtml(res, 400, hostedPage(secureId, mode, 'Card number is invalid'));
  hostedRedirect(res, returnUrlFor(ctx, secureId), result);
}

function getPage(ctx: GatewayContext, url: URL, res: ServerResponse): void {
  const key = url.searchParams.get('key') ?? '';
  if (url.pathname === '/cc/iotpaycc.js') {
    return sendText(res, 200, 'application/javascript;charset=UTF-8', iotpayScript(new URL(ctx.gatewayUrl()).origin));
  }
  if (!SECURE_ID.test(key)) return sendHtml(res, 400, errorPage('invalid key'));
  switch (url.pathname) {
    case '/cc/form': {
      const mode = url.searchParams.get('mode');
      if (mode !== 'Pay' && mode !== 'Add') return sendHtml(res, 400, errorPage("mode must be 'Pay' or 'Add'"));
      return sendHtml(res, 200, iframePage(key, mode, url.searchParams.get('dark') === '1'), FRAME_CSP);
    }
    case '/cc/purchase':
      return sendHtml(res, 200, hostedPage(key, 'Pay', ''));
    case '/cc/addcard':
      return sendHtml(res, 200, hostedPage(key, 'Add', ''));
    default:
      return sendHtml(res, 404, errorPage('not found'));
  }
}

export async function handleCardRoute(ctx: GatewayContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  if (req.method === 'GET') return getPage(ctx, url, res);
  if (req.method === 'POST' && url.pathname === '/cc/submit') return postSubmit(ctx, req, res);
  if (req.method === 'POST' && url.pathname === '/cc/hosted') return postHosted(ctx, req, res);
  sendHtml(res, 405, errorPage('method not allowed'));
}
