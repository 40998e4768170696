import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, closeRedisConnection, createLiveChannelConnections } from '@tsunagu/core';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { Redis } from 'ioredis';
import { toNotificationType } from '../notification-mapping';
import type { Notification } from '../notification.entity';
import type { NotificationType } from '../notification.types';

// What travels through Redis: JSON, so the dates are ISO strings until the subscriber revives them.
interface LiveNotificationMessage {
  recipientId: string;
  notification: Omit<NotificationType, 'readAt' | 'createdAt'> & {
    readAt: string | null;
    createdAt: string;
  };
}

// Pushes stored in-app notifications to their recipient's open subscriptions, whichever API
// instance holds the socket: every instance subscribes, through Redis, to the channels of the
// users connected to it. The worker only publishes.
@Injectable()
export class LiveNotifications implements OnApplicationShutdown {
  private pubsub?: RedisPubSub;
  private publisher?: Redis;
  private subscriber?: Redis;

  constructor(private readonly config: AppConfig) {}

  // One channel per recipient, so an instance receives only its own users' notifications; the
  // prefix keeps deployments (and test runs) that share a Redis apart.
  channelFor(userId: string): string {
    return `${this.config.QUEUE_PREFIX}.notification-added.${userId}`;
  }

  async publish(notification: Notification): Promise<void> {
    const fields = toNotificationType(notification);
    const message: LiveNotificationMessage = {
      recipientId: notification.recipientId,
      notification: {
        ...fields,
        readAt: fields.readAt?.toISOString() ?? null,
        createdAt: fields.createdAt.toISOString(),
      },
    };
    await this.connections().publish(this.channelFor(notification.recipientId), message);
  }

  // The user's notifications as they are published. Ending the iterator (the client stops, or
  // the socket closes) unsubscribes at once, even while it is waiting for the next message.
  subscribe(userId: string): AsyncIterableIterator<NotificationType> {
    const source: AsyncIterator<LiveNotificationMessage, unknown> =
      this.connections().asyncIterator(this.channelFor(userId));
    return {
      async next(): Promise<IteratorResult<NotificationType>> {
        for (;;) {
          const result = await source.next();
          if (result.done) return { done: true, value: undefined };
          // The channel is the user's own; checking the recipient as well costs nothing.
          if (result.value.recipientId === userId) {
            return { done: false, value: revive(result.value.notification) };
          }
        }
      },
      async return(): Promise<IteratorResult<NotificationType>> {
        await source.return?.();
        return { done: true, value: undefined };
      },
      async throw(error: unknown): Promise<IteratorResult<NotificationType>> {
        await source.return?.();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  async onApplicationShutdown(): Promise<void> {
    const connections = [this.publisher, this.subscriber].filter((redis) => redis !== undefined);
    await Promise.all(connections.map(closeRedisConnection));
  }

  // Both connections connect on first use: the worker, which only publishes, never opens the
  // subscriber, and an API instance with nobody subscribed keeps no subscriber open either.
  private connections(): RedisPubSub {
    if (!this.pubsub) {
      const { publisher, subscriber } = createLiveChannelConnections(this.config.REDIS_URL);
      this.publisher = publisher;
      this.subscriber = subscriber;
      this.pubsub = new RedisPubSub({ publisher: this.publisher, subscriber: this.subscriber });
    }
    return this.pubsub;
  }
}

function revive(notification: LiveNotificationMessage['notification']): NotificationType {
  return {
    ...notification,
    readAt: notification.readAt === null ? null : new Date(notification.readAt),
    createdAt: new Date(notification.createdAt),
  };
}
