import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

// Pool size and the timeouts that make a stuck request fail instead of freezing the pool.
export type DatabaseLimits = Pick<
  AppConfig,
  | 'DATABASE_POOL_MAX'
  | 'DATABASE_CONNECT_TIMEOUT_MS'
  | 'DATABASE_STATEMENT_TIMEOUT_MS'
  | 'DATABASE_LOCK_TIMEOUT_MS'
  | 'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS'
>;

export const DEFAULT_DATABASE_LIMITS: DatabaseLimits = {
  DATABASE_POOL_MAX: 10,
  DATABASE_CONNECT_TIMEOUT_MS: 10_000,
  DATABASE_STATEMENT_TIMEOUT_MS: 30_000,
  DATABASE_LOCK_TIMEOUT_MS: 10_000,
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: 60_000,
};

// The one description of how Tsunagu talks to Postgres; used by the apps and by the CLI.
export function dataSourceOptions(
  databaseUrl: string,
  limits: DatabaseLimits = DEFAULT_DATABASE_LIMITS,
): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    namingStrategy: new SnakeNamingStrategy(),
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    // Failed queries surface as errors to their callers (expected ones, like a unique violation
    // turned into CONFLICT, are not failures); unexpected ones are logged where they are handled.
    logging: ['warn', 'migration'],
    // node-postgres options: the pool, how long to wait for one of its connections (also for a
    // new one to open), and the session settings every connection starts with.
    extra: {
      max: limits.DATABASE_POOL_MAX,
      connectionTimeoutMillis: limits.DATABASE_CONNECT_TIMEOUT_MS,
      statement_timeout: limits.DATABASE_STATEMENT_TIMEOUT_MS,
      lock_timeout: limits.DATABASE_LOCK_TIMEOUT_MS,
      idle_in_transaction_session_timeout: limits.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      application_name: 'tsunagu',
    },
  };
}
