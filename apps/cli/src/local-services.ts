import { startLocalStack, LocalStack } from '@tsunagu/core';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// `persistent`: data in ./.data, kept across runs (npm start). `throwaway`: a temporary
// directory removed afterwards (migration generation).
export type ServicesMode = 'persistent' | 'throwaway';

export const DATA_DIR = join(process.cwd(), '.data');

function log(line: string): void {
  process.stdout.write(`[services] ${line.trimEnd()}\n`);
}

// A development signing secret, generated once and kept with the local data.
function localJwtSecret(dir: string): string {
  const file = join(dir, 'jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

export interface Services {
  stack: LocalStack;
  stop(): Promise<void>;
}

// Starts PostgreSQL and Redis unless DATABASE_URL / REDIS_URL point at running ones, and exports
// the URLs to process.env for the rest of this process and its children.
export async function startServices(mode: ServicesMode): Promise<Services> {
  const dataDir = mode === 'persistent' ? DATA_DIR : mkdtempSync(join(tmpdir(), 'tsunagu-'));
  const stack = await startLocalStack({
    dataDir,
    persistent: mode === 'persistent',
    log: () => undefined,
  });
  if (stack.started.length)
    log(`started local ${stack.started.join(' and ')} (data in ${dataDir})`);
  process.env.DATABASE_URL = stack.databaseUrl;
  process.env.REDIS_URL = stack.redisUrl;
  process.env.JWT_SECRET ??= localJwtSecret(
    mode === 'persistent' ? dataDir : join(dataDir, 'secrets'),
  );
  return {
    stack,
    stop: async () => {
      await stack.stop();
      if (stack.started.length) log(`stopped local ${stack.started.join(' and ')}`);
      if (mode === 'throwaway') rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function withServices<T>(mode: ServicesMode, fn: () => Promise<T>): Promise<T> {
  const services = await startServices(mode);
  try {
    return await fn();
  } finally {
    await services.stop();
  }
}
