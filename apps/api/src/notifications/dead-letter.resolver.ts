import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AppError, Connection, mapConnection } from '@tsunagu/core';
import { Actor, PolicyService } from '@tsunagu/identity';
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
import { CurrentActor } from '../auth/current-actor.decorator';

function toDeliveryType(d: NotificationDelivery): NotificationDeliveryType {
  return { ...d, eventKey: d.event!.key, eventType: d.event!.type };
}

// Operators (platform admins) inspect deliveries and digests, and retry dead ones.
@Resolver()
export class DeadLetterResolver {
  constructor(
    private readonly deadLetters: DeadLetterService,
    private readonly policy: PolicyService,
  ) {}

  @Query(() => NotificationDeliveryConnection, {
    description:
      'Notification deliveries, newest first (status DEAD: the dead-letter list). Admins.',
  })
  async notificationDeliveries(
    @CurrentActor() actor: Actor,
    @Args() args: NotificationDeliveriesArgs,
  ): Promise<Connection<NotificationDeliveryType>> {
    this.assertOperator(actor);
    return mapConnection(await this.deadLetters.deliveries(args, args), toDeliveryType);
  }

  @Query(() => NotificationDigestConnection, {
    description: 'Daily digests, newest first. Admins.',
  })
  notificationDigests(
    @CurrentActor() actor: Actor,
    @Args() args: NotificationDigestsArgs,
  ): Promise<Connection<NotificationDigestType>> {
    this.assertOperator(actor);
    return this.deadLetters.digests(args.status, args);
  }

  @Mutation(() => NotificationDeliveryType, { description: 'Sends a DEAD delivery again. Admins.' })
  async retryNotificationDelivery(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<NotificationDeliveryType> {
    this.assertOperator(actor);
    return toDeliveryType(await this.deadLetters.retryDelivery(id));
  }

  @Mutation(() => NotificationDigestType, { description: 'Sends a DEAD digest again. Admins.' })
  retryNotificationDigest(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<NotificationDigestType> {
    this.assertOperator(actor);
    return this.deadLetters.retryDigest(id);
  }

  private assertOperator(actor: Actor): void {
    if (!this.policy.isPlatformAdmin(actor)) {
      throw AppError.forbidden('Only platform admins see and retry notification deliveries');
    }
  }
}
