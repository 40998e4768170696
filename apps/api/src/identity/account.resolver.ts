import { Args, Mutation, Resolver } from '@nestjs/graphql';
import {
  AccountMailThrottle,
  AccountService,
  AccountTokenInput,
  Actor,
  AuthPayloadType,
  ChangeEmailInput,
  ChangePasswordInput,
  DeleteAccountInput,
  PasswordGuard,
  RequestPasswordResetInput,
  ResetPasswordInput,
  SignInThrottle,
} from '@tsunagu/identity';
import { Authenticated, Public } from '../auth/authorisation';
import { ClientAddress, CurrentActor } from '../auth/current-actor.decorator';
import { toPayload } from './auth.resolver';

@Resolver()
export class AccountResolver {
  constructor(
    private readonly accounts: AccountService,
    private readonly throttle: AccountMailThrottle,
    private readonly signIns: SignInThrottle,
  ) {}

  // Wrong current passwords count towards the account's sign-in lockout and the address's.
  private guard(address: string | undefined): PasswordGuard {
    return (email, check) => this.signIns.confirmPassword(email, address, check);
  }

  @Authenticated()
  @Mutation(() => Boolean, {
    description: 'Send the e-mail verification link again (a few times an hour at most).',
  })
  async resendEmailVerification(@CurrentActor() actor: Actor): Promise<boolean> {
    await this.throttle.forUser(actor.userId);
    await this.accounts.resendVerification(actor.userId);
    return true;
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'Follow the link of a verification e-mail: the address is verified.',
  })
  async verifyEmail(@Args('input') input: AccountTokenInput): Promise<boolean> {
    await this.accounts.verifyEmail(input.token);
    return true;
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      'E-mail a password reset link (valid one hour) if the address has an account. Always ' +
      'answers true: the answer tells nothing about who is registered.',
  })
  async requestPasswordReset(@Args('input') input: RequestPasswordResetInput): Promise<boolean> {
    await this.throttle.forAddress(input.email);
    await this.accounts.requestPasswordReset(input.email);
    return true;
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'Set a new password with a reset link; every session of the account ends.',
  })
  async resetPassword(@Args('input') input: ResetPasswordInput): Promise<boolean> {
    await this.accounts.resetPassword(input.token, input.newPassword);
    return true;
  }

  @Authenticated()
  @Mutation(() => AuthPayloadType, {
    description: 'Change your password: every other session ends; this one is renewed.',
  })
  async changePassword(
    @CurrentActor() actor: Actor,
    @Args('input') input: ChangePasswordInput,
    @ClientAddress() address: string | undefined,
  ): Promise<AuthPayloadType> {
    return toPayload(
      await this.accounts.changePassword(
        actor.userId,
        input.currentPassword,
        input.newPassword,
        this.guard(address),
      ),
    );
  }

  @Authenticated()
  @Mutation(() => Boolean, {
    description:
      'Ask to use another e-mail address: it takes effect once the link sent to it is followed.',
  })
  async requestEmailChange(
    @CurrentActor() actor: Actor,
    @Args('input') input: ChangeEmailInput,
    @ClientAddress() address: string | undefined,
  ): Promise<boolean> {
    await this.throttle.forUser(actor.userId);
    await this.accounts.requestEmailChange(
      actor.userId,
      input.password,
      input.newEmail,
      this.guard(address),
    );
    return true;
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'Follow the link sent to a new address: the account uses it from now on.',
  })
  async confirmEmailChange(@Args('input') input: AccountTokenInput): Promise<boolean> {
    await this.accounts.confirmEmailChange(input.token);
    return true;
  }

  @Authenticated()
  @Mutation(() => Boolean, {
    description:
      'Delete your account: you can no longer sign in, your personal data is erased, and ' +
      'engagement records stay anonymised for the regions (see the README).',
  })
  async deleteMyAccount(
    @CurrentActor() actor: Actor,
    @Args('input') input: DeleteAccountInput,
    @ClientAddress() address: string | undefined,
  ): Promise<boolean> {
    await this.accounts.deleteAccount(actor.userId, input.password, this.guard(address));
    return true;
  }
}
