import { startLocalStack, LocalStack } from './local-stack/local-stack';
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

function listed(names: string[]): string {
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names.join('');
}

export interface ServicesOptions {
  // Catch outgoing e-mail locally (.eml files under the data directory) when SMTP_URL is unset.
  // Only `npm start` needs it: the one-off commands send no mail.
  mail?: boolean;
  // PostgreSQL and Redis in process groups of their own, so a terminal's Ctrl-C reaches only the
  // node processes and the caller stops the services after its apps (npm start).
  detached?: boolean;
}

export interface Services {
  stack: LocalStack;
  stop(): Promise<void>;
}

// Starts PostgreSQL and Redis (and with `mail`, a mail catcher) unless DATABASE_URL / REDIS_URL /
// SMTP_URL point at running ones, and exports the URLs to process.env for the rest of this
// process and its children.
export async function startServices(
  mode: ServicesMode,
  options: ServicesOptions = {},
): Promise<Services> {
  const dataDir = mode === 'persistent' ? DATA_DIR : mkdtempSync(join(tmpdir(), 'tsunagu-'));
  const stack = await startLocalStack({
    dataDir,
    persistent: mode === 'persistent',
    detached: options.detached,
    log: () => undefined,
    mail: options.mail ?? false,
    // One line per caught message ("[mail] <subject> -> <to> saved to <file>").
    mailLog: (line) => process.stdout.write(`${line.trimEnd()}\n`),
  });
  if (stack.started.length) log(`started local ${listed(stack.started)} (data in ${dataDir})`);
  if (stack.started.includes('mail'))
    log(
      `e-mail is not delivered: each message is saved as an .eml file in ${join(dataDir, 'mail')}`,
    );
  process.env.DATABASE_URL = stack.databaseUrl;
  process.env.REDIS_URL = stack.redisUrl;
  if (stack.smtpUrl) process.env.SMTP_URL = stack.smtpUrl;
  process.env.JWT_SECRET ??= localJwtSecret(
    mode === 'persistent' ? dataDir : join(dataDir, 'secrets'),
  );
  return {
    stack,
    stop: async () => {
      await stack.stop();
      if (stack.started.length) log(`stopped local ${listed(stack.started)}`);
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
