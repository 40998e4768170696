import { AppError } from '@tsunagu/core';
import { buildSchema, GraphQLError, parse } from 'graphql';
import { inputProblems } from './input-hygiene';
import { prepareSubscription } from './subscription-operation';

const schema = buildSchema(`
  input Member { organizationId: ID!, email: String!, tags: [String!], ids: [ID!] }
  type Org { id: ID!, members(after: String, roleId: ID): [String!]! }
  union Thing = Org
  type Query {
    org(id: ID!): Org
    thing(id: ID!): Thing
    count(n: Int, x: Float): Int
  }
  type Mutation { addMember(input: Member!, note: String): Org }
  type Subscription { changed(id: ID!): String }
`);

const LIMITS = { validationRules: [], maxTokens: 10_000, maxCost: 100_000 };
const ID = '6c1e4f0a-8a7b-4d53-9f0e-2f5d3c9b1a77';

function problems(query: string, variables?: Record<string, unknown>, operationName?: string) {
  return inputProblems(schema, parse(query), operationName, variables);
}

describe('inputProblems', () => {
  it('accepts uuids and clean text', () => {
    expect(
      problems(
        `mutation { addMember(input: {organizationId: "${ID}", email: "a@b.jp", ids: ["${ID}"]}, note: "ok\\n") { id } }`,
      ),
    ).toEqual([]);
  });

  it('refuses a non-uuid ID in a literal, with the field path', () => {
    expect(
      problems(`mutation { addMember(input: {organizationId: 12, email: "a@b.jp"}) { id } }`),
    ).toEqual([{ path: ['input', 'organizationId'], message: 'must be a valid id' }]);
  });

  it('refuses a non-uuid ID in a variable, in a list, with the index in the path', () => {
    expect(
      problems(`mutation($i: Member!) { addMember(input: $i) { id } }`, {
        i: { organizationId: ID, email: 'a@b.jp', ids: [ID, 'nope'] },
      }),
    ).toEqual([{ path: ['input', 'ids', '1'], message: 'must be a valid id' }]);
  });

  it('checks arguments of nested fields, through fragments and inline fragments', () => {
    const found = problems(`
      query { org(id: "${ID}") { ...F } thing(id: "${ID}") { ... on Org { members(after: "\\u0000") } } }
      fragment F on Org { members(roleId: "x") }
    `);

    expect(found).toEqual([
      { path: ['roleId'], message: 'must be a valid id' },
      { path: ['after'], message: 'must not contain NUL characters' },
    ]);
  });

  it('refuses NUL, lone surrogates and control characters in any string', () => {
    const found = problems(
      `mutation($e: String!, $n: String) {
      addMember(input: {organizationId: "${ID}", email: $e, tags: ["ok", "\\u0007"]}, note: $n) { id }
    }`,
      { e: '\ud800', n: 'a\u0000' },
    );

    expect(found.map((p) => p.path)).toEqual([
      ['input', 'email'],
      ['input', 'tags', '1'],
      ['note'],
    ]);
  });

  it('reports only the operation that runs', () => {
    const query = `query A { org(id: "x") { id } } query B { org(id: "${ID}") { id } }`;

    expect(problems(query, {}, 'B')).toEqual([]);
    expect(problems(query, {}, 'A')).toHaveLength(1);
  });

  it('refuses a Float literal too large to be finite', () => {
    expect(problems(`query { count(x: 1e999) }`)).toEqual([
      { path: ['x'], message: 'must be a finite number' },
    ]);
    expect(problems(`query { count(x: 1e308, n: 2147483647) }`)).toEqual([]);
  });

  it('leaves variables of the wrong type to graphql-js', () => {
    expect(problems(`query($n: Int) { count(n: $n) }`, { n: 'many' })).toEqual([]);
  });

  it('does not loop on fragment cycles (validation refuses them anyway)', () => {
    expect(
      problems(`query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }`),
    ).toEqual([]);
  });

  it('applies over graphql-ws too: a subscription with a bad id is refused before it starts', () => {
    const refused = prepareSubscription(
      schema,
      { query: 'subscription($id: ID!) { changed(id: $id) }', variables: { id: '1 OR 1=1' } },
      LIMITS,
    );

    expect(Array.isArray(refused)).toBe(true);
    const [error] = refused as GraphQLError[];
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect((error.originalError as AppError).fields).toEqual([
      { path: ['id'], message: 'must be a valid id' },
    ]);
    const accepted = prepareSubscription(
      schema,
      { query: 'subscription($id: ID!) { changed(id: $id) }', variables: { id: ID } },
      LIMITS,
    );
    expect(Array.isArray(accepted)).toBe(false);
  });
});
