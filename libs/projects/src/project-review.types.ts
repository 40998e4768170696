import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@tsunagu/core';
import { ProjectType } from './project.types';

@ObjectType('ReviewQueueItem', {
  description: 'A project waiting for an intermediary to publish it or send it back.',
})
export class ReviewQueueItemType {
  @Field(() => ProjectType)
  project!: ProjectType;

  @Field({ description: 'When the region last submitted it for review.' })
  submittedAt!: Date;

  @Field(() => Int, { description: 'How many times it was sent back before.' })
  sentBackCount!: number;
}

export const ReviewQueueItemConnection = Paginated(ReviewQueueItemType);
