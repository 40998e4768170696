import { Injectable } from '@nestjs/common';
import { JobHandler, JobPayload } from '@tsunagu/core';
import { MailDeliveryError, TransactionalMailer } from '@tsunagu/notifications';
import { GuardianConsents } from '@tsunagu/participants';
import { UnrecoverableError } from 'bullmq';

@Injectable()
export class GuardianJobs {
  constructor(
    private readonly consents: GuardianConsents,
    private readonly mailer: TransactionalMailer,
  ) {}

  // As account mails: a permanent refusal (5xx) ends the job, a passing failure is retried.
  @JobHandler('guardian.mail')
  async mail({ mailId }: JobPayload<'guardian.mail'>): Promise<void> {
    try {
      await this.consents.deliver(mailId, this.mailer);
    } catch (error) {
      if (error instanceof MailDeliveryError && error.permanent) {
        throw new UnrecoverableError(error.message);
      }
      throw error;
    }
  }
}
