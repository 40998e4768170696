import { startLocalMail } from './local-mail';
import { startLocalPostgres } from './local-postgres';
import { startLocalRedis } from './local-redis';
import type { LocalService } from './local-postgres';
import { chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface LocalStack {
  databaseUrl: string;
  redisUrl: string;
  // SMTP_URL when given, else the local mail catcher's; undefined when neither (mail: false).
  smtpUrl?: string;
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
    let smtpUrl = env.SMTP_URL || undefined;
    if (!smtpUrl && options.mail !== false) {
      const mail = await startLocalMail({
        dataDir: join(options.dataDir, 'mail'),
        log: options.mailLog ?? options.log,
      });
      services.push({ name: 'mail', service: mail });
      smtpUrl = mail.url;
    }
    return { databaseUrl, redisUrl, smtpUrl, started: services.map((s) => s.name), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
