import { Args, Mutation, Resolver } from '@nestjs/graphql';
import {
  Actor,
  AuthPayloadType,
  AuthService,
  RefreshTokenArgs,
  Session,
  SignInInput,
  SignInThrottle,
  SignUpInput,
} from '@tsunagu/identity';
import { Authenticated, Public } from '../auth/authorisation';
import { ClientAddress, CurrentActor } from '../auth/current-actor.decorator';

export function toPayload(session: Session): AuthPayloadType {
  const { user } = session;
  return {
    accessToken: session.accessToken,
    accessTokenExpiresAt: session.accessTokenExpiresAt,
    refreshToken: session.refreshToken,
    refreshTokenExpiresAt: session.refreshTokenExpiresAt,
    user: { id: user.id, displayName: user.displayName, locale: user.locale },
  };
}

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly throttle: SignInThrottle,
  ) {}

  @Public()
  @Mutation(() => AuthPayloadType, { description: 'Create an account and sign in.' })
  async signUp(@Args('input') input: SignUpInput): Promise<AuthPayloadType> {
    return toPayload(await this.auth.signUp(input));
  }

  @Public()
  @Mutation(() => AuthPayloadType)
  async signIn(
    @Args('input') input: SignInInput,
    @ClientAddress() address: string | undefined,
  ): Promise<AuthPayloadType> {
    return toPayload(
      await this.throttle.signIn(input.email, address, () =>
        this.auth.signIn(input.email, input.password),
      ),
    );
  }

  @Public()
  @Mutation(() => AuthPayloadType, {
    description: 'Exchange a refresh token for a new token pair.',
  })
  async refreshSession(
    @Args() { refreshToken }: RefreshTokenArgs,
    @ClientAddress() address: string | undefined,
  ): Promise<AuthPayloadType> {
    return toPayload(await this.throttle.refresh(address, () => this.auth.refresh(refreshToken)));
  }

  @Authenticated()
  @Mutation(() => Boolean, { description: 'Revoke the refresh token (and its rotations).' })
  signOut(
    @CurrentActor() actor: Actor,
    @Args() { refreshToken }: RefreshTokenArgs,
  ): Promise<boolean> {
    return this.auth.signOut(actor.userId, refreshToken);
  }
}
