// Every IotPayError keeps what the gateway said: endpoint, HTTP status, retCode/resCode/errCode, a redacted copy
// of the raw answer (no sign, no key, payment codes masked) and its cause; the journal's failureMessage carries
// the compact form the manager's technical details show.
import { describe, expect, it } from 'vitest';
import {
  DeclinedError, GatewayServerError, GatewayUnavailableError, IotPayError, MalformedResponseError, ResponseLostError,
  SignatureRejectedError, UnrecognisedFailureError, ValidationError, createIotPayClient,
} from '../../main/iotpay/index.js';
import { redactAnswer, redactedText } from '../../main/iotpay/redact.js';
import { sign, signableFields } from '../../main/iotpay/sign.js';
import { TransportError, type HttpTransport } from '../../main/iotpay/transport.js';
import { attemptOutcome } from '../../main/payments/attempt-outcome.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';

const KEY = 'DETAILKEY1';
function clientWith(transport: HttpTransport) {
  return createIotPayClient({
    mchId: '10000701', key: KEY, loginName: 'cashier01', clientIp: '127.0.0.1', notifyUrl: 'http://127.0.0.1/n',
    v1BaseUrl: 'http://gw.test/v1/', transport, logger: createLogger('t', silentSink),
  });
}
const answering = (status: number, body: string | Record<string, unknown>): HttpTransport => async () => ({ status, body: typeof body === 'string' ? body : JSON.stringify(body) });
const signed = (body: Record<string, unknown>) => ({ ...body, sign: sign(signableFields(body), KEY) });
const scan = { mchOrderNo: 'T1P1', amountCents: 500, currency: 'CAD', subject: 'S', body: 'B', channel: 'WX_MICROPAY', identityCode: '134567890123456704' } as const;

async function failure(p: Promise<unknown>): Promise<IotPayError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(IotPayError);
  return err as IotPayError;
}

