import { registerEnumType } from '@nestjs/graphql';
import { RecipientRole } from '@tsunagu/core';
import { NOTIFICATION_EVENT_TYPES, NotificationEventType } from './notified-events';

// Where a notification goes to a person. Webhooks go to organisations and have their own log.
export enum DeliveryChannel {
  IN_APP = 'IN_APP',
  EMAIL = 'EMAIL',
}

// A person's choice per event type and channel.
export enum DeliveryMode {
  IMMEDIATELY = 'IMMEDIATELY',
  DAILY_DIGEST = 'DAILY_DIGEST',
  OFF = 'OFF',
}

export enum DeliveryStatus {
  // Waiting for (or between) attempts.
  PENDING = 'PENDING',
  // Waiting for the recipient's next daily digest.
  IN_DIGEST = 'IN_DIGEST',
  // Done: stored in-app, accepted by the SMTP server, or sent within a digest.
  SENT = 'SENT',
  // Every attempt failed; an operator may retry it.
  DEAD = 'DEAD',
}

registerEnumType(DeliveryChannel, { name: 'DeliveryChannel' });
registerEnumType(RecipientRole, {
  name: 'RecipientRole',
  description: 'In which capacity a person hears of an event: participant, region or intermediary.',
});
registerEnumType(DeliveryMode, { name: 'DeliveryMode' });
registerEnumType(DeliveryStatus, { name: 'DeliveryStatus' });

// The event types as a GraphQL enum. The domain keeps them as a string union with one list
// (NOTIFICATION_EVENT_TYPES); this object mirrors that list so GraphQL can name them, once for
// preferences, webhooks and deliveries alike.
export const NotificationEventTypeEnum = Object.fromEntries(
  NOTIFICATION_EVENT_TYPES.map((type) => [type, type]),
) as { [T in NotificationEventType]: T };

registerEnumType(NotificationEventTypeEnum, {
  name: 'NotificationEventType',
  description: 'What happened: the kinds of event people and webhooks are told about.',
});
