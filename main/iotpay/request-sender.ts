// Signs, sends and checks one IOTPay request, and turns every way it can go wrong into a typed error with
// the right money outcome (errors.ts) that keeps what the gateway said. Never retries: whether a retry is
// safe is the caller's decision. Which answers must be signed is signature-policy.ts's table.
import {
  GatewayServerError,
  GatewayUnavailableError,
  MalformedResponseError,
  ResponseLostError,
  ResponseSignatureError,
  RequestRejectedError,
  SignatureRejectedError,
  type GatewayAnswer,
} from './errors.js';
import { redactedText } from './redact.js';
import { sign, signableFields, verify, type SignParams } from './sign.js';
import type { SignaturePolicy, SignedAnswer } from './signature-policy.js';
import { TransportError, type HttpTransport, type TransportResponse } from './transport.js';
import type { Logger } from '../shared/logger.js';

export type JsonObject = Record<string, unknown>;

export interface SenderConfig {
  key: string;
  v1BaseUrl: string;
  v3BaseUrl: string;
  transport: HttpTransport;
  logger: Logger;
  policy: SignaturePolicy;
}

/** One answer that passed the envelope and signature checks. */
export interface GatewayReply {
  endpoint: string;
  httpStatus: number;
  /** The whole JSON envelope (v1: the answer; v3: `{retCode, retMsg, retData, sign?}`). */
  body: JsonObject;
  /** v3: `retData`; v1: the same object as `body`. */
  data: JsonObject;
  /** Whether the answer carried a `sign` (which then verified). False only where the policy allows it. */
  signed: boolean;
}

/** A retCode=FAIL message that means our signature (key or mchId) is wrong, per docs/iotpay-api.md §5.1's variants. */
const SIGNATURE_COMPLAINT = /sign/i;

function joinUrl(base: string, endpoint: string): string {
  return `${base.replace(/\/+$/, '')}/${endpoint}`;
}

