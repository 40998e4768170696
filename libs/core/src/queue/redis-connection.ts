import { Redis, RedisOptions } from 'ioredis';

// BullMQ needs maxRetriesPerRequest: null on connections used by workers (blocking commands).
export function createRedisConnection(url: string, overrides: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false, ...overrides });
}
