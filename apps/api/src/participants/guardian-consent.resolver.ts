import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { EngagementType } from '@tsunagu/engagements';
import { EventRegistrationType } from '@tsunagu/events';
import { Actor } from '@tsunagu/identity';
import {
  DecideGuardianConsentInput,
  GuardianConsents,
  GuardianConsentThrottle,
  GuardianConsentTokenInput,
  GuardianConsentRequestType,
  GuardianConsentType,
  toGuardianConsentRequestType,
  toGuardianConsentType,
} from '@tsunagu/participants';
import { AsParent, Authenticated, Public } from '../auth/authorisation';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { RequestLoaders } from '../graphql/data-loaders';

@Resolver()
export class GuardianConsentResolver {
  constructor(
    private readonly consents: GuardianConsents,
    private readonly throttle: GuardianConsentThrottle,
  ) {}

  // The guardian has no account: the link's token is the authority, and it names one request.
  @Public()
  @Query(() => GuardianConsentRequestType, {
    description: 'What a consent link asks: the guardian page at /consent/:token (no sign-in).',
  })
  async guardianConsentRequest(
    @Args('input') input: GuardianConsentTokenInput,
  ): Promise<GuardianConsentRequestType> {
    return toGuardianConsentRequestType(await this.consents.view(input.token, input.locale));
  }

  @Public()
  @Mutation(() => GuardianConsentRequestType, {
    description:
      'The guardian consents or refuses (once, while the link works), or withdraws a consent ' +
      'given (any time), signing with their name.',
  })
  async decideGuardianConsent(
    @Args('input') input: DecideGuardianConsentInput,
  ): Promise<GuardianConsentRequestType> {
    return toGuardianConsentRequestType(
      await this.consents.decide(input.token, input.decision, input.guardianName, input.locale),
    );
  }

  @Authenticated()
  @Mutation(() => GuardianConsentType, {
    description:
      "Send your guardian's consent request again with a new link (the old one stops working). " +
      'A few times an hour at most.',
  })
  async resendGuardianConsent(
    @CurrentActor() actor: Actor,
    @Args('consentId', { type: () => ID }) consentId: string,
  ): Promise<GuardianConsentType> {
    await this.consents.assertOwn(actor, consentId);
    await this.throttle.forConsent(consentId);
    return toGuardianConsentType(await this.consents.resend(actor, consentId));
  }
}

@Resolver(() => EngagementType)
export class EngagementGuardianConsentResolver {
  @AsParent()
  @ResolveField(() => GuardianConsentType, {
    nullable: true,
    description:
      "For a participant under 18: their guardian's consent, which the region's acceptance waits for.",
  })
  async guardianConsent(
    @Parent() engagement: EngagementType,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<GuardianConsentType | null> {
    const consent = await loaders.engagementGuardianConsent.load(engagement.id);
    return consent && toGuardianConsentType(consent);
  }
}

@Resolver(() => EventRegistrationType)
export class EventRegistrationGuardianConsentResolver {
  @AsParent()
  @ResolveField(() => GuardianConsentType, {
    nullable: true,
    description:
      "For a participant under 18: their guardian's consent, without which the place is not attended.",
  })
  async guardianConsent(
    @Parent() registration: EventRegistrationType,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<GuardianConsentType | null> {
    const consent = await loaders.registrationGuardianConsent.load(registration.id);
    return consent && toGuardianConsentType(consent);
  }
}
