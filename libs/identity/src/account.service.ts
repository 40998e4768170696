import { Injectable } from '@nestjs/common';
import { AppError, ConflictReason, DomainEventPublisher, isUniqueViolation } from '@tsunagu/core';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { ACCOUNT_DELETED } from './account-events';
import { AccountMail, AccountMailKind } from './account-mail.entity';
import { AccountMails } from './account-mails';
import { AccountToken, AccountTokenPurpose } from './account-token.entity';
import { AccountTokens } from './account-tokens';
import { AuthService, normalizeEmail, Session } from './auth.service';
import { Membership } from './membership.entity';
import { PasswordHasher } from './password-hasher';
import { User } from './user.entity';

// What a deleted account is called wherever its records remain (both languages: the row is read
// by Japanese and English speakers alike).
export const FORMER_MEMBER_NAME = '退会したユーザー / Former member';

// A unique address that can never receive mail (.invalid is reserved, RFC 2606).
export function formerMemberAddress(userId: string): string {
  return `deleted-${userId}@deleted.invalid`;
}

// Who may apply: a person whose e-mail address is verified. The one rule every path that creates
// an engagement (an application, a team's, an accepted scout offer, a confirmed cohort) asks.
export async function assertEmailsVerified(
  manager: EntityManager,
  userIds: readonly string[],
): Promise<void> {
  if (userIds.length === 0) return;
  const unverified = await manager
    .getRepository(User)
    .countBy({ id: In([...userIds]), emailVerifiedAt: IsNull() });
  if (unverified === 0) return;
  throw AppError.conflict(
    ConflictReason.EMAIL_NOT_VERIFIED,
    userIds.length === 1
      ? 'Verify your e-mail address first: applying needs a verified address'
      : `${unverified} of the ${userIds.length} people have not verified their e-mail address yet`,
  );
}

// Runs the check of a signed-in person's current password, given the account's address: the API
// counts wrong ones against the account's sign-in lockout (SignInThrottle.confirmPassword).
export type PasswordGuard = (email: string, check: () => Promise<void>) => Promise<void>;

const UNGUARDED: PasswordGuard = (_email, check) => check();

// The links that act on the account (a new password, a new address): any still live when the
// password or the address changes are ended, so one sent before (perhaps asked for by whoever
// knew the old password) cannot undo the change. A verification link only verifies the address
// it was sent to, which is checked when it is followed.
const CONTROL_LINKS = [AccountTokenPurpose.RESET_PASSWORD, AccountTokenPurpose.CHANGE_EMAIL];

