import type { AddressInfo } from 'node:net';
import type { SMTPServer } from 'smtp-server';

// Starts an SMTP server on a free loopback port and returns its smtp:// URL. A sender that dies
// mid-conversation (a worker killed while sending) resets its connection: the sender's failure,
// which must not take this process down with it.
export async function listenOnLoopback(server: SMTPServer): Promise<string> {
  server.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    // Port 0: the kernel picks a free port at bind time, so nothing can take it in between.
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return `smtp://127.0.0.1:${port}`;
}
