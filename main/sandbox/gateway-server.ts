// The gateway's HTTP server: routes /v1/, /v3/ and /cc/, and wraps every API call in the fault plan
// (docs/sandbox.md "Faults"): latency and 5xx before handling, the rest after the ledger commit.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { handleCardRoute } from './card-form.js';
import type { Faults, RatedFault } from './faults.js';
import { assertNever, type GatewayContext, type GatewayReply } from './gateway-context.js';
import { readBody, sendJson, sendText } from './http-exchange.js';
import type { PendingTimers } from './pending-timers.js';
import { V1_ENDPOINTS, handleV1, type V1Endpoint } from './v1-handlers.js';
import { V3_ENDPOINTS, handleV3, type V3Endpoint } from './v3-handlers.js';

export interface GatewayDeps {
  ctx: GatewayContext;
  faults: Faults;
  timers: PendingTimers;
  slowResponseMs: number;
}

type ApiRoute = { api: 'v1'; endpoint: V1Endpoint } | { api: 'v3'; endpoint: V3Endpoint };

function routeOf(pathname: string): ApiRoute | null {
  const match = /^\/(v1|v3)\/([A-Za-z_]+)$/.exec(pathname);
  if (!match) return null;
  const endpoint = match[2] ?? '';
  if (match[1] === 'v1' && (V1_ENDPOINTS as readonly string[]).includes(endpoint)) return { api: 'v1', endpoint: endpoint as V1Endpoint };
  if (match[1] === 'v3' && (V3_ENDPOINTS as readonly string[]).includes(endpoint)) return { api: 'v3', endpoint: endpoint as V3Endpoint };
  return null;
}

/** A wrong signature that still looks like one: 32 uppercase hex characters. */
function wrongSign(body: Record<string, unknown>): string {
  const current = typeof body.sign === 'string' ? body.sign : '';
  const first = current.startsWith('0') ? '1' : '0';
  return `${first}${current.slice(1)}`.padEnd(32, 'F').slice(0, 32);
}

function deliver(res: ServerResponse, body: Record<string, unknown>, fault: RatedFault | null): void {
  switch (fault) {
    case null:
    case '5xx': // already handled before the request was processed
      return sendJson(res, 200, body);
    case '5xx-after':
      return sendText(res, 502, 'text/html', '<html><body><h1>502 Bad Gateway</h1></body></html>');
    case 'drop':
      res.socket?.destroy();
      return;
    case 'malformed': {
      const text = JSON.stringify(body);
      return sendText(res, 200, 'application/json;charset=UTF-8', text.slice(0, Math.max(1, Math.floor(text.length / 2))));
    }
    case 'badsign':
      return sendJson(res, 200, { ...body, sign: wrongSign(body) });
    case 'unsigned': {
      // A gateway (or proxy) that answers without `sign`: the client must not trust it (docs/iotpay-client.md).
      const unsigned = { ...body };
      delete unsigned.sign;
      return sendJson(res, 200, unsigned);
    }
    default:
      return assertNever(fault);
  }
}

function dispatch(ctx: GatewayContext, route: ApiRoute, body: string): GatewayReply {
  return route.api === 'v1' ? handleV1(ctx, route.endpoint, body) : handleV3(ctx, route.endpoint, body);
}

async function handleApi(deps: GatewayDeps, req: IncomingMessage, res: ServerResponse, route: ApiRoute, path: string): Promise<void> {
  const body = await readBody(req);
  const decision = deps.faults.decide(path);
  if (decision.latencyMs > 0 && !(await deps.timers.wait(decision.latencyMs))) return void res.socket?.destroy();
  if (decision.kind === '5xx') return sendText(res, 503, 'text/html', '<html><body><h1>503 Service Unavailable</h1></body></html>');
  const reply: GatewayReply =
    body === null
      ? { body: route.api === 'v1' ? { retCode: 'FAIL', retMsg: 'params must be a JSON object' } : { retCode: 'FAIL', retMsg: 'request body must be a JSON object' } }
      : dispatch(deps.ctx, route, body);
  if (reply.afterCommit === 'destroy') return void res.socket?.destroy();
  if (reply.afterCommit === 'hold' && !(await deps.timers.wait(deps.slowResponseMs))) return void res.socket?.destroy();
  deliver(res, reply.body, decision.kind);
}

async function handle(deps: GatewayDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname.startsWith('/cc/')) return handleCardRoute(deps.ctx, req, res, url);
  const route = routeOf(url.pathname);
  if (!route) return sendJson(res, 404, { retCode: 'FAIL', retMsg: 'not found' });
  if (req.method !== 'POST') return sendJson(res, 405, { retCode: 'FAIL', retMsg: 'method not allowed' });
  return handleApi(deps, req, res, route, url.pathname);
}

export function createGatewayServer(deps: GatewayDeps): Server {
  return createServer((req, res) => {
    handle(deps, req, res).catch((error: unknown) => {
      // A bug must cost one request, never the sandbox: answer like IOTPay's generic error and carry on.
      deps.ctx.logger.error('request failed', { path: req.url, error: String(error) });
      sendJson(res, 500, { retCode: 'FAIL', retMsg: 'system error' });
    });
  });
}
