import { GraphQLSchemaHost } from '@nestjs/graphql';
import { schemaDrift } from '@tsunagu/core';
import { readFileSync } from 'node:fs';
import { printApiSchema, printSortedSchema, SCHEMA_FILE } from '../apps/api/src/print-schema';
import { startTestPlatform, TestPlatform } from './support/test-platform';

// CI guards: the checked-in migrations and GraphQL schema match the code.
describe('checked-in schemas', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform();
  });

  afterAll(() => platform.close());

  it('has migrations that produce exactly what the entities describe', async () => {
    const drift = await schemaDrift(platform.dataSource);
    // If this fails: npm run migration:generate -- <Name>, review the file and commit it.
    expect(drift.up).toEqual([]);
  });

  it('serves the GraphQL schema that is checked in as apps/api/schema.graphql', async () => {
    const served = printSortedSchema(platform.api.get(GraphQLSchemaHost).schema);
    const checkedIn = readFileSync(SCHEMA_FILE, 'utf8');
    // If this fails: npm run schema:print and commit apps/api/schema.graphql.
    expect(served).toBe(checkedIn);
    expect(await printApiSchema()).toBe(checkedIn);
  });
});
