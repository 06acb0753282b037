// The transport must say exactly whether a request could have left: that decides "not charged" vs "unknown".
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeHttpTransport, TransportError } from '../../main/iotpay/transport.js';

const servers: Array<{ close(cb?: () => void): unknown }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((r) => s.close(() => r()))));
});

async function listen<T extends Server | ReturnType<typeof createTcpServer>>(server: T): Promise<string> {
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/create_order`;
}

async function failure(url: string, timeoutMs = 2000): Promise<TransportError> {
  const err = await nodeHttpTransport({ url, contentType: 'text/plain', body: 'x', timeoutMs }).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(TransportError);
  return err as TransportError;
}

describe('nodeHttpTransport', () => {
  it('returns status and body', async () => {
    const url = await listen(createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => res.writeHead(201).end(`got ${body} as ${req.headers['content-type']}`));
    }));
    await expect(nodeHttpTransport({ url, contentType: 'a/b', body: 'é', timeoutMs: 2000 })).resolves.toMatchObject({ status: 201, body: 'got é as a/b', headers: expect.objectContaining({ date: expect.any(String) }) });
  });

  it('a refused connection is not_sent', async () => {
    const probe = createTcpServer();
    const url = await listen(probe);
    await new Promise<void>((r) => probe.close(() => r()));
    servers.pop();
    expect((await failure(url)).kind).toBe('not_sent');
  });

  it('a connection destroyed after the request is lost', async () => {
    const url = await listen(createServer((req) => req.socket.destroy()));
    expect((await failure(url)).kind).toBe('lost');
  });

  it('a response cut off mid-body is lost', async () => {
    const url = await listen(createServer((_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"retCode":');
      setTimeout(() => res.socket?.destroy(), 20);
    }));
    expect((await failure(url)).kind).toBe('lost');
  });

  it('no answer within the timeout after connecting is timeout', async () => {
    const url = await listen(createServer(() => undefined));
    const err = await failure(url, 300);
    expect(err.kind).toBe('timeout');
    expect(err.message).toContain('300 ms');
  });

  it('refuses protocols other than http and https without sending', async () => {
    expect((await failure('file:///etc/passwd')).kind).toBe('not_sent');
  });
});
