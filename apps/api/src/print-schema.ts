import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_SCHEMA_OPTIONS, API_RESOLVERS } from './resolvers';

export const SCHEMA_FILE = join(process.cwd(), 'apps/api/schema.graphql');

export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

// Builds the schema from the resolvers alone (no database), as the API serves it.
export async function printApiSchema(): Promise<string> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  const schema = await app.get(GraphQLSchemaFactory).create(API_RESOLVERS, API_SCHEMA_OPTIONS);
  await app.close();
  return printSortedSchema(schema);
}

if (require.main === module) {
  void printApiSchema().then((text) => {
    writeFileSync(SCHEMA_FILE, text);
    console.log(`wrote ${SCHEMA_FILE}`);
  });
}
