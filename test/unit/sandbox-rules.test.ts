// Pure rules of the sandbox: body parsing, field checks, wallet codes and scenarios, Luhn, fault PRNG, CLI flags.
import { describe, expect, it } from 'vitest';
import { CliUsageError, parseCliOptions } from '../../main/sandbox/cli-options.js';
import { Faults, FaultConfigError, parseFaultSpec, seededRandom } from '../../main/sandbox/faults.js';
import { isWalletCode, passesLuhn, scenarioFor } from '../../main/sandbox/scenarios.js';
import { centsOf } from '../../main/sandbox/validate.js';
import { checkCreate } from '../../main/sandbox/v1-validate.js';
import { parseV1Body, parseV3Body } from '../../main/sandbox/wire-parse.js';
import { isLoopbackUrl } from '../../main/sandbox/notify.js';

describe('v1 body parsing', () => {
  it('reads URL-encoded params', () => {
    const body = new URLSearchParams({ params: JSON.stringify({ subject: 'a+b&c' }) }).toString();
    expect(parseV1Body(body)).toEqual({ subject: 'a+b&c' });
  });

  it('reads a raw PHP body verbatim, keeping + and & and decoding \\/ and \\u escapes', () => {
    const body = 'params={"subject":"Tea + cake & \\u4e2d","notifyUrl":"http:\\/\\/127.0.0.1\\/n"}';
    expect(parseV1Body(body)).toEqual({ subject: 'Tea + cake & 中', notifyUrl: 'http://127.0.0.1/n' });
  });

  it('refuses anything that is not params=<json object>', () => {
    for (const body of ['', 'params=', 'params=[1]', 'params=null', 'other={}', 'params={"a":', '{"a":1}']) {
      expect(parseV1Body(body), body).toBeNull();
    }
  });

  it('v3 takes a raw JSON object only', () => {
    expect(parseV3Body('{"a":1}')).toEqual({ a: 1 });
    expect(parseV3Body('[1]')).toBeNull();
    expect(parseV3Body('params={"a":1}')).toBeNull();
  });
});

describe('field rules', () => {
  const good = {
    mchOrderNo: 'A1', channelId: 'WX_NATIVE', currency: 'CNY', amount: 100, clientIp: '127.0.0.1',
    notifyUrl: 'http://127.0.0.1/n', subject: 's', body: 'b', jobNo: 'c1', extra: '{"productId":"p"}',
  };

  it('accepts amounts as positive whole cents, as numbers or digit strings', () => {
    expect(centsOf(1)).toBe(1);
    expect(centsOf('2856')).toBe(2856);
    for (const bad of [0, -1, 1.5, '1.50', '', 'abc', null, 1e12, Number.NaN]) expect(centsOf(bad), String(bad)).toBeNull();
  });

  it('names the first problem with the documented text', () => {
    expect(checkCreate(good).ok).toBe(true);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...good, subject: '' }, 'subject is required'],
      [{ ...good, subject: 'x'.repeat(65) }, 'subject exceeds 64 characters'],
      [{ ...good, amount: 0 }, 'amount must be a positive integer number of cents'],
      [{ ...good, channelId: 'WX_PAY' }, 'channelId WX_PAY is not supported'],
      [{ ...good, channelId: 'ALIPAY_QR' }, 'currency CNY is not supported for ALIPAY_QR'],
      [{ ...good, extra: '{}' }, 'extra.productId is required for WX_NATIVE'],
      [{ ...good, channelId: 'WX_APP', currency: 'CAD', extra: '{"type":"apppay"}' }, 'extra.appId is required for WX_APP'],
      [{ ...good, channelId: 'WX_MICROPAY', currency: 'CAD', codeType: 'barcode' }, 'identityCode is required'],
      [{ ...good, extra: { productId: 'p' } }, 'extra must be a string'],
    ];
    for (const [params, message] of cases) expect(checkCreate(params)).toEqual({ ok: false, message });
  });
});

