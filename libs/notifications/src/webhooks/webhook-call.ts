// One HTTP call to a receiver, reduced to what we keep: the status code or why there was none,
// and how long it took. Redirects are not followed (the receiver must answer at the URL it
// registered), and of a failed response only a short excerpt of the body is read.
export const WEBHOOK_USER_AGENT = 'Tsunagu-Webhooks/1';
const EXCERPT_BYTES = 200;
export const WEBHOOK_ERROR_MAX = 500;

export type WebhookCallResult =
  | { ok: true; statusCode: number; attemptedAt: Date; durationMs: number }
  | { ok: false; statusCode: number | null; error: string; attemptedAt: Date; durationMs: number };

export function truncate(text: string, max = WEBHOOK_ERROR_MAX): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

async function excerptOf(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < EXCERPT_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } catch {
    // A body that breaks off still leaves the status code to report.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const text = Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8');
  return text
    .replace(/\uFFFD+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function describeError(error: unknown, timeoutMs: number): string {
  const e = error as {
    name?: string;
    message?: string;
    cause?: { code?: string; message?: string };
  };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return `no response within ${timeoutMs} ms`;
  }
  // fetch reports network failures as "fetch failed" with the reason (ECONNREFUSED…) as cause.
  const cause = e?.cause?.code ?? e?.cause?.message;
  return cause ? `${e.message ?? 'request failed'}: ${cause}` : (e?.message ?? String(error));
}

export async function callWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<WebhookCallResult> {
  const attemptedAt = new Date();
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'User-Agent': WEBHOOK_USER_AGENT, ...headers },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const statusCode = response.status;
    if (statusCode >= 200 && statusCode < 300) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: true, statusCode, attemptedAt, durationMs: elapsed() };
    }
    if (statusCode >= 300 && statusCode < 400) {
      await response.body?.cancel().catch(() => undefined);
      const error = `HTTP ${statusCode}: redirects are not followed`;
      return { ok: false, statusCode, error, attemptedAt, durationMs: elapsed() };
    }
    const excerpt = await excerptOf(response);
    const error = truncate(excerpt ? `HTTP ${statusCode}: ${excerpt}` : `HTTP ${statusCode}`);
    return { ok: false, statusCode, error, attemptedAt, durationMs: elapsed() };
  } catch (error) {
    return {
      ok: false,
      statusCode: null,
      error: truncate(describeError(error, timeoutMs)),
      attemptedAt,
      durationMs: elapsed(),
    };
  }
}
