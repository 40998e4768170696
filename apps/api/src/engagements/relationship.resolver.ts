import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  EngagementCompletionType,
  EngagementFeedbackType,
  EngagementRelationshipService,
  FollowUpType,
  GiveEngagementFeedbackInput,
  RecordFollowUpInput,
  RegionRelationshipType,
  toEngagementFeedbackType,
  toFollowUpType,
  toRegionRelationshipType,
  EngagementReferenceArgs,
  engagementIdOf,
  withEngagementId,
} from '@tsunagu/engagements';
import { Actor } from '@tsunagu/identity';
import { Allow, Authenticated, Role, ServiceChecks } from '../auth/authorisation';
import { CurrentActor } from '../auth/current-actor.decorator';

@Resolver()
export class RelationshipResolver {
  constructor(private readonly relationships: EngagementRelationshipService) {}

  @ServiceChecks('engagementParty')
  @Mutation(() => EngagementFeedbackType, {
    description:
      'After completion, the participant rates the region and the region the participant; once each.',
  })
  async giveEngagementFeedback(
    @CurrentActor() actor: Actor,
    @Args('input') input: GiveEngagementFeedbackInput,
  ): Promise<EngagementFeedbackType> {
    return toEngagementFeedbackType(
      await this.relationships.giveFeedback(actor, withEngagementId(input)),
    );
  }

  @ServiceChecks('engagementParty')
  @Query(() => [EngagementFeedbackType], { description: "A completed engagement's feedback." })
  async engagementFeedback(
    @CurrentActor() actor: Actor,
    @Args() reference: EngagementReferenceArgs,
  ): Promise<EngagementFeedbackType[]> {
    return (await this.relationships.feedback(actor, engagementIdOf(reference))).map(
      toEngagementFeedbackType,
    );
  }

  @ServiceChecks('engagementParty')
  @Query(() => EngagementCompletionType, { description: 'Certificate data of a completion.' })
  async engagementCompletion(
    @CurrentActor() actor: Actor,
    @Args() reference: EngagementReferenceArgs,
  ): Promise<EngagementCompletionType> {
    const completion = await this.relationships.completion(actor, engagementIdOf(reference));
    return { ...completion, applicationId: completion.engagementId };
  }

  @ServiceChecks('engagementParty')
  @Mutation(() => FollowUpType, {
    description: 'The participant or a supervising intermediary records what became of it.',
  })
  async recordFollowUp(
    @CurrentActor() actor: Actor,
    @Args('input') input: RecordFollowUpInput,
  ): Promise<FollowUpType> {
    return toFollowUpType(await this.relationships.recordFollowUp(actor, input));
  }

  @Authenticated()
  @Query(() => [FollowUpType], { description: 'Your follow-ups, the soonest due first.' })
  async myFollowUps(@CurrentActor() actor: Actor): Promise<FollowUpType[]> {
    return (await this.relationships.myFollowUps(actor)).map(toFollowUpType);
  }

  @Allow(Role.INTERMEDIARY_STAFF, 'remit')
  @Query(() => [FollowUpType], {
    description: 'Follow-ups due and not yet recorded in your remit, the oldest first.',
  })
  async dueFollowUps(@CurrentActor() actor: Actor): Promise<FollowUpType[]> {
    return (await this.relationships.dueFollowUps(actor)).map(toFollowUpType);
  }

  @Authenticated()
  @Query(() => [RegionRelationshipType], { description: 'Your relationships with regions.' })
  async myRegionRelationships(@CurrentActor() actor: Actor): Promise<RegionRelationshipType[]> {
    return (await this.relationships.myRegionRelationships(actor)).map(toRegionRelationshipType);
  }

  // The service answers NOT_FOUND to anyone else, so a region's existence is not confirmed by a
  // role check.
  @ServiceChecks('regionStaff')
  @Query(() => [RegionRelationshipType], {
    description: "A region's relationships with participants, the most recent contact first.",
  })
  async regionRelationships(
    @CurrentActor() actor: Actor,
    @Args('regionOrganizationId', { type: () => ID }) regionOrganizationId: string,
  ): Promise<RegionRelationshipType[]> {
    return (await this.relationships.regionRelationships(actor, regionOrganizationId)).map(
      toRegionRelationshipType,
    );
  }
}
