import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  ActivityDayService,
  ActivityDayType,
  PublishActivityDaysInput,
  RecordActivityDayAttendanceInput,
  toActivityDayType,
  UpdateActivityDayInput,
} from '@tsunagu/engagements';
import { Actor } from '@tsunagu/identity';
import { ServiceChecks } from '../auth/authorisation';
import { CurrentActor } from '../auth/current-actor.decorator';

const ID_ARG = { type: () => ID };

// Activity days on projects: the region publishes and takes attendance, engaged people sign up.
@Resolver(() => ActivityDayType)
export class ActivityDayResolver {
  constructor(private readonly days: ActivityDayService) {}

  @ServiceChecks('projectRegion')
  @Query(() => [ActivityDayType], {
    description:
      "A project's activity days from 90 days back, soonest first, with every sign-up. Its region's staff.",
  })
  async projectActivityDays(
    @CurrentActor() actor: Actor,
    @Args('projectId', ID_ARG) projectId: string,
  ): Promise<ActivityDayType[]> {
    return (await this.days.forProject(actor, projectId)).map(toActivityDayType);
  }

  @ServiceChecks('engagementParty')
  @Query(() => [ActivityDayType], {
    description:
      "The project's upcoming days and those the engagement signed up for, with its own sign-up. The engagement's parties.",
  })
  async engagementActivityDays(
    @CurrentActor() actor: Actor,
    @Args('engagementId', ID_ARG) engagementId: string,
  ): Promise<ActivityDayType[]> {
    return (await this.days.forEngagement(actor, engagementId)).map(toActivityDayType);
  }

  @ServiceChecks('projectRegion')
  @Mutation(() => [ActivityDayType], {
    description:
      'Publish one or more days (Japan time) with places on a published or closed project; engaged people hear of them. Its region.',
  })
  async publishActivityDays(
    @CurrentActor() actor: Actor,
    @Args('input') input: PublishActivityDaysInput,
  ): Promise<ActivityDayType[]> {
    return (await this.days.publish(actor, input)).map(toActivityDayType);
  }

  @ServiceChecks('projectRegion')
  @Mutation(() => ActivityDayType, {
    description: 'Change places (never below those signed up), meeting point, what to bring, note.',
  })
  async updateActivityDay(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateActivityDayInput,
  ): Promise<ActivityDayType> {
    return toActivityDayType(await this.days.update(actor, input));
  }

  @ServiceChecks('projectRegion')
  @Mutation(() => ActivityDayType, {
    description: 'Call a day off before it starts; those signed up hear of it. Its region.',
  })
  async cancelActivityDay(
    @CurrentActor() actor: Actor,
    @Args('activityDayId', ID_ARG) activityDayId: string,
  ): Promise<ActivityDayType> {
    return toActivityDayType(await this.days.cancel(actor, activityDayId));
  }

  @ServiceChecks('activityDayVolunteer')
  @Mutation(() => ActivityDayType, {
    description:
      'A place on the day for your engagement on its project, until midnight (Japan time) starting the day.',
  })
  async signUpForActivityDay(
    @CurrentActor() actor: Actor,
    @Args('activityDayId', ID_ARG) activityDayId: string,
  ): Promise<ActivityDayType> {
    return toActivityDayType(await this.days.signUp(actor, activityDayId));
  }

  @ServiceChecks('activityDayVolunteer')
  @Mutation(() => ActivityDayType, {
    description: 'Give your place back, until midnight (Japan time) starting the day.',
  })
  async cancelActivityDaySignup(
    @CurrentActor() actor: Actor,
    @Args('activityDayId', ID_ARG) activityDayId: string,
  ): Promise<ActivityDayType> {
    return toActivityDayType(await this.days.cancelSignup(actor, activityDayId));
  }

  @ServiceChecks('projectRegion')
  @Mutation(() => ActivityDayType, {
    description:
      'Attendance once the day started: present credits the day’s hours as approved on the engagement (once); absent removes them.',
  })
  async recordActivityDayAttendance(
    @CurrentActor() actor: Actor,
    @Args('input') input: RecordActivityDayAttendanceInput,
  ): Promise<ActivityDayType> {
    return toActivityDayType(
      await this.days.recordAttendance(actor, input.activityDayId, input.entries),
    );
  }
}
