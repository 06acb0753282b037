// Signs, sends and checks one IOTPay request, and turns every way it can go wrong into a typed error with
// the right money outcome (errors.ts). Never retries: whether a retry is safe is the caller's decision.
import {
  GatewayServerError,
  GatewayUnavailableError,
  MalformedResponseError,
  ResponseLostError,
  ResponseSignatureError,
  RequestRejectedError,
  SignatureRejectedError,
} from './errors.js';
import { sign, signableFields, verify, type SignParams } from './sign.js';
import { TransportError, type HttpTransport, type TransportResponse } from './transport.js';
import type { Logger } from '../shared/logger.js';

export type JsonObject = Record<string, unknown>;

export interface SenderConfig {
  key: string;
  v1BaseUrl: string;
  v3BaseUrl: string;
  transport: HttpTransport;
  logger: Logger;
  /** See ClientSettings.acceptUnsignedCardResponses: off means an unsigned v3 SUCCESS is refused. */
  acceptUnsignedCardResponses: boolean;
}

/** Tells the operator why an unsigned v3 SUCCESS was refused and which setting would accept it. */
export const UNSIGNED_V3_HINT =
  'IOTPay documents no v3 response signature; if this gateway never signs card responses, set ' +
  'gateway.acceptUnsignedCardResponses to true in settings.json (card outcomes are then confirmed by cc_query and signed notifications)';

/** A retCode=FAIL message that means our signature (key or mchId) is wrong, per docs/iotpay-api.md §5.1's variants. */
const SIGNATURE_COMPLAINT = /sign/i;

function joinUrl(base: string, endpoint: string): string {
  return `${base.replace(/\/+$/, '')}/${endpoint}`;
}

export class RequestSender {
  constructor(private readonly config: SenderConfig) {}

  /** v1: `application/x-www-form-urlencoded` with one field `params` holding the signed JSON (docs/iotpay-api.md §1). */
  async postV1(endpoint: string, params: SignParams, timeoutMs: number): Promise<JsonObject> {
    const signed = { ...params, sign: sign(params, this.config.key) };
    const body = new URLSearchParams({ params: JSON.stringify(signed) }).toString();
    const response = await this.send(joinUrl(this.config.v1BaseUrl, endpoint), 'application/x-www-form-urlencoded', body, timeoutMs);
    const json = this.parse(endpoint, response);
    if (json.retCode === 'FAIL') throw this.rejection(json);
    if (json.retCode !== 'SUCCESS') throw new MalformedResponseError(`${endpoint}: retCode is ${String(json.retCode)}`);
    // A SUCCESS envelope must be signed over its top-level scalars (docs/iotpay-api.md §2.3); unsigned is untrusted.
    if (!verify(json, this.config.key)) throw new ResponseSignatureError(`${endpoint}: response signature missing or wrong`);
    return json;
  }

  /**
   * v3: raw JSON body (docs/iotpay-api.md §4.0). IOTPay documents no signature on v3 synchronous responses (docs/iotpay-api.md §2), but
   * an unsigned SUCCESS is untrusted like any other, so it is refused unless the merchant opted out with
   * `acceptUnsignedCardResponses` (the sandbox always signs). A `sign` that is present is always checked over
   * `retData`'s scalars; card outcomes are confirmed by cc_query and by the signed notification in any case.
   */
  async postV3(endpoint: string, params: SignParams, timeoutMs: number): Promise<JsonObject> {
    const body = JSON.stringify({ ...params, sign: sign(params, this.config.key) });
    const response = await this.send(joinUrl(this.config.v3BaseUrl, endpoint), 'application/json;charset=UTF-8', body, timeoutMs);
    const json = this.parse(endpoint, response);
    if (json.retCode === 'FAIL') throw this.rejection(json);
    if (json.retCode !== 'SUCCESS') throw new MalformedResponseError(`${endpoint}: retCode is ${String(json.retCode)}`);
    const retData = json.retData;
    if (typeof retData !== 'object' || retData === null || Array.isArray(retData)) {
      throw new MalformedResponseError(`${endpoint}: SUCCESS without retData`);
    }
    if (json.sign === undefined || json.sign === null || json.sign === '') {
      if (!this.config.acceptUnsignedCardResponses) throw new ResponseSignatureError(`${endpoint}: response is unsigned. ${UNSIGNED_V3_HINT}`);
      this.config.logger.warn('unsigned v3 response accepted (acceptUnsignedCardResponses)', { endpoint });
      return retData as JsonObject;
    }
    const data = { ...signableFields(retData as JsonObject), sign: json.sign };
    if (!verify(data, this.config.key)) throw new ResponseSignatureError(`${endpoint}: response signature wrong`);
    return retData as JsonObject;
  }

  private async send(url: string, contentType: string, body: string, timeoutMs: number): Promise<TransportResponse> {
    let response: TransportResponse;
    try {
      response = await this.config.transport({ url, contentType, body, timeoutMs });
    } catch (err) {
      throw this.transportFailure(url, err);
    }
    if (response.status >= 500) throw new GatewayServerError(response.status, `HTTP ${response.status} from ${url}`);
    // 4xx and redirects are not IOTPay answers; the gateway or a proxy may still have acted on the body.
    if (response.status !== 200) throw new MalformedResponseError(`HTTP ${response.status} from ${url}`);
    return response;
  }

  private transportFailure(url: string, err: unknown): Error {
    if (!(err instanceof TransportError)) return new ResponseLostError(`${url}: ${String(err)}`);
    switch (err.kind) {
      case 'not_sent':
        return new GatewayUnavailableError(`cannot reach ${new URL(url).host}: ${err.message}`);
      case 'timeout':
        return new ResponseLostError(`${url}: ${err.message}`);
      case 'lost':
        return new ResponseLostError(`${url}: connection lost (${err.causeCode ?? err.message})`);
    }
  }

  private parse(endpoint: string, response: TransportResponse): JsonObject {
    let json: unknown;
    try {
      json = JSON.parse(response.body);
    } catch {
      this.config.logger.warn('unparsable response', { endpoint, bytes: response.body.length });
      throw new MalformedResponseError(`${endpoint}: response is not JSON`);
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new MalformedResponseError(`${endpoint}: response is not a JSON object`);
    }
    return json as JsonObject;
  }

  private rejection(json: JsonObject): Error {
    const message = typeof json.retMsg === 'string' && json.retMsg !== '' ? json.retMsg : 'request rejected';
    return SIGNATURE_COMPLAINT.test(message) ? new SignatureRejectedError(message) : new RequestRejectedError(message);
  }
}
