import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, OutboxService } from '@tsunagu/core';
import { DataSource, EntityManager } from 'typeorm';
import { AccountMail, AccountMailKind } from './account-mail.entity';
import { ACCOUNT_LINK_PATHS, accountMailContent, maskAddress } from './account-mail-wording';
import { AccountTokens } from './account-tokens';
import { Locale, User } from './user.entity';

// One rendered account e-mail, for whoever owns the SMTP transport (notifications' mailer).
export interface AccountMailMessage {
  to: string;
  locale: Locale;
  title: string;
  body: string;
  actionLabel?: string;
  actionUrl?: string;
  // Deterministic, so a resend after a lost reply is dropped as a duplicate by mail systems.
  messageId: string;
  kind: AccountMailKind;
}

export interface AccountMailSender {
  readonly enabled: boolean;
  send(message: AccountMailMessage): Promise<void>;
}

@Injectable()
export class AccountMails {
  private readonly logger = new Logger(AccountMails.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly tokens: AccountTokens,
    private readonly config: AppConfig,
  ) {}

  // In the transaction of the change the mail tells about: both commit or neither.
  async queue(
    manager: EntityManager,
    userId: string,
    kind: AccountMailKind,
    toAddress: string,
    tokenId: string | null = null,
  ): Promise<AccountMail> {
    const mail = manager
      .getRepository(AccountMail)
      .create({ userId, kind, toAddress, tokenId, sentAt: null });
    await manager.insert(AccountMail, mail);
    await this.outbox.add(manager, 'account.mail', { mailId: mail.id }, `account-mail.${mail.id}`);
    return mail;
  }

  // Sends one mail at most once after the server accepted it: the row stays locked from the
  // check to the sent mark, so a duplicate job waits and then finds it sent. Throws on failure
  // so the job is retried with the delivery backoff.
  async deliver(mailId: string, sender: AccountMailSender): Promise<'sent' | 'skipped'> {
    return this.dataSource.transaction(async (m) => {
      const mail = await m
        .getRepository(AccountMail)
        .createQueryBuilder('a')
        .leftJoinAndSelect('a.token', 't')
        .where('a.id = :mailId', { mailId })
        .setLock('pessimistic_write', undefined, ['a'])
        .getOne();
      if (!mail || mail.sentAt) return 'skipped';
      const user = await m.getRepository(User).findOneBy({ id: mail.userId });
      // A deleted account gets nothing more; a link already used or replaced needs no mail.
      if (!user || user.deletedAt) return 'skipped';
      if (mail.token && (mail.token.usedAt || mail.token.expiresAt.getTime() <= Date.now())) {
        return 'skipped';
      }
      if (!sender.enabled) {
        // Without SMTP_URL nothing is sent (development without a mail catcher): say so once.
        this.logger.warn(`e-mail is switched off: ${mail.kind} to user ${mail.userId} not sent`);
        return 'skipped';
      }
      const content = accountMailContent(user.locale, mail.kind, {
        displayName: user.displayName,
        newAddress:
          mail.kind === AccountMailKind.EMAIL_CHANGED ? maskAddress(user.email) : undefined,
      });
      const path = ACCOUNT_LINK_PATHS[mail.kind];
      const actionUrl =
        path && mail.tokenId ? this.linkTo(path, this.tokens.tokenOf(mail.tokenId)) : undefined;
      await sender.send({
        to: mail.toAddress,
        locale: user.locale,
        ...content,
        actionUrl,
        messageId: `<account-mail.${mail.id}@tsunagu>`,
        kind: mail.kind,
      });
      await m.update(AccountMail, { id: mail.id }, { sentAt: new Date() });
      return 'sent';
    });
  }

  private linkTo(path: string, token: string): string {
    const url = new URL(path, this.config.APP_URL);
    url.searchParams.set('token', token);
    return url.toString();
  }
}
