// A loopback URL nothing listens on: a port the OS just handed out and took back. A live gateway that is down,
// so nothing leaves this machine.
import { createServer, type AddressInfo } from 'node:net';

export async function closedLoopbackUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
