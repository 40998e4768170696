import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Connection, mapConnection, PageArgs } from '@tsunagu/core';
import { Actor } from '@tsunagu/identity';
import {
  ProjectReviewService,
  ReviewQueueItemConnection,
  ReviewQueueItemType,
  toProjectType,
} from '@tsunagu/projects';
import { Allow, Role } from '../auth/authorisation';
import { CurrentActor } from '../auth/current-actor.decorator';

@Resolver(() => ReviewQueueItemType)
export class ReviewResolver {
  constructor(private readonly review: ProjectReviewService) {}

  @Allow([Role.INTERMEDIARY_STAFF, Role.PLATFORM_ADMIN], 'intermediaryStaff')
  @Query(() => ReviewQueueItemConnection, {
    description:
      "Projects in review that the intermediary's remit covers, the oldest submission first.",
  })
  async reviewQueue(
    @CurrentActor() actor: Actor,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args() page: PageArgs,
  ): Promise<Connection<ReviewQueueItemType>> {
    return mapConnection(await this.review.queue(actor, organizationId, page), (item) => ({
      ...item,
      project: toProjectType(item.project),
    }));
  }
}
