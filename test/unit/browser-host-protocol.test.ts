import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES, parseClientMessage } from '../../main/browser-host/bridge-protocol.js';
import { BrowserHostError } from '../../main/browser-host/errors.js';
import { parseBrowserHostArgs } from '../../main/browser-host/cli-options.js';

const parse = (text: string) => parseClientMessage(text, Buffer.byteLength(text));

describe('browser host: bridge message parsing', () => {
  it('reads auth and call frames', () => {
    expect(parse('{"auth":"abc"}')).toEqual({ kind: 'auth', token: 'abc' });
    expect(parse('{"id":7,"channel":"sale:current","payload":{}}')).toEqual({ kind: 'call', id: 7, channel: 'sale:current', payload: {} });
    expect(parse('{"id":0,"channel":"app:info"}')).toEqual({ kind: 'call', id: 0, channel: 'app:info', payload: undefined });
  });

  it('passes unknown channels and odd payloads through: host.invoke decides', () => {
    expect(parse('{"id":1,"channel":"no:such","payload":[1,2]}')).toMatchObject({ kind: 'call', channel: 'no:such', payload: [1, 2] });
  });

  it('answers oversized frames with MESSAGE_TOO_LARGE before parsing them', () => {
    const big = JSON.stringify({ id: 1, channel: 'sale:addCustom', payload: { name: 'x'.repeat(MAX_MESSAGE_BYTES) } });
    expect(parse(big)).toEqual({ kind: 'invalid', id: null, code: 'MESSAGE_TOO_LARGE', message: expect.any(String) });
    const exact = `{"auth":"${'a'.repeat(MAX_MESSAGE_BYTES - 11)}"}`;
    expect(Buffer.byteLength(exact)).toBe(MAX_MESSAGE_BYTES);
    expect(parse(exact).kind).toBe('auth');
  });

  it.each([
    ['not json', 'BAD_JSON'],
    ['{"id":1,', 'BAD_JSON'],
    ['', 'BAD_JSON'],
    ['null', 'BAD_MESSAGE'],
    ['[1,2]', 'BAD_MESSAGE'],
    ['"text"', 'BAD_MESSAGE'],
    ['{"auth":42}', 'BAD_MESSAGE'],
    ['{"channel":"app:info"}', 'BAD_MESSAGE'],
    ['{"id":-1,"channel":"app:info"}', 'BAD_MESSAGE'],
    ['{"id":1.5,"channel":"app:info"}', 'BAD_MESSAGE'],
    ['{"id":"1","channel":"app:info"}', 'BAD_MESSAGE'],
    ['{"id":1e300,"channel":"app:info"}', 'BAD_MESSAGE'],
  ])('answers %j with %s', (text, code) => {
    expect(parse(text)).toMatchObject({ kind: 'invalid', id: null, code });
  });

  it('keeps the id when only the channel is wrong, so the caller can be answered', () => {
    expect(parse('{"id":3}')).toMatchObject({ kind: 'invalid', id: 3, code: 'BAD_MESSAGE' });
    expect(parse(`{"id":3,"channel":"${'c'.repeat(101)}"}`)).toMatchObject({ kind: 'invalid', id: 3 });
    expect(parse('{"id":3,"channel":{"toString":"x"}}')).toMatchObject({ kind: 'invalid', id: 3 });
  });

  it('refuses binary frames', () => {
    expect(parseClientMessage('', 10, true)).toMatchObject({ kind: 'invalid', code: 'BAD_MESSAGE' });
  });

  it('does not let "__proto__" keys change anything', () => {
    const message = parse('{"__proto__":{"auth":"x"},"id":1,"channel":"app:info"}');
    expect(message).toMatchObject({ kind: 'call', id: 1 });
  });
});

describe('browser host: command line', () => {
  const env = { POS_DATA_DIR: '/data/pos' };

  it('defaults to POS_DATA_DIR and a random port', () => {
    expect(parseBrowserHostArgs([], env)).toEqual({ dataDir: '/data/pos', port: 0, help: false });
  });

  it('reads every flag', () => {
    expect(parseBrowserHostArgs(['--data-dir', '/tmp/x', '--port', '8080', '--gateway', 'http://127.0.0.1:1', '--mch-id', 'M1', '--key=K'], env)).toEqual({
      dataDir: '/tmp/x', port: 8080, help: false, gatewayOverrides: { gatewayUrl: 'http://127.0.0.1:1', mchId: 'M1', key: 'K' },
    });
  });

  it.each([
    [['--port', '70000']], [['--port', '-1']], [['--port', 'abc']], [['--port', '8080', '--port', '8081']], [['--port']],
    [['--bogus']], [['stray']], [['--gateway', 'http://x']], [['--data-dir', '']], [['--mch-id', 'M', '--key', 'K']],
  ])('refuses %j with BAD_ARGUMENT', (args) => {
    expect(() => parseBrowserHostArgs(args, env)).toThrow(expect.objectContaining({ code: 'BAD_ARGUMENT' }) as BrowserHostError);
  });
});
