import { verifyWebhookSignature, WebhookVerification } from '@tsunagu/notifications';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCall {
  path: string;
  headers: IncomingHttpHeaders;
  // The raw body, exactly as signed.
  body: string;
  json: any;
  // Checked against the secret the receiver knew when the call arrived.
  verification: WebhookVerification;
  // What the receiver answered.
  status: number;
}

export interface Reply {
  status: number;
  body?: string;
  delayMs?: number;
}

// A CRM stand-in on 127.0.0.1: records every call, verifies its signature the way a real
// receiver would (raw body, Tsunagu-Signature header), and answers as the test scripts it. A
// loopback address: the platform calling it needs WEBHOOK_ALLOW_PRIVATE_NETWORKS=true.
export class WebhookReceiver {
  readonly calls: ReceivedCall[] = [];
  private secret = '';
  private readonly script: Reply[] = [];
  private fallback: Reply = { status: 200, body: 'ok' };

  private readonly server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const reply = this.script.shift() ?? this.fallback;
      const body = Buffer.concat(chunks).toString('utf8');
      const signature = request.headers['tsunagu-signature'];
      let json: unknown = null;
      try {
        json = JSON.parse(body);
      } catch {
        // recorded as null: the test asserts on it
      }
      this.calls.push({
        path: request.url ?? '',
        headers: request.headers,
        body,
        json,
        verification: verifyWebhookSignature(
          this.secret,
          body,
          Array.isArray(signature) ? signature.join(',') : signature,
        ),
        status: reply.status,
      });
      setTimeout(() => {
        response.writeHead(reply.status, { 'content-type': 'text/plain' });
        response.end(reply.body ?? '');
      }, reply.delayMs ?? 0);
    });
  });
  url = '';

  static async start(path = '/hooks/tsunagu'): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.server.address() as AddressInfo;
    receiver.url = `http://127.0.0.1:${port}${path}`;
    return receiver;
  }

  // The endpoint's secret, as the organisation stores it after createWebhookEndpoint.
  useSecret(secret: string): this {
    this.secret = secret;
    return this;
  }

  // The next calls get these answers, in order; then the fallback.
  reply(...replies: Array<number | Reply>): this {
    this.script.push(...replies.map((r) => (typeof r === 'number' ? { status: r } : r)));
    return this;
  }

  // Every call without a scripted answer gets this one (200 at first).
  always(reply: number | Reply): this {
    this.fallback = typeof reply === 'number' ? { status: reply } : reply;
    return this;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
