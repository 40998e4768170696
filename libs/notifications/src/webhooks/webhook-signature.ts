import { createHmac, timingSafeEqual } from 'node:crypto';

// Stripe-style signatures: `Tsunagu-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>` over
// `${t}.${rawBody}`. The timestamp is signed too, so a captured call cannot be replayed after the
// receiver's tolerance window. Receivers must verify the raw body bytes, before parsing JSON.
export const SIGNATURE_HEADER = 'Tsunagu-Signature';
export const SIGNATURE_VERSION = 'v1';

export type WebhookVerification =
  | { valid: true; timestamp: number }
  | { valid: false; reason: 'malformed' | 'timestamp-out-of-tolerance' | 'signature-mismatch' };

function hmacHex(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

export function signWebhook(secret: string, body: string, now: Date = new Date()): string {
  const timestamp = Math.floor(now.getTime() / 1000);
  return `t=${timestamp},${SIGNATURE_VERSION}=${hmacHex(secret, timestamp, body)}`;
}

export function verifyWebhookSignature(
  secret: string,
  body: string,
  header: string | null | undefined,
  options: { toleranceSeconds?: number; now?: Date } = {},
): WebhookVerification {
  const { toleranceSeconds = 300, now = new Date() } = options;
  let timestamp: number | undefined;
  // Several v1 entries are allowed, as in Stripe's scheme, so a sender may sign with two secrets.
  const signatures: string[] = [];
  for (const part of (header ?? '').split(',')) {
    const [name, value, ...extra] = part.trim().split('=');
    if (extra.length > 0 || value === undefined) return { valid: false, reason: 'malformed' };
    if (name === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (name === SIGNATURE_VERSION && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  if (timestamp === undefined || signatures.length === 0) {
    return { valid: false, reason: 'malformed' };
  }
  // Both ways: a timestamp far in the future is as suspect as an old one.
  if (Math.abs(Math.floor(now.getTime() / 1000) - timestamp) > toleranceSeconds) {
    return { valid: false, reason: 'timestamp-out-of-tolerance' };
  }
  const expected = Buffer.from(hmacHex(secret, timestamp, body), 'hex');
  const matches = signatures.some((s) => timingSafeEqual(Buffer.from(s, 'hex'), expected));
  return matches ? { valid: true, timestamp } : { valid: false, reason: 'signature-mismatch' };
}
