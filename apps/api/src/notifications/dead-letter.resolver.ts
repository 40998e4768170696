import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Connection, mapConnection } from '@tsunagu/core';
import {
  DeadLetterService,
  NotificationDeliveriesArgs,
  NotificationDelivery,
  NotificationDeliveryConnection,
  NotificationDeliveryType,
  NotificationDigestConnection,
  NotificationDigestsArgs,
  NotificationDigestType,
} from '@tsunagu/notifications';
import { Allow, Role } from '../auth/authorisation';

function toDeliveryType(d: NotificationDelivery): NotificationDeliveryType {
  return { ...d, eventKey: d.event!.key, eventType: d.event!.type };
}

// Operators (platform admins, checked by the guard) inspect deliveries and digests, and retry
// dead ones.
@Resolver()
export class DeadLetterResolver {
  constructor(private readonly deadLetters: DeadLetterService) {}

  @Allow(Role.PLATFORM_ADMIN)
  @Query(() => NotificationDeliveryConnection, {
    description:
      'Notification deliveries, newest first (status DEAD: the dead-letter list). Admins.',
  })
  async notificationDeliveries(
    @Args() args: NotificationDeliveriesArgs,
  ): Promise<Connection<NotificationDeliveryType>> {
    return mapConnection(await this.deadLetters.deliveries(args, args), toDeliveryType);
  }

  @Allow(Role.PLATFORM_ADMIN)
  @Query(() => NotificationDigestConnection, {
    description: 'Daily digests, newest first. Admins.',
  })
  notificationDigests(
    @Args() args: NotificationDigestsArgs,
  ): Promise<Connection<NotificationDigestType>> {
    return this.deadLetters.digests(args.status, args);
  }

  @Allow(Role.PLATFORM_ADMIN)
  @Mutation(() => NotificationDeliveryType, { description: 'Sends a DEAD delivery again. Admins.' })
  async retryNotificationDelivery(
    @Args('id', { type: () => ID }) id: string,
  ): Promise<NotificationDeliveryType> {
    return toDeliveryType(await this.deadLetters.retryDelivery(id));
  }

  @Allow(Role.PLATFORM_ADMIN)
  @Mutation(() => NotificationDigestType, { description: 'Sends a DEAD digest again. Admins.' })
  retryNotificationDigest(
    @Args('id', { type: () => ID }) id: string,
  ): Promise<NotificationDigestType> {
    return this.deadLetters.retryDigest(id);
  }
}
