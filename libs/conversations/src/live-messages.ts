import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import {
  AppConfig,
  closeRedisConnection,
  createLiveChannelConnections,
  mappedIterator,
} from '@tsunagu/core';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { Redis } from 'ioredis';
import type { ConversationRole } from './conversation.entities';
import type { MessageType } from './conversation.types';

// A message as it travels through Redis (JSON: the date as an ISO string).
export interface LiveMessage {
  id: string;
  conversationId: string;
  seq: number;
  body: string;
  authorId: string | null;
  authorName: string | null;
  authorRole: ConversationRole;
  createdAt: string;
}

// Pushes new messages to the open subscriptions of their thread, whichever API instance holds
// the socket: each instance subscribes, through Redis, to the channels of the threads its users
// watch. Published by the API after the send commits.
@Injectable()
export class LiveMessages implements OnApplicationShutdown {
  private pubsub?: RedisPubSub;
  private publisher?: Redis;
  private subscriber?: Redis;

  constructor(private readonly config: AppConfig) {}

  // The prefix keeps deployments (and test runs) that share a Redis apart.
  channelFor(conversationId: string): string {
    return `${this.config.QUEUE_PREFIX}.message-added.${conversationId}`;
  }

  async publish(message: LiveMessage): Promise<void> {
    await this.connections().publish(this.channelFor(message.conversationId), message);
  }

  // The thread's messages as the viewer sees them (`mine` when they wrote it). Ending the
  // iterator (the client stops, or the socket closes) unsubscribes.
  subscribe(conversationId: string, viewerId: string): AsyncIterableIterator<MessageType> {
    const source: AsyncIterator<LiveMessage, unknown> = this.connections().asyncIterator(
      this.channelFor(conversationId),
    );
    return mappedIterator(source, (message) => fromLiveMessage(message, viewerId));
  }

  async onApplicationShutdown(): Promise<void> {
    const connections = [this.publisher, this.subscriber].filter((redis) => redis !== undefined);
    await Promise.all(connections.map(closeRedisConnection));
  }

  // Both connect on first use: an instance nobody subscribes to keeps no subscriber open.
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

function fromLiveMessage(message: LiveMessage, viewerId: string): MessageType {
  return {
    id: message.id,
    conversationId: message.conversationId,
    seq: message.seq,
    body: message.body,
    authorName: message.authorName,
    authorRole: message.authorRole,
    mine: message.authorId === viewerId,
    createdAt: new Date(message.createdAt),
  };
}