function codeOf(json: JsonObject, name: string): string | undefined {
  const value = json[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function hasSign(json: JsonObject): boolean {
  return typeof json.sign === 'string' && json.sign !== '';
}

/** What the gateway said, for an error: endpoint, HTTP status, codes, and the answer redacted. */
export function answerOf(endpoint: string, httpStatus: number | undefined, body: JsonObject | string | undefined): GatewayAnswer {
  const json = typeof body === 'object' ? body : undefined;
  return {
    endpoint,
    httpStatus,
    retCode: json && codeOf(json, 'retCode'),
    resCode: json && codeOf(json, 'resCode'),
    errCode: json && codeOf(json, 'errCode'),
    rawAnswer: body === undefined ? undefined : redactedText(body),
  };
}

export function replyAnswer(reply: GatewayReply): GatewayAnswer {
  return answerOf(reply.endpoint, reply.httpStatus, reply.body);
}

/**
 * v1: a `sign` covers the top-level scalars except `payParams` (docs/iotpay-api.md §2.3, from xxpay's makeRetData).
 * Where payParams is itself a string (Alipay app pay), a signature that includes it is accepted too: either way
 * only a holder of the merchant key could have made it.
 */
export function v1SignatureHolds(json: JsonObject, key: string): boolean {
  if (verify(json, key)) return true;
  return typeof json.payParams === 'string' && verify({ ...signableFields(json), payParams: json.payParams, sign: json.sign }, key);
}

/** v3: the sandbox signs retData's scalars; a gateway that signs the envelope's scalars is accepted too (INFERRED). */
export function v3SignatureHolds(json: JsonObject, retData: JsonObject, key: string): boolean {
  return verify({ ...signableFields(retData), sign: json.sign }, key) || verify(json, key);
}

export class RequestSender {
  private readonly reportedUnsigned = new Set<string>();

  constructor(private readonly config: SenderConfig) {}

  get policy(): SignaturePolicy {
    return this.config.policy;
  }

  /** v1: `application/x-www-form-urlencoded` with one field `params` holding the signed JSON (docs/iotpay-api.md §1). */
  async postV1(endpoint: string, kind: SignedAnswer, params: SignParams, timeoutMs: number): Promise<GatewayReply> {
    const signed = { ...params, sign: sign(params, this.config.key) };
    const body = new URLSearchParams({ params: JSON.stringify(signed) }).toString();
    const response = await this.send(endpoint, joinUrl(this.config.v1BaseUrl, endpoint), 'application/x-www-form-urlencoded', body, timeoutMs);
    const json = this.parse(endpoint, response);
    if (json.retCode === 'FAIL') throw this.rejection(endpoint, response.status, json);
    if (json.retCode !== 'SUCCESS') throw new MalformedResponseError(`${endpoint}: retCode is ${String(json.retCode)}`, answerOf(endpoint, response.status, json));
    const isSigned = this.checkSignature(endpoint, kind, response.status, json, () => v1SignatureHolds(json, this.config.key));
    return { endpoint, httpStatus: response.status, body: json, data: json, signed: isSigned };
  }

  /** v3: raw JSON body (docs/iotpay-api.md §4.0); the data is `retData`. */
  async postV3(endpoint: string, kind: SignedAnswer, params: SignParams, timeoutMs: number): Promise<GatewayReply> {
    const body = JSON.stringify({ ...params, sign: sign(params, this.config.key) });
    const response = await this.send(endpoint, joinUrl(this.config.v3BaseUrl, endpoint), 'application/json;charset=UTF-8', body, timeoutMs);
    const json = this.parse(endpoint, response);
    if (json.retCode === 'FAIL') throw this.rejection(endpoint, response.status, json);
    if (json.retCode !== 'SUCCESS') throw new MalformedResponseError(`${endpoint}: retCode is ${String(json.retCode)}`, answerOf(endpoint, response.status, json));
    const retData = json.retData;
    if (typeof retData !== 'object' || retData === null || Array.isArray(retData)) {
      throw new MalformedResponseError(`${endpoint}: SUCCESS without retData`, answerOf(endpoint, response.status, json));
    }
    const data = retData as JsonObject;
    const isSigned = this.checkSignature(endpoint, kind, response.status, json, () => v3SignatureHolds(json, data, this.config.key));
    return { endpoint, httpStatus: response.status, body: json, data, signed: isSigned };
  }

  /** A present `sign` must verify; an absent one is allowed only where the policy row says `if-present`. */
  private checkSignature(endpoint: string, kind: SignedAnswer, status: number, json: JsonObject, holds: () => boolean): boolean {
    if (hasSign(json)) {
      if (!holds()) throw new ResponseSignatureError(`${endpoint}: response signature wrong`, answerOf(endpoint, status, json));
      return true;
    }
    if (this.config.policy[kind] === 'required') {
      throw new ResponseSignatureError(`${endpoint}: response is unsigned, and IOTPay signs this answer (${kind})`, answerOf(endpoint, status, json));
    }
    // Once per kind at info, then at debug: a polled query would otherwise log every 3 s.
    const first = !this.reportedUnsigned.has(kind);
    this.reportedUnsigned.add(kind);
    const note = 'unsigned answer accepted: IOTPay documents no signature here';
    if (first) this.config.logger.info(note, { endpoint, kind });
    else this.config.logger.debug(note, { endpoint, kind });
    return false;
  }

  private async send(endpoint: string, url: string, contentType: string, body: string, timeoutMs: number): Promise<TransportResponse> {
    let response: TransportResponse;
    try {
      response = await this.config.transport({ url, contentType, body, timeoutMs });
    } catch (err) {
      throw this.transportFailure(endpoint, url, err);
    }
    if (response.status >= 500) throw new GatewayServerError(response.status, `HTTP ${response.status} from ${url}`, answerOf(endpoint, response.status, response.body));
    // 4xx and redirects are not IOTPay answers; the gateway or a proxy may still have acted on the body.
    if (response.status !== 200) throw new MalformedResponseError(`HTTP ${response.status} from ${url}`, answerOf(endpoint, response.status, response.body));
    return response;
  }

  private transportFailure(endpoint: string, url: string, err: unknown): Error {
    const answer = { endpoint, cause: err };
    if (!(err instanceof TransportError)) return new ResponseLostError(`${url}: ${String(err)}`, answer);
    switch (err.kind) {
      case 'not_sent':
        return new GatewayUnavailableError(`cannot reach ${new URL(url).host}: ${err.message}`, answer);
      case 'timeout':
        return new ResponseLostError(`${url}: ${err.message}`, answer);
      case 'lost':
        return new ResponseLostError(`${url}: connection lost (${err.causeCode ?? err.message})`, answer);
    }
  }

  private parse(endpoint: string, response: TransportResponse): JsonObject {
    let json: unknown;
    try {
      json = JSON.parse(response.body);
    } catch (err) {
      this.config.logger.warn('unparsable response', { endpoint, bytes: response.body.length });
      throw new MalformedResponseError(`${endpoint}: response is not JSON`, { ...answerOf(endpoint, response.status, response.body), cause: err });
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new MalformedResponseError(`${endpoint}: response is not a JSON object`, answerOf(endpoint, response.status, response.body));
    }
    return json as JsonObject;
  }

  private rejection(endpoint: string, status: number, json: JsonObject): Error {
    const message = typeof json.retMsg === 'string' && json.retMsg !== '' ? json.retMsg : 'request rejected';
    const answer = answerOf(endpoint, status, json);
    return SIGNATURE_COMPLAINT.test(message) ? new SignatureRejectedError(message, answer) : new RequestRejectedError(message, answer);
  }
}
