import type { AccountMails } from '@tsunagu/identity';
import { MailDeliveryError, type TransactionalMailer } from '@tsunagu/notifications';
import { UnrecoverableError } from 'bullmq';
import { AccountJobs } from './account.jobs';

describe('AccountJobs.mail', () => {
  function jobsFailingWith(error: Error): AccountJobs {
    const mails = { deliver: () => Promise.reject(error) } as unknown as AccountMails;
    return new AccountJobs(mails, {} as TransactionalMailer);
  }

  it('ends the job without retries when the mail server refuses the message for good', async () => {
    const refused = jobsFailingWith(new MailDeliveryError('550 no such mailbox', true, 550));

    await expect(refused.mail({ mailId: 'm1' })).rejects.toBeInstanceOf(UnrecoverableError);
    await expect(refused.mail({ mailId: 'm1' })).rejects.toThrow('550 no such mailbox');
  });

  it('leaves a passing failure to be retried', async () => {
    const busy = new MailDeliveryError('421 try later', false, 421);

    await expect(jobsFailingWith(busy).mail({ mailId: 'm1' })).rejects.toBe(busy);
  });
});
