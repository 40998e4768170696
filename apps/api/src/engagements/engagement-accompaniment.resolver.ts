import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Connection, mapConnection, PageArgs } from '@tsunagu/core';
import {
  AddCheckInInput,
  AddEngagementNoteInput,
  AddMilestoneInput,
  EngagementConnection,
  EngagementType,
  EngagementAccompanimentService,
  EngagementCheckInType,
  EngagementHealth,
  EngagementHealthCountType,
  EngagementHealthService,
  EngagementMilestoneType,
  EngagementNoteType,
  EngagementResponseService,
  SupervisedEngagementConnection,
  SupervisedEngagementsArgs,
  SupervisedEngagementType,
  toEngagementType,
  toEngagementCheckInType,
  toEngagementMilestoneType,
  toEngagementNoteType,
  toSupervisedEngagementType,
  EngagementReferenceArgs,
  engagementIdOf,
  withEngagementId,
} from '@tsunagu/engagements';
import { Actor } from '@tsunagu/identity';
import { Allow, Role, ServiceChecks } from '../auth/authorisation';
import { CurrentActor } from '../auth/current-actor.decorator';

@Resolver()
export class EngagementAccompanimentResolver {
  constructor(
    private readonly accompaniment: EngagementAccompanimentService,
    private readonly health: EngagementHealthService,
    private readonly responses: EngagementResponseService,
  ) {}

  @ServiceChecks('engagementParty')
  @Mutation(() => EngagementCheckInType, {
    description: 'The participant reports on an ACTIVE engagement: what was done, hours, mood.',
  })
  async addCheckIn(
    @CurrentActor() actor: Actor,
    @Args('input') input: AddCheckInInput,
  ): Promise<EngagementCheckInType> {
    return toEngagementCheckInType(
      await this.accompaniment.addCheckIn(actor, withEngagementId(input)),
    );
  }

  @ServiceChecks('engagementParty')
  @Mutation(() => EngagementCheckInType, {
    description: "The region approves a check-in's hours; from then on they count.",
  })
  async approveCheckInHours(
    @CurrentActor() actor: Actor,
    @Args('checkInId', { type: () => ID }) checkInId: string,
  ): Promise<EngagementCheckInType> {
    return toEngagementCheckInType(await this.accompaniment.approveCheckInHours(actor, checkInId));
  }

  @Allow([Role.REGION_STAFF, Role.INTERMEDIARY_STAFF], 'engagementParty')
  @Mutation(() => EngagementNoteType, {
    description: 'A note shared with the engagement, or a private note of the intermediary.',
  })
  async addEngagementNote(
    @CurrentActor() actor: Actor,
    @Args('input') input: AddEngagementNoteInput,
  ): Promise<EngagementNoteType> {
    return toEngagementNoteType(await this.accompaniment.addNote(actor, withEngagementId(input)));
  }

  @Allow([Role.REGION_STAFF, Role.INTERMEDIARY_STAFF], 'engagementParty')
  @Mutation(() => EngagementMilestoneType, { description: 'A milestone of an ACTIVE engagement.' })
  async addMilestone(
    @CurrentActor() actor: Actor,
    @Args('input') input: AddMilestoneInput,
  ): Promise<EngagementMilestoneType> {
    return toEngagementMilestoneType(
      await this.accompaniment.addMilestone(actor, withEngagementId(input)),
    );
  }

  @ServiceChecks('engagementParty')
  @Mutation(() => EngagementMilestoneType)
  async completeMilestone(
    @CurrentActor() actor: Actor,
    @Args('milestoneId', { type: () => ID }) milestoneId: string,
  ): Promise<EngagementMilestoneType> {
    return toEngagementMilestoneType(
      await this.accompaniment.completeMilestone(actor, milestoneId),
    );
  }

  @ServiceChecks('engagementParty')
  @Query(() => [EngagementCheckInType], { description: "An engagement's check-ins, newest first." })
  async engagementCheckIns(
    @CurrentActor() actor: Actor,
    @Args() reference: EngagementReferenceArgs,
  ): Promise<EngagementCheckInType[]> {
    return (await this.accompaniment.checkIns(actor, engagementIdOf(reference))).map(
      toEngagementCheckInType,
    );
  }

  @ServiceChecks('engagementParty')
  @Query(() => [EngagementNoteType], {
    description: "An engagement's notes, newest first; private ones for intermediary staff only.",
  })
  async engagementNotes(
    @CurrentActor() actor: Actor,
    @Args() reference: EngagementReferenceArgs,
  ): Promise<EngagementNoteType[]> {
    return (await this.accompaniment.notes(actor, engagementIdOf(reference))).map(
      toEngagementNoteType,
    );
  }

  @ServiceChecks('engagementParty')
  @Query(() => [EngagementMilestoneType], {
    description: "An engagement's milestones by due date.",
  })
  async engagementMilestones(
    @CurrentActor() actor: Actor,
    @Args() reference: EngagementReferenceArgs,
  ): Promise<EngagementMilestoneType[]> {
    return (await this.accompaniment.milestones(actor, engagementIdOf(reference))).map(
      toEngagementMilestoneType,
    );
  }

  @Allow(Role.INTERMEDIARY_STAFF, 'remit')
  @Query(() => SupervisedEngagementConnection, {
    description: 'ACTIVE engagements in your remit with their health, the longest-quiet first.',
  })
  async supervisedEngagements(
    @CurrentActor() actor: Actor,
    @Args() args: SupervisedEngagementsArgs,
  ): Promise<Connection<SupervisedEngagementType>> {
    const { health, ...page } = args;
    return mapConnection(
      await this.health.supervised(actor, page, health),
      toSupervisedEngagementType,
    );
  }

  @Allow(Role.INTERMEDIARY_STAFF, 'remit')
  @Query(() => [EngagementHealthCountType], {
    description:
      'How many ACTIVE engagements in your remit are in each health (every health, even at 0).',
  })
  async supervisedHealthCounts(@CurrentActor() actor: Actor): Promise<EngagementHealthCountType[]> {
    const counts = await this.health.healthCounts(actor);
    return Object.values(EngagementHealth).map((health) => ({ health, count: counts[health] }));
  }

  @Allow(Role.INTERMEDIARY_STAFF, 'remit')
  @Query(() => EngagementConnection, {
    description:
      "Applications in your remit still waiting for the region's answer past the response period, the longest-waiting first.",
  })
  async overdueApplications(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
  ): Promise<Connection<EngagementType>> {
    return mapConnection(await this.responses.overdue(actor, page), toEngagementType);
  }
}
