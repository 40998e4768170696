import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { connect } from 'node:net';
import { freePort } from './free-port';
import type { LocalServer } from './local-postgres';

export interface LocalRedisOptions {
  dataDir: string;
  persistent: boolean;
  port?: number;
  // A process group of its own: see LocalPostgresOptions.detached.
  detached?: boolean;
  log?: (line: string) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function findRedisServer(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return found.status === 0 && path ? path : undefined;
}

// Redis ships no npm binary: use the machine's, installing Debian's package when we may.
export function ensureRedisServer(log: (line: string) => void = console.log): string {
  const existing = findRedisServer();
  if (existing) return existing;
  const canApt =
    process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  if (!canApt) {
    throw new Error(
      'redis-server was not found. Install Redis 7 (Debian/Ubuntu: `sudo apt-get install redis-server`, ' +
        'macOS: `brew install redis`) or set REDIS_URL to a running Redis.',
    );
  }
  log('redis-server is missing: installing Debian package redis-server…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', 'redis-server'],
  ]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed`);
  }
  const installed = findRedisServer();
  if (!installed) throw new Error('redis-server still not found after installing it');
  return installed;
}

function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.end();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`redis-server did not listen on ${port}`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

// A private Redis on loopback, as a child process: in our process group (it dies with us) or,
// detached, in its own (we stop it ourselves).
export async function startLocalRedis(options: LocalRedisOptions): Promise<LocalServer> {
  const binary = ensureRedisServer(options.log);
  const port = options.port ?? (await freePort());
  await mkdir(options.dataDir, { recursive: true });
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    options.dataDir,
    '--daemonize',
    'no',
    '--save',
    '',
    '--appendonly',
    options.persistent ? 'yes' : 'no',
    '--loglevel',
    'warning',
  ];
  const log = options.log ?? (() => undefined);
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  const run = async () => {
    const started = spawn(binary, args, {
      detached: options.detached === true && process.platform !== 'win32',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    started.stdout.on('data', (d: Buffer) => log(d.toString()));
    started.stderr.on('data', (d: Buffer) => log(d.toString()));
    exited = new Promise<void>((resolve) => started.once('exit', () => resolve()));
    await Promise.race([
      waitForPort(port, 10_000),
      exited.then(() => {
        throw new Error('redis-server exited during start-up');
      }),
    ]);
  };
  // SIGTERM: Redis flushes its append-only file and exits; SIGKILL loses the last second.
  const halt = async (signal: NodeJS.Signals) => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
      await exited;
    }
  };
  await run();
  return {
    url: `redis://127.0.0.1:${port}`,
    get pid() {
      return child?.pid;
    },
    restart: async ({ abrupt = false, downMs = 0 } = {}) => {
      await halt(abrupt ? 'SIGKILL' : 'SIGTERM');
      await sleep(downMs);
      await run();
    },
    stop: () => halt('SIGTERM'),
  };
}
