import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigValidationError, loadConfig } from '@tsunagu/core';
import { AdminBootstrapService } from '@tsunagu/identity';
import { ScoringRunService } from '@tsunagu/scoring';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { CliModule } from './cli.module';
import { DemoSeeder } from './demo/demo-seeder';
import { generateMigration } from './migrations';
import { withServices } from './local-services';
import { startPlatform } from './start-platform';
import { parseSeedSyntheticArgs, SyntheticSeedError } from './synthetic/seed-options';
import { describeReport, seedSynthetic } from './synthetic/synthetic-seeder';

const USAGE = `Usage: node dist/apps/cli/src/main.js <command>
  start                          run API + worker (+ local PostgreSQL/Redis/mail catcher when
                                 DATABASE_URL/REDIS_URL/SMTP_URL are not set)
  migration:run                  apply pending migrations
  migration:generate <Name>      write a migration for entity changes
  seed:demo                      load demo data into an empty database
  seed:synthetic --participants N --projects M [--seed S] [--as-of YYYY-MM-DD]
                                 load reproducible synthetic data (once per database)
  admin:create --email E --password P [--name N]   make someone a platform admin`;

async function withContext<T>(
  fn: (ctx: Awaited<ReturnType<typeof NestFactory.createApplicationContext>>) => Promise<T>,
): Promise<T> {
  loadConfig();
  const ctx = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  switch (command) {
    case 'start':
      return startPlatform();
    case 'migration:run':
      return withServices('persistent', () =>
        withContext(async (ctx) => {
          const ran = await ctx.get(DataSource).runMigrations({ transaction: 'each' });
          console.log(
            ran.length ? `applied ${ran.map((m) => m.name).join(', ')}` : 'no pending migrations',
          );
        }),
      );
    case 'migration:generate': {
      const name = rest[0];
      if (!name) throw new Error('migration:generate needs a name, e.g. AddProjectSkills');
      return withServices('throwaway', () =>
        withContext(async (ctx) => {
          const file = await generateMigration(ctx.get(DataSource), name);
          console.log(
            file ? `wrote ${file}` : 'entities and migrations agree: nothing to generate',
          );
        }),
      );
    }
    case 'seed:demo':
      return withServices('persistent', () =>
        withContext(async (ctx) => {
          await ctx.get(DataSource).runMigrations({ transaction: 'each' });
          console.log(await ctx.get(DemoSeeder).seed());
        }),
      );
    case 'seed:synthetic': {
      const options = parseSeedSyntheticArgs(rest);
      return withServices('persistent', () =>
        withContext(async (ctx) => {
          const dataSource = ctx.get(DataSource);
          await dataSource.runMigrations({ transaction: 'each' });
          const report = await seedSynthetic(dataSource, options, (line) =>
            console.log(`[synthetic] ${line}`),
          );
          console.log(describeReport(report));
          // Rows were written in bulk, not through the services: queue one full re-score so the
          // worker computes everyone's recommendations.
          const run = await dataSource.transaction((m) =>
            ctx.get(ScoringRunService).start(m, 'synthetic data loaded', null),
          );
          console.log(`[synthetic] full re-score ${run.id} queued for the worker`);
        }),
      );
    }
    case 'admin:create': {
      const { values } = parseArgs({
        args: rest,
        options: {
          email: { type: 'string' },
          password: { type: 'string' },
          name: { type: 'string' },
        },
      });
      if (!values.email || !values.password)
        throw new Error('admin:create needs --email and --password');
      const { email, password, name } = values;
      return withServices('persistent', () =>
        withContext(async (ctx) => {
          await ctx.get(DataSource).runMigrations({ transaction: 'each' });
          const user = await ctx
            .get(AdminBootstrapService)
            .ensurePlatformAdmin(email, password, name);
          console.log(`${user.email} is a platform admin`);
        }),
      );
    }
    default:
      console.log(USAGE);
      process.exitCode = command ? 64 : 0;
  }
}

main().catch((error: unknown) => {
  console.error(
    error instanceof ConfigValidationError || error instanceof SyntheticSeedError
      ? error.message
      : error,
  );
  process.exit(1);
});
