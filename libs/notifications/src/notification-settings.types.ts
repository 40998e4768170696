import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { PageArgs, Paginated } from '@tsunagu/core';
import { NOTIFICATION_EVENT_TYPES, NotificationEventType } from './notified-events';
import { IsEnum, IsIn, IsOptional } from 'class-validator';
import {
  DeliveryChannel,
  DeliveryMode,
  DeliveryStatus,
  NotificationEventTypeEnum,
} from './delivery-kinds';

@ObjectType('NotificationPreference')
export class NotificationPreferenceType {
  @Field(() => NotificationEventTypeEnum)
  eventType!: NotificationEventType;

  @Field(() => DeliveryChannel)
  channel!: DeliveryChannel;

  @Field(() => DeliveryMode)
  mode!: DeliveryMode;

  @Field({ description: 'True while no choice of your own overrides the default for your role.' })
  isDefault!: boolean;
}

@InputType()
export class NotificationPreferenceInput {
  @Field(() => NotificationEventTypeEnum)
  @IsIn(NOTIFICATION_EVENT_TYPES, { message: 'must be a notification event type' })
  eventType!: NotificationEventType;

  @Field(() => DeliveryChannel)
  @IsEnum(DeliveryChannel)
  channel!: DeliveryChannel;

  @Field(() => DeliveryMode, {
    nullable: true,
    description: 'IMMEDIATELY, DAILY_DIGEST (e-mail only) or OFF; null returns to the default.',
  })
  @IsOptional()
  @IsEnum(DeliveryMode)
  mode!: DeliveryMode | null;
}

@ObjectType('NotificationDelivery')
export class NotificationDeliveryType {
  @Field(() => ID)
  id!: string;

  @Field()
  eventKey!: string;

  @Field(() => NotificationEventTypeEnum)
  eventType!: NotificationEventType;

  @Field(() => ID)
  recipientId!: string;

  @Field(() => DeliveryChannel)
  channel!: DeliveryChannel;

  @Field(() => DeliveryMode)
  mode!: DeliveryMode;

  @Field(() => DeliveryStatus)
  status!: DeliveryStatus;

  @Field(() => Int)
  attempts!: number;

  @Field(() => Int, { description: 'Operator retries after the dead-letter state.' })
  retries!: number;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field(() => ID, { nullable: true })
  digestId!: string | null;

  @Field(() => Date, { nullable: true })
  sentAt!: Date | null;

  @Field()
  createdAt!: Date;
}

@ObjectType('NotificationDigest')
export class NotificationDigestType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  recipientId!: string;

  @Field({ description: "The recipient's local date (YYYY-MM-DD) in their time zone." })
  localDate!: string;

  @Field()
  timeZone!: string;

  @Field(() => DeliveryStatus)
  status!: DeliveryStatus;

  @Field(() => Int)
  attempts!: number;

  @Field(() => Int)
  retries!: number;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field(() => Date, { nullable: true })
  sentAt!: Date | null;

  @Field()
  createdAt!: Date;
}

export const NotificationDeliveryConnection = Paginated(NotificationDeliveryType);
export const NotificationDigestConnection = Paginated(NotificationDigestType);

@ArgsType()
export class NotificationDeliveriesArgs extends PageArgs {
  @Field(() => DeliveryStatus, { nullable: true })
  @IsOptional()
  @IsEnum(DeliveryStatus)
  status?: DeliveryStatus | null;

  @Field(() => DeliveryChannel, { nullable: true })
  @IsOptional()
  @IsEnum(DeliveryChannel)
  channel?: DeliveryChannel | null;
}

@ArgsType()
export class NotificationDigestsArgs extends PageArgs {
  @Field(() => DeliveryStatus, { nullable: true })
  @IsOptional()
  @IsEnum(DeliveryStatus)
  status?: DeliveryStatus | null;
}