describe('gateway errors keep what the gateway said', () => {
  it('a decline: endpoint, HTTP 200, the three codes, the answer redacted, and the compact failureMessage', async () => {
    const answer = signed({ retCode: 'SUCCESS', retMsg: 'insufficient funds', resCode: 'FAIL', errCode: 'INSUFFICIENT_FUNDS', errCodeDes: 'insufficient funds', identityCode: '134567890123456704', payOrderId: 'WM1' });
    const err = await failure(clientWith(answering(200, answer)).orders.createMicropay(scan));
    expect(err).toBeInstanceOf(DeclinedError);
    expect(err).toMatchObject({ endpoint: 'create_order', httpStatus: 200, retCode: 'SUCCESS', resCode: 'FAIL', errCode: 'INSUFFICIENT_FUNDS' });
    expect(err.rawAnswer).toContain('"errCode":"INSUFFICIENT_FUNDS"');
    expect(err.rawAnswer).not.toContain('"sign"');
    expect(err.rawAnswer).not.toContain('134567890123456704');
    expect(err.rawAnswer).toContain('"identityCode":"**************6704"');
    expect(err.gatewaySummary).toBe('create_order HTTP 200 retCode=SUCCESS resCode=FAIL errCode=INSUFFICIENT_FUNDS');
    expect(attemptOutcome(err)).toEqual({
      to: 'failed', failureCode: 'INSUFFICIENT_FUNDS',
      failureMessage: 'create_order HTTP 200 retCode=SUCCESS resCode=FAIL errCode=INSUFFICIENT_FUNDS — insufficient funds',
    });
  });

  it('a request refusal, an unknown errCode, a 5xx, a 4xx and garbage each carry their status and codes', async () => {
    const rejected = await failure(clientWith(answering(200, { retCode: 'FAIL', retMsg: 'signature error' })).orders.query({ mchOrderNo: 'T1P1' }));
    expect(rejected).toBeInstanceOf(SignatureRejectedError);
    expect(rejected.gatewaySummary).toBe('query_order HTTP 200 retCode=FAIL');
    const unknown = await failure(clientWith(answering(200, signed({ retCode: 'SUCCESS', resCode: 'FAIL', errCode: 'SYSTEMERROR' }))).orders.query({ mchOrderNo: 'T1P1' }));
    expect(unknown).toBeInstanceOf(UnrecognisedFailureError);
    expect(attemptOutcome(unknown)).toMatchObject({ to: 'unknown', failureMessage: expect.stringMatching(/^query_order HTTP 200 retCode=SUCCESS resCode=FAIL errCode=SYSTEMERROR — /) });
    const server = await failure(clientWith(answering(503, '<h1>503</h1>')).refunds.create({ mchRefundNo: 'R1', payOrderId: 'P1', amountCents: 1, currency: 'CAD' }));
    expect(server).toBeInstanceOf(GatewayServerError);
    expect(server).toMatchObject({ endpoint: 'refund_order', httpStatus: 503, rawAnswer: '<h1>503</h1>' });
    const proxy = await failure(clientWith(answering(404, 'not here')).orders.query({ mchOrderNo: 'T1P1' }));
    expect(proxy).toBeInstanceOf(MalformedResponseError);
    expect(proxy.gatewaySummary).toBe('query_order HTTP 404');
    const garbage = await failure(clientWith(answering(200, '{"retCode":"SUCC')).orders.query({ mchOrderNo: 'T1P1' }));
    expect(garbage).toMatchObject({ code: 'MALFORMED_RESPONSE', httpStatus: 200, rawAnswer: '{"retCode":"SUCC' });
    expect(garbage.cause).toBeInstanceOf(SyntaxError);
  });

  it('transport failures name the endpoint and keep the cause; a validation error has no gateway part', async () => {
    const lost = new TransportError('lost', 'socket hang up', 'ECONNRESET');
    const err = await failure(clientWith(async () => { throw lost; }).orders.query({ mchOrderNo: 'T1P1' }));
    expect(err).toBeInstanceOf(ResponseLostError);
    expect(err).toMatchObject({ endpoint: 'query_order', httpStatus: undefined, cause: lost });
    expect(err.gatewaySummary).toBe('query_order no HTTP answer');
    const down = await failure(clientWith(async () => { throw new TransportError('not_sent', 'connect ECONNREFUSED'); }).orders.query({ mchOrderNo: 'T1P1' }));
    expect(down).toBeInstanceOf(GatewayUnavailableError);
    expect(attemptOutcome(down)).toMatchObject({ to: 'failed', failureCode: 'OFFLINE' });
    const invalid = await failure(clientWith(answering(200, {})).orders.query({}));
    expect(invalid).toBeInstanceOf(ValidationError);
    expect(invalid.gatewaySummary).toBe('');
    expect(attemptOutcome(invalid).failureMessage).toBe('mchOrderNo/payOrderId: give exactly one of them');
  });
});

describe('redaction', () => {
  it('drops signatures and secrets at any depth, masks payment codes by name and bare wallet codes in text', () => {
    const raw = {
      sign: 'ABC', retCode: 'SUCCESS', identityCode: '289431869362714645', authCode: '6226123456789012345', note: 'code 134567890123456789 used',
      payParams: { appId: 'wx1', paySign: 'SECRET', sign: 'S2', package: 'Sign=WXPay' }, key: 'K', password: 'P', channelOrderNo: '4200001234202405011234567890',
    };
    const red = redactAnswer(raw);
    expect(red).toEqual({
      retCode: 'SUCCESS', identityCode: '**************4645', authCode: '***************2345', note: 'code **************6789 used',
      payParams: { appId: 'wx1', package: 'Sign=WXPay' },
      // A 28-digit wallet transaction id is not a payment code: kept for support.
      channelOrderNo: '4200001234202405011234567890',
    });
    expect(redactedText('{"retCode":"SUCCESS","sign":"ABCDEF","identityCode":"134567890123456789"')).toBe('{"retCode":"SUCCESS","sign":"[redacted]","identityCode":"**************6789"');
    expect(redactedText('x'.repeat(5000))).toHaveLength(2001);
  });
});
