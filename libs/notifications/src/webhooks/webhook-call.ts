import type { IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupAddress } from 'node:dns';
import { HostResolver, pinnedLookup, systemResolver, vetWebhookHost } from './webhook-host';

// One HTTP call to a receiver, reduced to what we keep: the status code or why there was none,
// and how long it took. Redirects are not followed (the receiver must answer at the URL it
// registered), and of a failed response only a short excerpt of the body is read. node:http(s)
// rather than fetch, because only they let us choose the address the socket connects to.
export const WEBHOOK_USER_AGENT = 'Tsunagu-Webhooks/1';
const EXCERPT_BYTES = 200;
export const WEBHOOK_ERROR_MAX = 500;

export type WebhookCallResult =
  | { ok: true; statusCode: number; attemptedAt: Date; durationMs: number }
  | { ok: false; statusCode: number | null; error: string; attemptedAt: Date; durationMs: number };

export interface WebhookCallOptions {
  // The whole call, from resolving the host to the excerpt of a failed answer.
  timeoutMs: number;
  // WEBHOOK_ALLOW_PRIVATE_NETWORKS: when false, a host that resolves to a loopback, private or
  // otherwise non-public address is not called.
  allowPrivateNetworks: boolean;
  // Tests resolve names of their choosing.
  resolve?: HostResolver;
}

export function truncate(text: string, max = WEBHOOK_ERROR_MAX): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

async function excerptOf(response: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= EXCERPT_BYTES) break;
    }
  } catch {
    // A body that breaks off still leaves the status code to report.
  } finally {
    response.destroy();
  }
  const text = Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8');
  return text
    .replace(/\uFFFD+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function describeError(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return `no response within ${timeoutMs} ms`;
  }
  // Node's own messages name the reason and the peer: "connect ECONNREFUSED 203.0.113.7:443",
  // "getaddrinfo ENOTFOUND crm.example.jp".
  return e?.message || String(error);
}

// The host's lookup counts against the timeout too, as it did with fetch.
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  // The reason is the TimeoutError DOMException of AbortSignal.timeout.
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function post(
  url: URL,
  addresses: LookupAddress[],
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
      {
        protocol: url.protocol,
        // TLS still checks the certificate against (and sends SNI for) this name.
        hostname: url.hostname.replace(/^\[|\]$/g, ''),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        headers: {
          'User-Agent': WEBHOOK_USER_AGENT,
          ...headers,
          'Content-Length': String(Buffer.byteLength(body)),
        },
        lookup: pinnedLookup(addresses),
        // A fresh connection per call: a pooled one might have been opened to an address
        // resolved (and allowed) earlier.
        agent: false,
        signal,
      },
      resolve,
    );
    request.on('error', reject);
    request.end(body);
  });
}

export async function callWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: WebhookCallOptions,
): Promise<WebhookCallResult> {
  const attemptedAt = new Date();
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const failed = (statusCode: number | null, error: string): WebhookCallResult => ({
    ok: false,
    statusCode,
    error: truncate(error),
    attemptedAt,
    durationMs: elapsed(),
  });
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const target = new URL(url);
    const host = await untilAborted(
      vetWebhookHost(target.hostname, {
        allowPrivateNetworks: options.allowPrivateNetworks,
        resolve: options.resolve ?? systemResolver,
      }),
      signal,
    );
    if (!host.ok) return failed(null, host.error);
    const response = await post(target, host.addresses, headers, body, signal);
    const statusCode = response.statusCode ?? 0;
    if (statusCode >= 200 && statusCode < 300) {
      response.destroy();
      return { ok: true, statusCode, attemptedAt, durationMs: elapsed() };
    }
    if (statusCode >= 300 && statusCode < 400) {
      response.destroy();
      return failed(statusCode, `HTTP ${statusCode}: redirects are not followed`);
    }
    const excerpt = await excerptOf(response);
    return failed(statusCode, excerpt ? `HTTP ${statusCode}: ${excerpt}` : `HTTP ${statusCode}`);
  } catch (error) {
    return failed(null, describeError(error, options.timeoutMs));
  }
}
