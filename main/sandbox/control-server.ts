// The control API on its own loopback port (docs/sandbox.md "Control API"): training mode and tests act as
// the customer, read the ledger, steer faults and move a manual clock. Never part of the IOTPay wire.
// `GET /` is the trainer's page for a person in a browser (trainer-routes.ts); everything else is JSON.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ManualClock } from '../shared/clock.js';
import { maskCode } from '../shared/logger.js';
import { submitCard } from './card-payments.js';
import { customerCancels, customerPays, type CustomerOutcome, type CustomerTarget } from './customer-actions.js';
import { FaultConfigError, type Faults, type InjectedFault } from './faults.js';
import type { GatewayContext } from './gateway-context.js';
import { readBody, sendJson } from './http-exchange.js';
import type { LedgerSnapshot } from './ledger-records.js';
import { handleTrainerRoute, hostAllowed, originAllowed } from './trainer-routes.js';

export interface ControlDeps {
  ctx: GatewayContext;
  faults: Faults;
}

type Json = Record<string, unknown>;

class ControlRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function asTarget(body: Json): CustomerTarget {
  if (typeof body.payOrderId === 'string') return { payOrderId: body.payOrderId };
  if (typeof body.codeUrl === 'string') return { codeUrl: body.codeUrl };
  throw new ControlRequestError(400, 'BAD_REQUEST', 'codeUrl or payOrderId is required');
}

function outcome(result: CustomerOutcome): Json {
  if (result.ok) return { order: result.order };
  throw new ControlRequestError(result.code === 'NOT_FOUND' ? 404 : 409, result.code, result.message);
}

function str(body: Json, name: string): string | undefined {
  return typeof body[name] === 'string' ? (body[name] as string) : undefined;
}

function payCard(deps: ControlDeps, body: Json): Json {
  const secureId = str(body, 'secureId');
  const cardNumber = str(body, 'cardNumber');
  if (!secureId || !cardNumber) throw new ControlRequestError(400, 'BAD_REQUEST', 'secureId and cardNumber are required');
  const entry = { cardNumber, expiry: str(body, 'expiry'), cvv: str(body, 'cvv'), holder: str(body, 'holder') };
  return { ...submitCard(deps.ctx, secureId, entry) };
}

function advanceClock(deps: ControlDeps, body: Json): Json {
  const clock = deps.ctx.clock;
  if (!(clock instanceof ManualClock)) throw new ControlRequestError(409, 'NO_MANUAL_CLOCK', 'the sandbox runs on the system clock');
  const advanceMs = body.advanceMs;
  if (typeof advanceMs !== 'number' || !Number.isFinite(advanceMs) || advanceMs < 0) {
    throw new ControlRequestError(400, 'BAD_REQUEST', 'advanceMs must be a number ≥ 0');
  }
  clock.advance(advanceMs);
  return { now: clock.now() };
}

/** A wallet payment code as the control API shows it: its last 4 digits only (docs/style.md §11). */
export function maskLedgerCode(code: string): string {
  return maskCode(code);
}

/** The ledger for the control API: never a whole payment code, even to a trainer's tools. */
function maskedLedger(snapshot: LedgerSnapshot): LedgerSnapshot {
  return {
    ...snapshot,
    orders: snapshot.orders.map((o) => (o.api === 'v1' && o.identityCode !== undefined ? { ...o, identityCode: maskLedgerCode(o.identityCode) } : o)),
  };
}

function route(deps: ControlDeps, method: string, path: string, body: Json): Json {
  const key = `${method} ${path}`;
  switch (key) {
    case 'GET /control/ledger':
      return { ...maskedLedger(deps.ctx.ledger.snapshot()) };
    case 'GET /control/faults':
      return { ...deps.faults.current() };
    case 'POST /control/qr/pay':
      return outcome(customerPays(deps.ctx, asTarget(body)));
    case 'POST /control/qr/cancel':
      return outcome(customerCancels(deps.ctx, asTarget(body)));
    case 'POST /control/card/pay':
      return payCard(deps, body);
    case 'POST /control/faults':
      deps.faults.setRates((body.rates ?? {}) as Json, body.latencyMs as number | undefined);
      return { ...deps.faults.current() };
    case 'POST /control/faults/next':
      deps.faults.inject(body as unknown as InjectedFault);
      return { ...deps.faults.current() };
    case 'POST /control/clock':
      return advanceClock(deps, body);
    default:
      throw new ControlRequestError(404, 'NOT_FOUND', `no control route ${key}`);
  }
}

async function handle(deps: ControlDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (await handleTrainerRoute(deps.ctx, req, res, url)) return;
  // As on the trainer's page: a rebinding page arrives with its own Host, a web page elsewhere with its Origin.
  if (!hostAllowed(req)) throw new ControlRequestError(421, 'UNKNOWN_HOST', 'the control API answers only 127.0.0.1 or localhost');
  if (!originAllowed(req)) throw new ControlRequestError(403, 'CROSS_SITE', 'cross-site requests to the control API are refused');
  const path = url.pathname;
  const text = (await readBody(req)) ?? '';
  let body: Json = {};
  if (text.trim() !== '') {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ControlRequestError(400, 'BAD_REQUEST', 'body must be a JSON object');
    body = parsed as Json;
  }
  sendJson(res, 200, route(deps, req.method ?? 'GET', path, body));
}

function errorReply(error: unknown): { status: number; code: string; message: string } {
  if (error instanceof ControlRequestError) return { status: error.status, code: error.code, message: error.message };
  if (error instanceof FaultConfigError) return { status: 400, code: error.code, message: error.message };
  if (error instanceof SyntaxError) return { status: 400, code: 'BAD_REQUEST', message: 'body is not JSON' };
  return { status: 500, code: 'INTERNAL', message: String(error) };
}

export function createControlServer(deps: ControlDeps): Server {
  return createServer((req, res) => {
    handle(deps, req, res).catch((error: unknown) => {
      const { status, code, message } = errorReply(error);
      if (status === 500) deps.ctx.logger.error('control request failed', { path: req.url, error: message });
      sendJson(res, status, { error: { code, message } });
    });
  });
}
