import { loadConfig } from '@tsunagu/core';
import { startSmtpCatcher, type SmtpCatcher } from '../../../../test/support/smtp-catcher';
import { renderEmail } from './email-layout';
import { MailDeliveryError, MailTransport, type OutgoingEmail } from './mail-transport';

const REQUIRED = {
  DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
  REDIS_URL: 'redis://127.0.0.1:1',
  JWT_SECRET: 'x'.repeat(32),
};

function transportFor(smtpUrl?: string): MailTransport {
  return new MailTransport(
    loadConfig({ ...REQUIRED, SMTP_URL: smtpUrl, MAIL_FROM: 'Tsunagu <no-reply@tsunagu.test>' }),
  );
}

function message(overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  const content = renderEmail({
    locale: 'ja',
    title: '「空き家の活用」に新しい応募がありました',
    body: '山田さんが応募しました。<確認>してください & よろしく',
    actionUrl: 'https://tsunagu.test/applications/1',
    preferencesUrl: 'https://tsunagu.test/settings/notifications',
  });
  return {
    to: 'bihoro@demo.tsunagu.jp',
    ...content,
    messageId: '<delivery-0001@tsunagu.test>',
    headers: { 'X-Tsunagu-Delivery': '0001' },
    ...overrides,
  };
}

describe('MailTransport', () => {
  let catcher: SmtpCatcher;
  let transport: MailTransport | undefined;

  beforeEach(async () => {
    catcher = await startSmtpCatcher({ refuseRecipient: (a) => a.endsWith('@refused.test') });
  });

  afterEach(async () => {
    transport?.onApplicationShutdown();
    transport = undefined;
    await catcher.close();
  });

  it('delivers subject, both parts, the given Message-ID and headers', async () => {
    transport = transportFor(catcher.url);
    expect(transport.enabled).toBe(true);
    const sent = await transport.send(message());

    expect(sent.messageId).toBe('<delivery-0001@tsunagu.test>');
    expect(sent.response).toMatch(/^250/);
    const [received] = await catcher.waitFor(1);
    expect(received.messageId).toBe('<delivery-0001@tsunagu.test>');
    expect(received.from).toBe('no-reply@tsunagu.test');
    expect(received.to).toBe('bihoro@demo.tsunagu.jp');
    expect(received.subject).toBe('【Tsunagu】「空き家の活用」に新しい応募がありました');
    expect(received.text).toContain('山田さんが応募しました。<確認>してください & よろしく');
    expect(received.text).toContain('詳細を見る: https://tsunagu.test/applications/1');
    expect(received.html).toContain('<html lang="ja">');
    expect(received.html).toContain('&lt;確認&gt;してください &amp; よろしく');
    expect(received.headers['x-tsunagu-delivery']).toBe('0001');
    expect(received.headers.from).toContain('Tsunagu');
  });

  it('adds the angle brackets when the Message-ID comes without them', async () => {
    transport = transportFor(catcher.url);
    const sent = await transport.send(message({ messageId: 'delivery-0002@tsunagu.test' }));
    const [received] = await catcher.waitFor(1);
    expect(received.messageId).toBe('<delivery-0002@tsunagu.test>');
    expect(sent.messageId).toContain('delivery-0002@tsunagu.test');
  });

  it('rejects when the server refuses the message, and a retry then goes through', async () => {
    transport = transportFor(catcher.url);
    catcher.failNext(1);

    const refused = transport.send(message());
    await expect(refused).rejects.toBeInstanceOf(MailDeliveryError);
    await expect(refused).rejects.toMatchObject({ permanent: false, responseCode: 451 });
    expect(catcher.messages).toHaveLength(0);
    expect(catcher.refusedCount).toBe(1);

    await transport.send(message());
    expect(catcher.messages).toHaveLength(1);
  });

  it('marks a 5xx refusal as permanent', async () => {
    transport = transportFor(catcher.url);
    catcher.failNext(1, 554);
    await expect(transport.send(message())).rejects.toMatchObject({
      permanent: true,
      responseCode: 554,
    });
  });

  it('retries a refusal caused by our own settings (a sender the relay will not take)', async () => {
    await catcher.close();
    catcher = await startSmtpCatcher({ refuseSender: () => true });
    transport = transportFor(catcher.url);
    await expect(transport.send(message())).rejects.toMatchObject({
      permanent: false,
      responseCode: 550,
    });
  });

  it('rejects when the server refuses a recipient, even if it took the others', async () => {
    transport = transportFor(catcher.url);
    await expect(
      transport.send(message({ to: 'bihoro@demo.tsunagu.jp, nobody@refused.test' })),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/nobody@refused\.test: .*550/),
      permanent: true,
      responseCode: 550,
    });
    await expect(transport.send(message({ to: 'nobody@refused.test' }))).rejects.toBeInstanceOf(
      MailDeliveryError,
    );
  });

  it('fails fast when nothing listens at SMTP_URL', async () => {
    const url = catcher.url;
    await catcher.close();
    transport = transportFor(url);
    const started = Date.now();
    await expect(transport.send(message())).rejects.toMatchObject({ permanent: false });
    expect(Date.now() - started).toBeLessThan(5000);
    catcher = await startSmtpCatcher();
  });

  it('is disabled without SMTP_URL and refuses to send', async () => {
    const disabled = transportFor(undefined);
    expect(disabled.enabled).toBe(false);
    await expect(disabled.send(message())).rejects.toThrow(/SMTP_URL/);
    disabled.onApplicationShutdown();
  });
});
