import { Injectable } from '@nestjs/common';
import { AppConfig, AppError, ConflictReason } from '@tsunagu/core';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { EntityManager, In, IsNull, MoreThan } from 'typeorm';
import { AccountToken, AccountTokenPurpose } from './account-token.entity';

const HOUR_MS = 3600 * 1000;

// How long each kind of link works.
export const ACCOUNT_TOKEN_TTL_MS: Record<AccountTokenPurpose, number> = {
  [AccountTokenPurpose.VERIFY_EMAIL]: 48 * HOUR_MS,
  [AccountTokenPurpose.RESET_PASSWORD]: 1 * HOUR_MS,
  [AccountTokenPurpose.CHANGE_EMAIL]: 48 * HOUR_MS,
};

// Single-use links. The token is an HMAC of the row's id under the server secret: the mailer
// derives it again when it sends (payloads and rows carry ids only), and the database keeps only
// its SHA-256, so a copy of the database opens no account.
@Injectable()
export class AccountTokens {
  constructor(private readonly config: AppConfig) {}

  tokenOf(id: string): string {
    return createHmac('sha256', this.config.JWT_SECRET)
      .update(`account-token:${id}`)
      .digest('base64url');
  }

  hashOf(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }

  // A new link replaces the person's earlier live ones of the same purpose: only the newest works.
  async issue(
    manager: EntityManager,
    userId: string,
    purpose: AccountTokenPurpose,
    email: string,
  ): Promise<AccountToken> {
    const now = new Date();
    await this.expireLive(manager, userId, [purpose], now);
    const id = randomUUID();
    const row = manager.getRepository(AccountToken).create({
      id,
      userId,
      purpose,
      email,
      tokenHash: this.hashOf(this.tokenOf(id)),
      expiresAt: new Date(now.getTime() + ACCOUNT_TOKEN_TTL_MS[purpose]),
      usedAt: null,
    });
    await manager.insert(AccountToken, row);
    return row;
  }

  // Ends the person's unused, unexpired links (of the given purposes, or all): after the
  // password or the address changes, a link sent before must not act on the account.
  async expireLive(
    manager: EntityManager,
    userId: string,
    purposes: readonly AccountTokenPurpose[] = Object.values(AccountTokenPurpose),
    now = new Date(),
  ): Promise<void> {
    await manager.update(
      AccountToken,
      { userId, purpose: In([...purposes]), usedAt: IsNull(), expiresAt: MoreThan(now) },
      { expiresAt: now },
    );
  }

  // Marks the link used and returns it. The row is locked first, so two requests with the same
  // token queue and only the first finds it unused.
  async spend(
    manager: EntityManager,
    token: string,
    purpose: AccountTokenPurpose,
  ): Promise<AccountToken> {
    const row = await manager
      .getRepository(AccountToken)
      .createQueryBuilder('t')
      .where('t.tokenHash = :hash AND t.purpose = :purpose', { hash: this.hashOf(token), purpose })
      .setLock('pessimistic_write')
      .getOne();
    if (!row) throw AppError.invalidField(['input', 'token'], 'is not a valid link');
    if (row.usedAt) {
      throw AppError.conflict(ConflictReason.ALREADY_DONE, 'This link has been used already');
    }
    if (row.expiresAt.getTime() <= Date.now()) {
      throw AppError.conflict(ConflictReason.EXPIRED, 'This link has expired: ask for a new one');
    }
    await manager.update(AccountToken, { id: row.id }, { usedAt: new Date() });
    return row;
  }
}
