import { signWebhook, verifyWebhookSignature } from './webhook-signature';

describe('webhook signatures', () => {
  const secret = 'a3f1c9e07b5d4c2e8f6a1b3c5d7e9f00112233445566778899aabbccddeeff00';
  const body = JSON.stringify({
    id: 'd1',
    type: 'APPLICATION_SUBMITTED',
    data: { project: '空き家' },
  });
  const sentAt = new Date('2027-04-01T09:00:00.000Z');
  const header = signWebhook(secret, body, sentAt);

  it('signs `${t}.${body}` with HMAC-SHA256 as t=<unix seconds>,v1=<hex>', () => {
    // Known answer, from: printf '%s' '1806570000.{"a":1}' | openssl dgst -sha256 -hmac test-secret
    expect(signWebhook('test-secret', '{"a":1}', sentAt)).toBe(
      't=1806570000,v1=43769f4966294fc22f44fc3d24f71711373ad67bf83239c6ee1dcc8cd7b77951',
    );
  });

  it('verifies a signature made with the same secret over the same body', () => {
    const seconds = Math.floor(sentAt.getTime() / 1000);
    expect(verifyWebhookSignature(secret, body, header, { now: sentAt })).toEqual({
      valid: true,
      timestamp: seconds,
    });
    // Within the tolerance window either way.
    const later = new Date(sentAt.getTime() + 299_000);
    expect(verifyWebhookSignature(secret, body, header, { now: later }).valid).toBe(true);
  });

  it('rejects a tampered body', () => {
    const tampered = body.replace('空き家', '空き地');
    expect(verifyWebhookSignature(secret, tampered, header, { now: sentAt })).toEqual({
      valid: false,
      reason: 'signature-mismatch',
    });
  });

  it('rejects a signature made with another secret', () => {
    const other = signWebhook('another-secret', body, sentAt);
    expect(verifyWebhookSignature(secret, body, other, { now: sentAt })).toEqual({
      valid: false,
      reason: 'signature-mismatch',
    });
  });

  it('rejects a timestamp outside the tolerance, old or in the future', () => {
    const late = new Date(sentAt.getTime() + 301_000);
    const early = new Date(sentAt.getTime() - 301_000);
    for (const now of [late, early]) {
      expect(verifyWebhookSignature(secret, body, header, { now })).toEqual({
        valid: false,
        reason: 'timestamp-out-of-tolerance',
      });
    }
    expect(
      verifyWebhookSignature(secret, body, header, { now: late, toleranceSeconds: 600 }).valid,
    ).toBe(true);
  });

  it('rejects a re-signed old timestamp: the timestamp is part of what is signed', () => {
    const v1 = header.split(',')[1];
    const moved = `t=${Math.floor(sentAt.getTime() / 1000) + 60},${v1}`;
    expect(verifyWebhookSignature(secret, body, moved, { now: sentAt })).toEqual({
      valid: false,
      reason: 'signature-mismatch',
    });
  });

  it.each([
    ['a missing header', undefined],
    ['an empty header', ''],
    ['no timestamp', header.split(',')[1]],
    ['no signature', header.split(',')[0]],
    ['a non-numeric timestamp', header.replace(/^t=\d+/, 't=soon')],
    ['a short signature', header.slice(0, -2)],
    ['a non-hex signature', header.replace(/v1=[0-9a-f]{4}/, 'v1=zzzz')],
    ['an entry without a value', `${header},v1`],
    ['an entry with two =', `${header}=x`],
  ])('rejects %s as malformed', (_what, malformed) => {
    expect(verifyWebhookSignature(secret, body, malformed, { now: sentAt })).toEqual({
      valid: false,
      reason: 'malformed',
    });
  });

  it('accepts any one of several v1 signatures (a sender signing with two secrets)', () => {
    const [t, v1] = header.split(',');
    const other = signWebhook('old-secret', body, sentAt).split(',')[1];
    expect(verifyWebhookSignature(secret, body, `${t},${other},${v1}`, { now: sentAt }).valid).toBe(
      true,
    );
  });
});
