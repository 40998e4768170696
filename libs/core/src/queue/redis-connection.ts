import { Redis, RedisOptions } from 'ioredis';

// BullMQ needs maxRetriesPerRequest: null on connections used by workers (blocking commands).
export function createRedisConnection(url: string, overrides: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false, ...overrides });
}

// The two connections of a live channel (graphql-redis-subscriptions' RedisPubSub), both opened
// on first use. A publish while Redis is away fails after one reconnection attempt instead of
// waiting: what it announces is stored, and readers catch up when they reconnect. The publisher
// pipelines the commands of one event-loop turn in one write: a fan-out pushes each recipient's
// notification with one PUBLISH, and sent one by one they cost a socket write each.
// Subscriptions wait for Redis and resubscribe on reconnect. Redis being away is reported by
// /health, and ioredis reconnects by itself, so connection errors are not raised here.
export function createLiveChannelConnections(url: string): { publisher: Redis; subscriber: Redis } {
  const publisher = createRedisConnection(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    enableAutoPipelining: true,
  });
  const subscriber = createRedisConnection(url, { lazyConnect: true });
  publisher.on('error', () => undefined);
  subscriber.on('error', () => undefined);
  return { publisher, subscriber };
}

// quit() on a connection that never connected would connect first, just to say goodbye.
export async function closeRedisConnection(redis: Redis): Promise<void> {
  if (redis.status !== 'ready') {
    redis.disconnect();
    return;
  }
  await redis.quit().catch(() => redis.disconnect());
}
