import { Injectable } from '@nestjs/common';
import { JobHandler, JobPayload } from '@tsunagu/core';
import { AccountMails } from '@tsunagu/identity';
import { TransactionalMailer } from '@tsunagu/notifications';

@Injectable()
export class AccountJobs {
  constructor(
    private readonly mails: AccountMails,
    private readonly mailer: TransactionalMailer,
  ) {}

  @JobHandler('account.mail')
  async mail({ mailId }: JobPayload<'account.mail'>): Promise<void> {
    await this.mails.deliver(mailId, this.mailer);
  }
}
