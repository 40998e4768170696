import { startLocalPostgres } from './local-postgres';
import { startLocalRedis } from './local-redis';
import type { LocalService } from './local-postgres';
import { chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface LocalStack {
  databaseUrl: string;
  redisUrl: string;
  // Names of the services this stack started itself (and will stop).
  started: string[];
  stop(): Promise<void>;
}

export interface LocalStackOptions {
  dataDir: string;
  persistent: boolean;
  fast?: boolean;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

// Uses DATABASE_URL / REDIS_URL when given; otherwise starts a private PostgreSQL and Redis on
// loopback with their data under dataDir.
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const env = options.env ?? process.env;
  const services: Array<{ name: string; service: LocalService }> = [];
  const stop = async () => {
    for (const { service } of services.reverse()) await service.stop();
  };
  if (!env.DATABASE_URL || !env.REDIS_URL) {
    await mkdir(options.dataDir, { recursive: true });
    // As root, PostgreSQL runs as the postgres user, which must be able to enter our directory.
    if (process.getuid?.() === 0) await chmod(options.dataDir, 0o755);
  }
  try {
    let databaseUrl = env.DATABASE_URL;
    if (!databaseUrl) {
      const pg = await startLocalPostgres({
        dataDir: join(options.dataDir, 'postgres'),
        persistent: options.persistent,
        fast: options.fast,
        log: options.log,
      });
      services.push({ name: 'postgres', service: pg });
      databaseUrl = pg.url;
    }
    let redisUrl = env.REDIS_URL;
    if (!redisUrl) {
      const redis = await startLocalRedis({
        dataDir: join(options.dataDir, 'redis'),
        persistent: options.persistent,
        log: options.log,
      });
      services.push({ name: 'redis', service: redis });
      redisUrl = redis.url;
    }
    return { databaseUrl, redisUrl, started: services.map((s) => s.name), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
