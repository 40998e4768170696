import { Args, ID, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { Connection, mapConnection } from '@tsunagu/core';
import { Actor } from '@tsunagu/identity';
import {
  LiveNotifications,
  MyNotificationsArgs,
  NotificationConnection,
  NotificationService,
  NotificationType,
  toNotificationType,
} from '@tsunagu/notifications';
import { Authenticated } from '../auth/authorisation';
import { CurrentActor } from '../auth/current-actor.decorator';

@Resolver(() => NotificationType)
export class NotificationResolver {
  constructor(
    private readonly notifications: NotificationService,
    private readonly live: LiveNotifications,
  ) {}

  @Authenticated()
  @Query(() => NotificationConnection, { description: 'Your in-app notifications, newest first.' })
  async myNotifications(
    @CurrentActor() actor: Actor,
    @Args() args: MyNotificationsArgs,
  ): Promise<Connection<NotificationType>> {
    return mapConnection(
      await this.notifications.listMine(actor.userId, args, args.unreadOnly),
      toNotificationType,
    );
  }

  @Authenticated()
  @Query(() => Int)
  unreadNotificationCount(@CurrentActor() actor: Actor): Promise<number> {
    return this.notifications.unreadCount(actor.userId);
  }

  @Authenticated()
  @Mutation(() => Int, {
    description: 'Marks all your notifications read; returns how many were unread.',
  })
  markAllNotificationsRead(@CurrentActor() actor: Actor): Promise<number> {
    return this.notifications.markAllRead(actor.userId);
  }

  @Authenticated()
  @Mutation(() => NotificationType)
  async markNotificationRead(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<NotificationType> {
    return toNotificationType(await this.notifications.markRead(actor.userId, id));
  }

  // Each yielded value is the notification itself, not an object keyed by the field name.
  @Authenticated()
  @Subscription(() => NotificationType, {
    description: 'Your in-app notifications as they arrive (graphql-ws on /graphql).',
    resolve: (notification: NotificationType) => notification,
  })
  notificationAdded(@CurrentActor() actor: Actor): AsyncIterableIterator<NotificationType> {
    return this.live.subscribe(actor.userId);
  }
}
