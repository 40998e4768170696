import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../../..');
const START_TIMEOUT_MS = 180_000;
// The platform's whole output (warnings and errors: LOG_LEVEL warn) is kept here after the run.
const PLATFORM_LOG = resolve(import.meta.dirname, '../../test-results/platform.log');
// The API's errors (pino's level 50 and up; its warnings are mostly refused requests, which
// journeys make on purpose) and the worker's warnings and errors (a job that threw or retried).
const TROUBLE_LINE = /"level":(50|60)\b|\b(WARN|ERROR)\b/;

interface LocalStack {
  databaseUrl: string;
  redisUrl: string;
  smtpUrl?: string;
  stop(): Promise<void>;
}

// The platform as `npm start` runs it (the CLI's start command: migrations, demo data, the API
// serving the built web app, the worker) on throwaway PostgreSQL, Redis and mail catcher, so a
// developer's own `npm start` and its .data are left alone. Needs `npm run build && npm run
// build:web` first (npm run test:web does both).
export default async function globalSetup(): Promise<() => Promise<void>> {
  const require = createRequire(import.meta.url);
  const { startLocalStack } = require(
    join(ROOT, 'dist/apps/cli/src/local-stack/local-stack.js'),
  ) as {
    startLocalStack: (options: object) => Promise<LocalStack>;
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-web-'));
  const stack = await startLocalStack({
    dataDir,
    persistent: false,
    fast: true,
    mail: true,
    log: () => undefined,
  });
  // The local mail catcher keeps each message as an .eml file here: e2e/support/mail.ts reads
  // them (workers inherit the variable).
  process.env.WEB_TEST_MAIL_DIR = join(dataDir, 'mail');
  // Journeys that must move a record in time (a day that took place) reach the database through
  // e2e/support/database.ts.
  process.env.WEB_TEST_DATABASE_URL = stack.databaseUrl;
  const port = process.env.WEB_TEST_PORT!;
  const platform = spawn(process.execPath, [join(ROOT, 'dist/apps/cli/src/main.js'), 'start'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: port,
      APP_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: stack.databaseUrl,
      REDIS_URL: stack.redisUrl,
      SMTP_URL: stack.smtpUrl,
      JWT_SECRET: randomBytes(48).toString('base64url'),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  for (const stream of [platform.stdout, platform.stderr]) {
    stream.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  }
  const stop = async () => {
    await stopChild(platform);
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
    reportPlatformLog(output.join(''));
  };
  try {
    await waitUntilServing(`http://127.0.0.1:${port}/health`, platform);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output.join('').slice(-4000)}`, {
      cause: error,
    });
  }
  return stop;
}

// A journey that failed on something the API or the worker did (a job that threw, a push that
// was lost) leaves its trace in their log: kept in a file, its errors printed, so a run on a
// machine nobody can log into still says what happened.
function reportPlatformLog(log: string): void {
  mkdirSync(dirname(PLATFORM_LOG), { recursive: true });
  writeFileSync(PLATFORM_LOG, log);
  const trouble = log.split('\n').filter((line) => TROUBLE_LINE.test(line));
  if (trouble.length === 0) return;
  console.error(
    `The platform logged ${trouble.length} errors or worker warnings during the journeys (all of its output: ${PLATFORM_LOG}); the last ones:\n` +
      trouble.slice(-30).join('\n'),
  );
}

async function waitUntilServing(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The platform exited (${child.exitCode})`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The platform did not answer ${url} within ${START_TIMEOUT_MS / 1000} s`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}
