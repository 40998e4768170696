import { runInNewContext } from 'node:vm';
import { renderMigration } from './schema-drift';

// The bodies of every `await queryRunner.query(`...`);` line, as written in the generated source.
function templateBodies(source: string): string[] {
  return source
    .split('\n')
    .filter((line) => line.startsWith('    await queryRunner.query(`'))
    .map((line) => line.slice('    await queryRunner.query(`'.length, -'`);'.length));
}

// What JavaScript makes of a template-literal body: the query the migration will actually run.
function evaluateTemplate(body: string): string {
  return runInNewContext('`' + body + '`') as string;
}

describe('renderMigration', () => {
  it('names the class and its name property after className + timestamp', () => {
    const source = renderMigration('AddX', 123, { up: [], down: [] });

    expect(source).toContain('export class AddX123 implements MigrationInterface {');
    expect(source).toContain("name = 'AddX123';");
    expect(source).toContain("import { MigrationInterface, QueryRunner } from 'typeorm';");
  });

  it('puts up queries in up() and down queries in down(), in order', () => {
    const up = ['CREATE TABLE "a" ("id" uuid)', 'CREATE INDEX "a_idx" ON "a" ("id")'];
    const down = ['DROP INDEX "a_idx"', 'DROP TABLE "a"'];
    const source = renderMigration('AddA', 1, { up, down });

    const upBody = source.slice(source.indexOf('async up('), source.indexOf('async down('));
    const downBody = source.slice(source.indexOf('async down('));
    expect(templateBodies(upBody)).toEqual(up);
    expect(templateBodies(downBody)).toEqual(down);
  });

  it.each([
    ['a backtick', 'COMMENT ON TABLE "a" IS \'uses `ticks`\''],
    ['a ${ sequence', "SELECT '${notInterpolated}' AS x"],
    ['a backslash', "SELECT E'line\\nbreak' AS x"],
    ['a backslash before a backtick', "SELECT '\\`' AS x"],
    ['a trailing backslash', "SELECT 'ends with \\"],
    ['a backslash before ${', "SELECT '\\${x}' AS x"],
    ['a $ alone', 'CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql'],
    ['a carriage return', 'COMMENT ON TABLE "a" IS \'x\ry\''],
  ])('escapes %s so the generated literal yields the original query', (_what, query) => {
    const source = renderMigration('Tricky', 2, { up: [query], down: [query] });

    const bodies = templateBodies(source);
    expect(bodies).toHaveLength(2);
    for (const body of bodies) expect(evaluateTemplate(body)).toBe(query);
  });
});
