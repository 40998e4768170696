import { DataSource } from 'typeorm';

export interface SchemaDiff {
  up: string[];
  down: string[];
}

// What the entities want that the migrated database lacks. Empty when migrations are current.
export async function schemaDrift(dataSource: DataSource): Promise<SchemaDiff> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: sql.upQueries.map((q) => q.query),
    down: sql.downQueries.map((q) => q.query).reverse(),
  };
}

export function renderMigration(className: string, timestamp: number, diff: SchemaDiff): string {
  const lines = (queries: string[]) =>
    queries
      // Escape for a template literal; \r too, since template literals normalise CRLF to LF.
      .map((q) =>
        q
          .replace(/\\/g, '\\\\')
          .replace(/`/g, '\\`')
          .replace(/\$\{/g, '\\${')
          .replace(/\r/g, '\\r'),
      )
      .map((q) => `    await queryRunner.query(\`${q}\`);`)
      .join('\n');
  return `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className}${timestamp} implements MigrationInterface {
  name = '${className}${timestamp}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(diff.up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines(diff.down)}
  }
}
`;
}
