import { Injectable } from '@nestjs/common';
import { AppConfig, AppError, isUniqueViolation, ConflictReason } from '@tsunagu/core';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AccountMailKind } from './account-mail.entity';
import { AccountMails } from './account-mails';
import { AccountTokenPurpose } from './account-token.entity';
import { AccountTokens } from './account-tokens';
import { PasswordHasher } from './password-hasher';
import { RefreshToken } from './refresh-token.entity';
import { TokenService } from './token.service';
import { Locale, User } from './user.entity';

export interface SignUpCommand {
  email: string;
  password: string;
  displayName: string;
  locale?: Locale;
}

export interface Session {
  user: User;
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly config: AppConfig,
    private readonly accountTokens: AccountTokens,
    private readonly accountMails: AccountMails,
  ) {}

  // The account, its first session and the verification e-mail, all or nothing.
  async signUp(command: SignUpCommand): Promise<Session> {
    // Hashing takes a while: not while holding a pooled connection.
    const passwordHash = await this.passwords.hash(command.password);
    return this.dataSource.transaction(async (m) => {
      const user = await this.insertUser(m, command, passwordHash, false);
      const token = await this.accountTokens.issue(
        m,
        user.id,
        AccountTokenPurpose.VERIFY_EMAIL,
        user.email,
      );
      await this.accountMails.queue(m, user.id, AccountMailKind.VERIFY_EMAIL, user.email, token.id);
      return this.openSession(m, user, randomUUID());
    });
  }

  // Accounts made by operators (admins, demo people) start verified; sign-ups verify by link.
  async createUser(manager: EntityManager, command: SignUpCommand): Promise<User> {
    const passwordHash = await this.passwords.hash(command.password);
    return this.insertUser(manager, command, passwordHash, true);
  }

  private async insertUser(
    manager: EntityManager,
    command: SignUpCommand,
    passwordHash: string,
    verified: boolean,
  ): Promise<User> {
    try {
      const saved = await manager.getRepository(User).save(
        manager.getRepository(User).create({
          email: normalizeEmail(command.email),
          passwordHash,
          displayName: command.displayName.trim(),
          locale: command.locale ?? 'ja',
          emailVerifiedAt: verified ? new Date() : null,
        }),
      );
      return saved;
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw AppError.conflict(
          ConflictReason.ALREADY_EXISTS,
          'An account with this e-mail address already exists',
        );
      }
      throw error;
    }
  }

  async signIn(email: string, password: string): Promise<Session> {
    const user = await this.verifyCredentials(email, password);
    return this.dataSource.transaction((m) => this.openSession(m, user, randomUUID()));
  }

  // The user whose e-mail address and password these are, without opening a session (the
  // operators' dashboard signs in with them on every request).
  async verifyCredentials(email: string, password: string): Promise<User> {
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: normalizeEmail(email) })
      .andWhere('u.deletedAt IS NULL')
      .getOne();
    // Same message and about the same time either way: do not reveal which e-mail addresses
    // have accounts.
    const valid = user
      ? await this.passwords.verify(user.passwordHash, password)
      : await this.passwords.verifyAgainstDummy(password);
    if (!user || !valid) throw AppError.unauthenticated('Wrong e-mail address or password');
    return user;
  }

  // Rotation: the presented token is spent and a new one of the same family issued. A spent
  // token presented again revokes the whole family (someone else holds a copy).
  async refresh(refreshToken: string): Promise<Session> {
    const hash = this.tokens.hashRefreshToken(refreshToken);
    const outcome = await this.dataSource.transaction(async (m) => {
      const row = await m
        .getRepository(RefreshToken)
        .createQueryBuilder('t')
        .where('t.tokenHash = :hash', { hash })
        .setLock('pessimistic_write')
        .getOne();
      if (!row || row.revokedAt || row.expiresAt.getTime() <= Date.now()) {
        return { error: 'Refresh token is invalid or expired' } as const;
      }
      if (row.usedAt) {
        await this.revokeFamily(m, row.familyId);
        return {
          error: 'Refresh token was already used; all sessions of this sign-in are revoked',
        } as const;
      }
      await m.update(RefreshToken, row.id, { usedAt: new Date() });
      const user = await m.getRepository(User).findOneByOrFail({ id: row.userId });
      if (user.deletedAt) return { error: 'This account has been deleted' } as const;
      return { session: await this.openSession(m, user, row.familyId) } as const;
    });
    if ('error' in outcome) throw AppError.unauthenticated(outcome.error);
    return outcome.session;
  }

  // Signing out revokes the refresh token's family; access tokens simply expire.
  async signOut(userId: string, refreshToken: string): Promise<boolean> {
    const row = await this.dataSource.getRepository(RefreshToken).findOneBy({
      tokenHash: this.tokens.hashRefreshToken(refreshToken),
      userId,
    });
    if (!row) return false;
    await this.revokeFamily(this.dataSource.manager, row.familyId);
    return true;
  }

  // Every refresh token of the account (a password reset, a new password, a deletion).
  async revokeAll(manager: EntityManager, userId: string): Promise<void> {
    await manager.update(RefreshToken, { userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  // A fresh sign-in for someone who just proved themselves (a new password).
  openSessionWithin(manager: EntityManager, user: User): Promise<Session> {
    return this.openSession(manager, user, randomUUID());
  }

  private async revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager.update(
      RefreshToken,
      { familyId, revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
  }

  private async openSession(
    manager: EntityManager,
    user: User,
    familyId: string,
  ): Promise<Session> {
    const access = this.tokens.signAccessToken(user.id);
    const refresh = this.tokens.newRefreshToken();
    const refreshTokenExpiresAt = new Date(
      Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 24 * 3600 * 1000,
    );
    await manager.insert(RefreshToken, {
      userId: user.id,
      familyId,
      tokenHash: refresh.hash,
      expiresAt: refreshTokenExpiresAt,
    });
    return {
      user,
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken: refresh.token,
      refreshTokenExpiresAt,
    };
  }
}
