import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { PageArgs, Paginated } from '@tsunagu/core';
import { NOTIFICATION_EVENT_TYPES, NotificationEventType } from '../notified-events';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { DeliveryStatus, NotificationEventTypeEnum } from '../delivery-kinds';
import { IsWebhookUrl } from './webhook-url';

export const WEBHOOK_DESCRIPTION_MAX = 500;
// Only set when a field is given: null is refused with a message rather than stored.
const isGiven = (_: object, value: unknown) => value !== undefined;

@ObjectType('WebhookEndpoint', {
  description: "An organisation's receiver of signed event calls (its CRM, a workflow tool).",
})
export class WebhookEndpointType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field()
  url!: string;

  @Field(() => [NotificationEventTypeEnum])
  eventTypes!: NotificationEventType[];

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field({ description: 'False after too many failures in a row, or when turned off.' })
  enabled!: boolean;

  @Field(() => Int, { description: 'Failed calls in a row; a success resets it.' })
  consecutiveFailures!: number;

  @Field(() => Date, { nullable: true })
  disabledAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was disabled, e.g. the last error.' })
  disabledReason!: string | null;

  @Field()
  createdAt!: Date;
}

@ObjectType('WebhookEndpointWithSecret', {
  description: 'Returned on create and on rotate only: the secret is never shown again.',
})
export class WebhookEndpointWithSecretType {
  @Field(() => WebhookEndpointType)
  endpoint!: WebhookEndpointType;

  @Field({ description: 'Key of the HMAC-SHA256 in the Tsunagu-Signature header.' })
  secret!: string;
}

@ObjectType('WebhookAttempt', { description: 'One call to the endpoint.' })
export class WebhookAttemptType {
  @Field()
  attemptedAt!: Date;

  @Field(() => Int, { nullable: true, description: 'Null when no response came.' })
  statusCode!: number | null;

  @Field(() => String, { nullable: true, description: 'Null for a successful call.' })
  error!: string | null;

  @Field(() => Int)
  durationMs!: number;
}

@ObjectType('WebhookDelivery', {
  description:
    'One event to one endpoint, delivered at least once: a call may be repeated, so receivers ignore an id they have seen.',
})
export class WebhookDeliveryType {
  @Field(() => ID, { description: 'Also sent as Tsunagu-Delivery: the idempotency key.' })
  id!: string;

  @Field(() => ID)
  endpointId!: string;

  @Field(() => ID, { description: "The endpoint's organisation." })
  organizationId!: string;

  @Field(() => NotificationEventTypeEnum)
  eventType!: NotificationEventType;

  @Field({ description: "The event's unique key, as in the body." })
  eventKey!: string;

  @Field(() => DeliveryStatus, { description: 'PENDING, SENT or DEAD.' })
  status!: DeliveryStatus;

  @Field(() => Int, { description: 'Calls since planned or last retried.' })
  attempts!: number;

  @Field(() => Int, { nullable: true })
  lastStatusCode!: number | null;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field(() => Int, { description: 'Retries asked for after it was DEAD.' })
  retries!: number;

  @Field(() => Date, { nullable: true })
  sentAt!: Date | null;

  @Field()
  createdAt!: Date;

  @Field(() => [WebhookAttemptType], { description: 'Every call, oldest first.' })
  attemptLog!: WebhookAttemptType[];
}

export const WebhookDeliveryConnection = Paginated(WebhookDeliveryType);

@InputType()
export class CreateWebhookEndpointInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be an organisation id' })
  organizationId!: string;

  @Field({
    description:
      'http(s), no credentials; a public host unless the server allows private networks; https only in production.',
  })
  @IsWebhookUrl()
  url!: string;

  @Field(() => [NotificationEventTypeEnum])
  @IsArray()
  @ArrayNotEmpty({ message: 'must name at least one event type' })
  @ArrayMaxSize(NOTIFICATION_EVENT_TYPES.length)
  @ArrayUnique({ message: 'must not repeat an event type' })
  @IsIn(NOTIFICATION_EVENT_TYPES, { each: true, message: 'must be known event types' })
  eventTypes!: NotificationEventType[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(WEBHOOK_DESCRIPTION_MAX)
  description?: string | null;
}

@InputType({ description: 'Only the fields given change.' })
export class UpdateWebhookEndpointInput {
  @Field(() => String, { nullable: true })
  @ValidateIf(isGiven)
  @IsWebhookUrl()
  url?: string;

  @Field(() => [NotificationEventTypeEnum], { nullable: true })
  @ValidateIf(isGiven)
  @IsArray()
  @ArrayNotEmpty({ message: 'must name at least one event type' })
  @ArrayMaxSize(NOTIFICATION_EVENT_TYPES.length)
  @ArrayUnique({ message: 'must not repeat an event type' })
  @IsIn(NOTIFICATION_EVENT_TYPES, { each: true, message: 'must be known event types' })
  eventTypes?: NotificationEventType[];

  @Field(() => String, { nullable: true, description: 'null clears it.' })
  @IsOptional()
  @IsString()
  @MaxLength(WEBHOOK_DESCRIPTION_MAX)
  description?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true re-enables a disabled endpoint and resets its failure count.',
  })
  @ValidateIf(isGiven)
  @IsBoolean()
  enabled?: boolean;
}

@ArgsType()
export class WebhookDeliveriesArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be a webhook endpoint id' })
  endpointId!: string;

  @Field(() => DeliveryStatus, { nullable: true })
  @IsOptional()
  @IsEnum(DeliveryStatus)
  status?: DeliveryStatus;
}
