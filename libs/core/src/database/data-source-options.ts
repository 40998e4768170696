import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

// The one description of how Tsunagu talks to Postgres; used by the apps and by the CLI.
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
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
    extra: { max: 10, application_name: 'tsunagu' },
  };
}
