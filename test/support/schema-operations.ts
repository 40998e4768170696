import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLSchema,
  isCompositeType,
} from 'graphql';

export interface SchemaOperation {
  kind: 'query' | 'mutation';
  name: string;
  field: GraphQLField<unknown, unknown>;
  args: readonly GraphQLArgument[];
}

// The checked-in schema (a test elsewhere keeps it equal to what the code generates).
export function loadSchema(): GraphQLSchema {
  return buildSchema(readFileSync(join(__dirname, '../../apps/api/schema.graphql'), 'utf8'));
}

// Every query and mutation the API offers, in schema order.
export function schemaOperations(schema: GraphQLSchema = loadSchema()): SchemaOperation[] {
  const of = (kind: 'query' | 'mutation') => {
    const type = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
    return Object.values(type?.getFields() ?? {}).map((field) => ({
      kind,
      name: field.name,
      field,
      args: field.args,
    }));
  };
  return [...of('query'), ...of('mutation')];
}

// A document calling the operation with exactly the given variables (arguments left out take
// their defaults) and selecting only __typename, so it asks for nothing beyond the call itself.
export function documentFor(
  operation: SchemaOperation,
  variables: Record<string, unknown>,
): string {
  const used = operation.args.filter((a) => a.name in variables);
  const declared = used.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const passed = used.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isCompositeType(getNamedType(operation.field.type)) ? ' { __typename }' : '';
  return `${operation.kind}${declared ? `(${declared})` : ''} { ${operation.name}${
    passed ? `(${passed})` : ''
  }${selection} }`;
}
