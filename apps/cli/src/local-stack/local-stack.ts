import { startLocalMail } from './local-mail';
import { startLocalPostgres } from './local-postgres';
import { startLocalRedis } from './local-redis';
import type { LocalServer, LocalService } from './local-postgres';
import { chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface LocalStack {
  databaseUrl: string;
  redisUrl: string;
  // SMTP_URL when given, else the local mail catcher's; undefined when neither (mail: false).
  smtpUrl?: string;
  // Names of the services this stack started itself (and will stop).
  started: string[];
  // The servers this stack started, for restarting them in place (the fault harness).
  postgres?: LocalServer;
  redis?: LocalServer;
  stop(): Promise<void>;
}

export interface LocalStackOptions {
  dataDir: string;
  persistent: boolean;
  fast?: boolean;
  // PostgreSQL and Redis in process groups of their own (see LocalPostgresOptions.detached).
  detached?: boolean;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  // Start a local mail catcher when SMTP_URL is unset (default true). Tests pass false: each
  // test that sends e-mail starts a catcher of its own and looks at what arrived.
  mail?: boolean;
  // Where the mail catcher reports each saved message; defaults to log.
  mailLog?: (line: string) => void;
}

// Uses DATABASE_URL / REDIS_URL / SMTP_URL when given; otherwise starts a private PostgreSQL,
// Redis and mail catcher on loopback with their data under dataDir.
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
  let postgres: LocalServer | undefined;
  let redis: LocalServer | undefined;
  try {
    let databaseUrl = env.DATABASE_URL;
    if (!databaseUrl) {
      postgres = await startLocalPostgres({
        dataDir: join(options.dataDir, 'postgres'),
        persistent: options.persistent,
        fast: options.fast,
        detached: options.detached,
        log: options.log,
      });
      services.push({ name: 'postgres', service: postgres });
      databaseUrl = postgres.url;
    }
    let redisUrl = env.REDIS_URL;
    if (!redisUrl) {
      redis = await startLocalRedis({
        dataDir: join(options.dataDir, 'redis'),
        persistent: options.persistent,
        detached: options.detached,
        log: options.log,
      });
      services.push({ name: 'redis', service: redis });
      redisUrl = redis.url;
    }
    let smtpUrl = env.SMTP_URL || undefined;
    if (!smtpUrl && options.mail !== false) {
      const mail = await startLocalMail({
        dataDir: join(options.dataDir, 'mail'),
        log: options.mailLog ?? options.log,
      });
      services.push({ name: 'mail', service: mail });
      smtpUrl = mail.url;
    }
    return {
      databaseUrl,
      redisUrl,
      smtpUrl,
      started: services.map((s) => s.name),
      postgres,
      redis,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
export type { LocalServer, LocalService } from './local-postgres';
export { freePort } from './free-port';