describe('wallet codes and scenarios', () => {
  it('checks each wallet format', () => {
    expect(isWalletCode('WX_MICROPAY', '134567890123456701')).toBe(true);
    expect(isWalletCode('WX_MICROPAY', '164567890123456701')).toBe(false);
    expect(isWalletCode('WX_MICROPAY', '13456789012345670')).toBe(false);
    expect(isWalletCode('ALIPAY_MICROPAY', '2812345678901201')).toBe(true);
    expect(isWalletCode('ALIPAY_MICROPAY', '3112345678901201')).toBe(false);
    expect(isWalletCode('UPI_MICROPAY', '6212345678901234501')).toBe(true);
    expect(isWalletCode('UPI_MICROPAY', '621234567890123450')).toBe(false);
  });

  it('maps the last two digits to the scenario table', () => {
    expect(['01', '02', '03', '04', '05', '06', '07', '08', '99'].map((d) => scenarioFor(`13456789012345${d}`))).toEqual([
      'paid', 'password-then-paid', 'password-then-cancelled', 'insufficient-funds',
      'charged-then-dropped', 'charged-then-slow', 'invalid-code', 'paid', 'paid',
    ]);
  });

  it('Luhn accepts the test cards and refuses a typo', () => {
    expect(passesLuhn('4242424242424242')).toBe(true);
    expect(passesLuhn('4000000000000002')).toBe(true);
    expect(passesLuhn('4242424242424241')).toBe(false);
    expect(passesLuhn('42a2')).toBe(false);
  });

  it('treats only loopback notify URLs as reachable', () => {
    expect(isLoopbackUrl('http://127.0.0.1:9/n')).toBe(true);
    expect(isLoopbackUrl('http://localhost/n')).toBe(true);
    expect(isLoopbackUrl('http://[::1]:8/n')).toBe(true);
    for (const url of ['https://pos.example.com/n', 'http://10.0.0.1/n', 'http://127.0.0.1.evil.com/', 'not a url', 'file:///etc']) {
      expect(isLoopbackUrl(url), url).toBe(false);
    }
  });
});

describe('faults', () => {
  it('the PRNG repeats for a seed and differs between seeds', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
  });

  it('same seed and rates give the same fault sequence', () => {
    const run = () => {
      const faults = new Faults(7);
      faults.setRates({ drop: 0.2, '5xx': 0.2, malformed: 0.1 });
      return Array.from({ length: 50 }, () => faults.decide('/v1/query_order').kind);
    };
    const first = run();
    expect(run()).toEqual(first);
    expect(new Set(first)).toEqual(new Set([null, 'drop', '5xx', 'malformed']));
  });

  it('an injected fault hits only the matching path, count times', () => {
    const faults = new Faults(1);
    faults.inject({ kind: 'drop', path: 'create_order', count: 2 });
    expect(faults.decide('/v1/query_order').kind).toBeNull();
    expect(faults.decide('/v1/create_order').kind).toBe('drop');
    expect(faults.decide('/v1/create_order').kind).toBe('drop');
    expect(faults.decide('/v1/create_order').kind).toBeNull();
  });

  it('refuses bad rates and specs', () => {
    expect(() => new Faults(1).setRates({ drop: 2 })).toThrow(FaultConfigError);
    expect(() => new Faults(1).setRates({ explode: 0.1 })).toThrow(FaultConfigError);
    expect(parseFaultSpec('drop=0.2,5xx=0.1,latency=300')).toEqual({ rates: { drop: 0.2, '5xx': 0.1 }, latencyMs: 300 });
    expect(() => parseFaultSpec('drop')).toThrow(FaultConfigError);
    expect(() => parseFaultSpec('drop=x')).toThrow(FaultConfigError);
    expect(parseFaultSpec('unsigned=0.1,badsign=0.2')).toEqual({ rates: { unsigned: 0.1, badsign: 0.2 }, latencyMs: 0 });
    expect(() => parseFaultSpec('unsigned=1.5')).toThrow(FaultConfigError);
  });

  it('unsigned is a fault kind of its own, by rate and injected', () => {
    const faults = new Faults(1);
    faults.setRates({ unsigned: 1 });
    expect(faults.decide('/v3/cc_query').kind).toBe('unsigned');
    faults.setRates({});
    faults.inject({ kind: 'unsigned', path: 'cc_query' });
    expect(faults.decide('/v1/create_order').kind).toBeNull();
    expect(faults.decide('/v3/cc_query').kind).toBe('unsigned');
  });
});

describe('CLI flags', () => {
  it('parses every flag', () => {
    const options = parseCliOptions(['--port', '0', '--control-port', '9001', '--mch-id', '10000001', '--key', 'K', '--ledger', '/tmp/l.json', '--faults', 'drop=0.5', '--seed', '9']);
    expect(options).toMatchObject({ port: 0, controlPort: 9001, mchId: '10000001', key: 'K', ledgerFile: '/tmp/l.json', seed: 9, faults: { rates: { drop: 0.5 }, latencyMs: 0 } });
    expect(parseCliOptions(['--faults', 'unsigned=0.1']).faults).toEqual({ rates: { unsigned: 0.1 }, latencyMs: 0 });
  });

  it('refuses bad flags with a usage error', () => {
    for (const argv of [['--port', 'x'], ['--port', '70000'], ['--nope'], ['--faults', 'drop=9'], ['--seed', '-1'], ['stray']]) {
      expect(() => parseCliOptions(argv), argv.join(' ')).toThrow(CliUsageError);
    }
  });
});
