import { Injectable } from '@nestjs/common';
import { JobHandler, JobPayload } from '@tsunagu/core';
import { AccountMails } from '@tsunagu/identity';
import { MailDeliveryError, TransactionalMailer } from '@tsunagu/notifications';
import { UnrecoverableError } from 'bullmq';

@Injectable()
export class AccountJobs {
  constructor(
    private readonly mails: AccountMails,
    private readonly mailer: TransactionalMailer,
  ) {}

  // A message the mail server refused for good (5xx) would be refused again: the job ends
  // instead of being retried; a passing failure is retried with the delivery backoff.
  @JobHandler('account.mail')
  async mail({ mailId }: JobPayload<'account.mail'>): Promise<void> {
    try {
      await this.mails.deliver(mailId, this.mailer);
    } catch (error) {
      if (error instanceof MailDeliveryError && error.permanent) {
        throw new UnrecoverableError(error.message);
      }
      throw error;
    }
  }
}