// The account its owner controls: verification, password reset and change, e-mail change and
// deletion. Every link is a single-use AccountToken; every e-mail goes through the outbox.
@Injectable()
export class AccountService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly passwords: PasswordHasher,
    private readonly tokens: AccountTokens,
    private readonly mails: AccountMails,
    private readonly events: DomainEventPublisher,
  ) {}

  async resendVerification(userId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const user = await this.lockUser(m, userId);
      if (user.emailVerifiedAt) {
        throw AppError.conflict(ConflictReason.ALREADY_DONE, 'Your e-mail address is verified');
      }
      await this.sendLink(m, user, AccountTokenPurpose.VERIFY_EMAIL, AccountMailKind.VERIFY_EMAIL);
    });
  }

  async verifyEmail(token: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const link = await this.tokens.spend(m, token, AccountTokenPurpose.VERIFY_EMAIL);
      const user = await this.lockUser(m, link.userId);
      // The address changed since the link went out: it verifies nothing now.
      if (user.email !== link.email) {
        throw AppError.conflict(ConflictReason.EXPIRED, 'This link was for an earlier address');
      }
      if (!user.emailVerifiedAt) {
        await m.update(User, { id: user.id }, { emailVerifiedAt: new Date() });
      }
    });
  }

  // The same answer and the same work whether or not the address has an account (the lookup
  // runs either way; only the writes differ, and the e-mail leaves later from the worker).
  // The user row is locked so concurrent requests queue: each replaces the link before it and
  // only one stays live.
  async requestPasswordReset(email: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const user = await m.getRepository(User).findOne({
        where: { email: normalizeEmail(email), deletedAt: IsNull() },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) return;
      await this.sendLink(
        m,
        user,
        AccountTokenPurpose.RESET_PASSWORD,
        AccountMailKind.RESET_PASSWORD,
      );
    });
  }

  // Sets the password and ends every session: whoever had the old one is out.
  async resetPassword(token: string, newPassword: string): Promise<void> {
    const passwordHash = await this.passwords.hash(newPassword);
    await this.dataSource.transaction(async (m) => {
      const link = await this.tokens.spend(m, token, AccountTokenPurpose.RESET_PASSWORD);
      const user = await this.lockUser(m, link.userId);
      // The address changed since the link went out: whoever holds the old inbox has no say.
      if (user.email !== link.email) {
        throw AppError.conflict(ConflictReason.EXPIRED, 'This link was for an earlier address');
      }
      const changes: Partial<User> = { passwordHash };
      // The link reached the inbox: that proves the address as a verification link would.
      if (!user.emailVerifiedAt) changes.emailVerifiedAt = new Date();
      await m.update(User, { id: user.id }, changes);
      await this.auth.revokeAll(m, user.id);
      await this.tokens.expireLive(m, user.id, CONTROL_LINKS);
    });
  }

  // Needs the current password; every other session ends and the caller gets a fresh one.
  async changePassword(
    userId: string,
    currentPassword: string,
    newPassword: string,
    guard: PasswordGuard = UNGUARDED,
  ): Promise<Session> {
    await this.checkPassword(userId, currentPassword, 'currentPassword', guard);
    const passwordHash = await this.passwords.hash(newPassword);
    return this.dataSource.transaction(async (m) => {
      const user = await this.lockUser(m, userId);
      await m.update(User, { id: userId }, { passwordHash });
      await this.auth.revokeAll(m, userId);
      await this.tokens.expireLive(m, userId, CONTROL_LINKS);
      await this.mails.queue(m, userId, AccountMailKind.PASSWORD_CHANGED, user.email);
      return this.auth.openSessionWithin(m, user);
    });
  }

  // The new address takes effect only once a link sent to it is followed (confirmEmailChange).
  async requestEmailChange(
    userId: string,
    password: string,
    newEmail: string,
    guard: PasswordGuard = UNGUARDED,
  ): Promise<void> {
    await this.checkPassword(userId, password, 'password', guard);
    const email = normalizeEmail(newEmail);
    await this.dataSource.transaction(async (m) => {
      const user = await this.lockUser(m, userId);
      if (user.email === email) {
        throw AppError.invalidField(['input', 'newEmail'], 'is your current address already');
      }
      await this.assertAddressFree(m, email);
      const link = await this.tokens.issue(m, userId, AccountTokenPurpose.CHANGE_EMAIL, email);
      await this.mails.queue(m, userId, AccountMailKind.CONFIRM_NEW_EMAIL, email, link.id);
    });
  }

  // Checked for uniqueness again here: someone may have taken the address since the request.
  async confirmEmailChange(token: string): Promise<void> {
    try {
      await this.dataSource.transaction(async (m) => {
        const link = await this.tokens.spend(m, token, AccountTokenPurpose.CHANGE_EMAIL);
        const user = await this.lockUser(m, link.userId);
        if (await m.getRepository(User).existsBy({ email: link.email })) {
          throw this.addressTaken(false);
        }
        await m.update(User, { id: user.id }, { email: link.email, emailVerifiedAt: new Date() });
        await this.tokens.expireLive(m, user.id, CONTROL_LINKS);
        await this.mails.queue(m, user.id, AccountMailKind.EMAIL_CHANGED, user.email);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw this.addressTaken(false);
      throw error;
    }
  }

  // APPI: the account can no longer sign in and its personal data is erased, in one
  // transaction. The row stays, anonymised, because engagement records that regions and
  // intermediaries keep (dates, hours, states, KPIs) point at it. Each context erases its own
  // part on ACCOUNT_DELETED.
  async deleteAccount(
    userId: string,
    password: string,
    guard: PasswordGuard = UNGUARDED,
  ): Promise<void> {
    await this.checkPassword(userId, password, 'password', guard);
    await this.dataSource.transaction(async (m) => {
      await this.lockUser(m, userId);
      await m.update(
        User,
        { id: userId },
        {
          email: formerMemberAddress(userId),
          displayName: FORMER_MEMBER_NAME,
          // Not a hash any password matches: signing in is impossible.
          passwordHash: '!deleted',
          emailVerifiedAt: null,
          deletedAt: new Date(),
        },
      );
      await this.auth.revokeAll(m, userId);
      // Sent ones too: their rows keep the address they went to.
      await m.delete(AccountMail, { userId });
      await m.delete(AccountToken, { userId });
      await m.delete(Membership, { userId });
      await this.events.publish(m, ACCOUNT_DELETED, { userId }, [userId]);
    });
  }

  private async sendLink(
    m: EntityManager,
    user: User,
    purpose: AccountTokenPurpose,
    kind: AccountMailKind,
  ): Promise<void> {
    const link = await this.tokens.issue(m, user.id, purpose, user.email);
    await this.mails.queue(m, user.id, kind, user.email, link.id);
  }

  private async checkPassword(
    userId: string,
    password: string,
    field: string,
    guard: PasswordGuard,
  ): Promise<void> {
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :userId AND u.deletedAt IS NULL', { userId })
      .getOne();
    if (!user) throw AppError.unauthenticated('The account of this token no longer exists');
    await guard(user.email, async () => {
      if (!(await this.passwords.verify(user.passwordHash, password))) {
        throw AppError.invalidField(['input', field], 'is not your current password');
      }
    });
  }

  private async assertAddressFree(m: EntityManager, email: string): Promise<void> {
    if (await m.getRepository(User).existsBy({ email })) throw this.addressTaken();
  }

  private addressTaken(asField = true): AppError {
    const message = 'Another account uses this e-mail address';
    return asField
      ? AppError.conflictField(ConflictReason.ALREADY_EXISTS, ['input', 'newEmail'], message)
      : AppError.conflict(ConflictReason.ALREADY_EXISTS, message);
  }

  private async lockUser(m: EntityManager, userId: string): Promise<User> {
    const user = await m
      .getRepository(User)
      .findOne({ where: { id: userId, deletedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw AppError.unauthenticated('The account of this token no longer exists');
    return user;
  }
}
