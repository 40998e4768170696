import { Injectable } from '@nestjs/common';
import type { AccountMailMessage, AccountMailSender } from '@tsunagu/identity';
import type { GuardianMailMessage, GuardianMailSender } from '@tsunagu/participants';
import { renderTransactionalEmail } from './email-layout';
import { MailTransport } from './mail-transport';

// Identity's account e-mails (and guardians' consent requests) through the one SMTP transport,
// in the notifications' layout.
@Injectable()
export class TransactionalMailer implements AccountMailSender, GuardianMailSender {
  constructor(private readonly mail: MailTransport) {}

  get enabled(): boolean {
    return this.mail.enabled;
  }

  async send(message: AccountMailMessage | GuardianMailMessage): Promise<void> {
    const content = renderTransactionalEmail(message);
    await this.mail.send({
      to: message.to,
      ...content,
      messageId: message.messageId,
      headers: { 'X-Tsunagu-Account-Mail': message.kind },
    });
  }
}
