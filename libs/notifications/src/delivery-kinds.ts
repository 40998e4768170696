import { registerEnumType } from '@nestjs/graphql';

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
registerEnumType(DeliveryMode, { name: 'DeliveryMode' });
registerEnumType(DeliveryStatus, { name: 'DeliveryStatus' });
