import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@tsunagu/core';
import { createTransport } from 'nodemailer';
import type { NodemailerError, SMTPPoolSentMessageInfo, Transporter } from 'nodemailer';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  // Deterministic per delivery, so a receiver (or a mail system de-duplicating on it) can drop
  // the second copy when a retry follows a send whose reply was lost.
  messageId: string;
  headers?: Record<string, string>;
}

export interface SentEmail {
  messageId: string;
  // The server's final reply, kept as the delivery's receipt.
  response: string;
}

// A message the SMTP server did not take. `permanent` is true when the server said no for good
// (5xx): retrying the same message would be refused again.
export class MailDeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly responseCode?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'MailDeliveryError';
  }
}

// A dead or black-holed server should fail the job within seconds so it is retried later,
// rather than hold a worker slot until the job's own timeout.
const TIMEOUTS = {
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 30_000,
  dnsTimeout: 10_000,
};

// Sends e-mail through the SMTP server in SMTP_URL (smtp:// with STARTTLS when offered, or
// smtps://). Without SMTP_URL e-mail is switched off: `enabled` is false and send() refuses.
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter?: Transporter<SMTPPoolSentMessageInfo>;

  constructor(config: AppConfig) {
    if (!config.SMTP_URL) return;
    // Pooled: a burst of notifications reuses a few connections instead of a handshake each.
    this.transporter = createTransport(
      { pool: true, url: config.SMTP_URL, maxConnections: 3, ...TIMEOUTS },
      { from: config.MAIL_FROM },
    );
  }

  get enabled(): boolean {
    return this.transporter !== undefined;
  }

  async send(message: OutgoingEmail): Promise<SentEmail> {
    if (!this.transporter) throw new Error('E-mail is switched off: SMTP_URL is not set');
    let info: SMTPPoolSentMessageInfo;
    try {
      info = await this.transporter.sendMail({
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: message.messageId,
        headers: message.headers,
      });
    } catch (error) {
      throw toDeliveryError(error);
    }
    // A server may accept the envelope but refuse a recipient; then the message did not go out
    // to everyone asked for, and the caller must not record it as sent.
    if (info.rejected.length > 0) {
      const errors = info.rejectedErrors ?? [];
      const reasons = errors.map((e) => e.response ?? e.message).join('; ');
      throw new MailDeliveryError(
        `SMTP server refused ${info.rejected.join(', ')}${reasons ? `: ${reasons}` : ''}`,
        errors.length > 0 && errors.every((e) => e.permanent === true),
        errors[0]?.responseCode,
      );
    }
    return { messageId: info.messageId, response: info.response };
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }
}

// Only a refusal of this message or its recipient is permanent (a 5xx reply to RCPT TO or DATA,
// e.g. an unknown mailbox or content the server will never take). A 5xx to AUTH or MAIL FROM
// says our own settings are wrong (a bad password, a sender the relay will not take): every
// message would fail alike, so it is retried with backoff while someone fixes the settings,
// instead of dead-lettering all mail at once. Connection failures carry no reply and are retried.
const MESSAGE_COMMANDS = new Set(['RCPT TO', 'DATA']);

function toDeliveryError(error: unknown): MailDeliveryError {
  if (!(error instanceof Error)) return new MailDeliveryError(String(error), false);
  const e = error as NodemailerError;
  const command = (e.command ?? '').toUpperCase();
  const permanent = e.permanent === true && MESSAGE_COMMANDS.has(command);
  return new MailDeliveryError(`SMTP send failed: ${e.message}`, permanent, e.responseCode, {
    cause: error,
  });
}
