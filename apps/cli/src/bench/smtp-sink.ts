import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  // smtp://127.0.0.1:<port>
  url: string;
  // Messages accepted so far.
  readonly received: number;
  close(): Promise<void>;
}

// An SMTP server on loopback that accepts every message, reads it to the end and throws it
// away, counting. Nothing is parsed or kept, so the receiving side costs both sides of the
// benchmark the same little.
export async function startSmtpSink(): Promise<SmtpSink> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: TLS would measure the handshake, not the pipeline.
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Pooled client connections still open at the end should not hold close() for 30 s.
    closeTimeout: 500,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.once('error', (error) => callback(error));
      stream.once('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    get received() {
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
