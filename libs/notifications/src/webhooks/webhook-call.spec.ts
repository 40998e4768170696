import type { LookupAddress } from 'node:dns';
import { createServer, IncomingHttpHeaders, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { callWebhook, WebhookCallOptions } from './webhook-call';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

// A receiver on 127.0.0.1 that answers as each test says.
async function receiver(answer: (response: ServerResponse) => void = (r) => r.end('ok')) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      answer(response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    received,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// A resolver that answers every name with these addresses and counts its lookups.
function resolvingTo(...addresses: string[]) {
  const lookups: string[] = [];
  const resolve = (hostname: string): Promise<LookupAddress[]> => {
    lookups.push(hostname);
    return Promise.resolve(
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );
  };
  return { resolve, lookups };
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };
const open: WebhookCallOptions = { timeoutMs: 2000, allowPrivateNetworks: true };
const closed: WebhookCallOptions = { timeoutMs: 2000, allowPrivateNetworks: false };

describe('callWebhook', () => {
  let server: Awaited<ReturnType<typeof receiver>>;
  afterEach(() => server?.close());

  describe('without private networks', () => {
    it('refuses a name that resolves to a loopback address, before connecting', async () => {
      server = await receiver();
      const dns = resolvingTo('127.0.0.1');
      const result = await callWebhook(
        `http://crm.example.test:${server.port}/hook`,
        JSON_HEADERS,
        '{}',
        { ...closed, resolve: dns.resolve },
      );
      expect(result).toEqual({
        ok: false,
        statusCode: null,
        error: 'crm.example.test resolves to a private address 127.0.0.1 (loopback)',
        attemptedAt: expect.any(Date),
        durationMs: expect.any(Number),
      });
      expect(dns.lookups).toEqual(['crm.example.test']);
      expect(server.received).toHaveLength(0);
    });

    it.each([
      [['203.0.114.7', '10.0.0.5'], 'a private address 10.0.0.5 (private network)'],
      [['::ffff:a9fe:a9fe'], 'a private address ::ffff:a9fe:a9fe (link-local, IPv4 in IPv6)'],
      [['2606:4700::1', 'fd00::5'], 'a private address fd00::5 (unique-local)'],
      [['64:ff9b::a00:5'], 'a private address 64:ff9b::a00:5 (NAT64)'],
    ])('refuses when any of %j is private', async (addresses, problem) => {
      const dns = resolvingTo(...addresses);
      const result = await callWebhook('https://crm.example.test/hook', JSON_HEADERS, '{}', {
        ...closed,
        resolve: dns.resolve,
      });
      expect(result).toMatchObject({
        ok: false,
        statusCode: null,
        error: `crm.example.test resolves to ${problem}`,
      });
    });

    it('refuses an address in the URL itself without a lookup', async () => {
      server = await receiver();
      const dns = resolvingTo('8.8.8.8');
      const result = await callWebhook(`http://127.0.0.1:${server.port}/hook`, {}, '{}', {
        ...closed,
        resolve: dns.resolve,
      });
      expect(result).toMatchObject({
        ok: false,
        error: '127.0.0.1 is a private address (loopback)',
      });
      expect(dns.lookups).toEqual([]);
      expect(server.received).toHaveLength(0);
    });
  });

  describe('with private networks', () => {
    it('connects to the address it resolved and checked, not to a second lookup', async () => {
      server = await receiver((r) => r.writeHead(204).end());
      // A rebinding name: the second answer would point elsewhere.
      const answers = ['127.0.0.1', '192.0.2.1'];
      const lookups: string[] = [];
      const resolve = (hostname: string) => {
        lookups.push(hostname);
        return Promise.resolve([{ address: answers.shift()!, family: 4 }]);
      };
      const result = await callWebhook(
        `http://receiver.example.test:${server.port}/hook?k=1`,
        JSON_HEADERS,
        '{"n":1}',
        { ...open, resolve },
      );
      expect(result).toMatchObject({ ok: true, statusCode: 204 });
      expect(lookups).toEqual(['receiver.example.test']);
      // The name the URL gave, not the address connected to.
      expect(server.received[0].headers.host).toBe(`receiver.example.test:${server.port}`);
    });

    it('posts the body and headers as given, with our user agent', async () => {
      server = await receiver();
      const body = JSON.stringify({ project: '空き家バンクの立て直し' });
      const result = await callWebhook(
        `http://127.0.0.1:${server.port}/hooks/tsunagu`,
        { ...JSON_HEADERS, 'Tsunagu-Event': 'APPLICATION_SUBMITTED' },
        body,
        open,
      );
      expect(result).toMatchObject({ ok: true, statusCode: 200 });
      expect(server.received).toEqual([
        {
          body,
          headers: expect.objectContaining({
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(body)),
            'tsunagu-event': 'APPLICATION_SUBMITTED',
            'user-agent': 'Tsunagu-Webhooks/1',
          }),
        },
      ]);
    });
  });

  describe('outcomes', () => {
    it('does not follow a redirect', async () => {
      server = await receiver((r) => r.writeHead(302, { location: '/elsewhere' }).end());
      const result = await callWebhook(`http://127.0.0.1:${server.port}/hook`, {}, '{}', open);
      expect(result).toMatchObject({
        ok: false,
        statusCode: 302,
        error: 'HTTP 302: redirects are not followed',
      });
      expect(server.received).toHaveLength(1);
    });

    it('keeps a whitespace-collapsed excerpt of at most 200 bytes of a failed answer', async () => {
      server = await receiver((r) =>
        r.writeHead(500).end(`database is\n  down ${'x'.repeat(1000)}`),
      );
      const result = await callWebhook(`http://127.0.0.1:${server.port}/hook`, {}, '{}', open);
      expect(result).toMatchObject({ ok: false, statusCode: 500 });
      const { error } = result as { error: string };
      expect(error).toMatch(/^HTTP 500: database is down x+$/);
      // "\n  " became one space.
      expect(error.length).toBe('HTTP 500: '.length + 200 - 2);
    });

    it('reports a bare status when the failed answer has no body', async () => {
      server = await receiver((r) => r.writeHead(503).end());
      const result = await callWebhook(`http://127.0.0.1:${server.port}/hook`, {}, '{}', open);
      expect(result).toMatchObject({ ok: false, statusCode: 503, error: 'HTTP 503' });
    });

    it('gives up after the timeout, waiting for an answer', async () => {
      server = await receiver(() => undefined);
      const result = await callWebhook(`http://127.0.0.1:${server.port}/hook`, {}, '{}', {
        ...open,
        timeoutMs: 200,
      });
      expect(result).toMatchObject({
        ok: false,
        statusCode: null,
        error: 'no response within 200 ms',
      });
      expect((result as { durationMs: number }).durationMs).toBeLessThan(1500);
    });

    it('keeps the status of an answer whose body stalls past the timeout', async () => {
      server = await receiver((r) => {
        r.writeHead(500);
        r.write('partial');
      });
      const result = await callWebhook(`http://127.0.0.1:${server.port}/hook`, {}, '{}', {
        ...open,
        timeoutMs: 300,
      });
      expect(result).toMatchObject({ ok: false, statusCode: 500, error: 'HTTP 500: partial' });
    });

    it('counts a slow lookup against the timeout', async () => {
      const result = await callWebhook('https://crm.example.test/hook', {}, '{}', {
        ...open,
        timeoutMs: 200,
        resolve: () => new Promise(() => undefined),
      });
      expect(result).toMatchObject({ ok: false, error: 'no response within 200 ms' });
    });

    it('reports a failed lookup or a refused connection', async () => {
      const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND crm.example.test'), {
        code: 'ENOTFOUND',
      });
      const lookupFailed = await callWebhook('https://crm.example.test/hook', {}, '{}', {
        ...open,
        resolve: () => Promise.reject(notFound),
      });
      expect(lookupFailed).toMatchObject({
        ok: false,
        statusCode: null,
        error: 'getaddrinfo ENOTFOUND crm.example.test',
      });

      server = await receiver();
      const port = server.port;
      await server.close();
      const refused = await callWebhook(`http://127.0.0.1:${port}/hook`, {}, '{}', open);
      expect(refused).toMatchObject({ ok: false, statusCode: null });
      expect((refused as { error: string }).error).toMatch(/ECONNREFUSED/);
    });
  });
});
