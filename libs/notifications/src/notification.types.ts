import { ArgsType, Field, ID, ObjectType } from '@nestjs/graphql';
import { PageArgs, Paginated, RecipientRole } from '@tsunagu/core';
import { IsBoolean } from 'class-validator';

@ObjectType('NotificationFact', {
  description: "One fact a notification was worded from, e.g. project = the project's title.",
})
export class NotificationFactType {
  @Field({ description: 'project, participant, region, fromStatus, toStatus, reason, months…' })
  name!: string;

  @Field()
  value!: string;
}

@ObjectType('Notification')
export class NotificationType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'The event type, e.g. APPLICATION_SUBMITTED (see NotificationEventType).' })
  type!: string;

  @Field()
  title!: string;

  @Field()
  body!: string;

  @Field(() => ID, { nullable: true })
  projectId!: string | null;

  @Field(() => ID, { nullable: true })
  engagementId!: string | null;

  @Field(() => ID, {
    nullable: true,
    deprecationReason: 'Use engagementId: an application is an engagement.',
  })
  applicationId!: string | null;

  @Field(() => ID, { nullable: true })
  scoutOfferId!: string | null;

  @Field(() => ID, { nullable: true })
  followUpId!: string | null;

  @Field(() => ID, { nullable: true })
  cohortId!: string | null;

  @Field(() => ID, { nullable: true })
  allocationId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The event of an event notification' })
  eventId!: string | null;

  @Field(() => [NotificationFactType], {
    description:
      'What the title and body were worded from, to word them again in another language.',
  })
  facts!: NotificationFactType[];

  @Field(() => RecipientRole, {
    nullable: true,
    description:
      'In which capacity you heard of it (null for notifications older than this field).',
  })
  audience!: RecipientRole | null;
  @Field(() => ID, { nullable: true, description: 'The thread of a MESSAGE_POSTED notification.' })
  conversationId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The organisation you heard of it for, as its staff (null when you heard of it yourself).',
  })
  organizationId!: string | null;

  @Field(() => Date, { nullable: true })
  readAt!: Date | null;

  @Field()
  createdAt!: Date;
}

export const NotificationConnection = Paginated(NotificationType);

@ArgsType()
export class MyNotificationsArgs extends PageArgs {
  @Field(() => Boolean, { defaultValue: false })
  @IsBoolean()
  unreadOnly = false;
}
