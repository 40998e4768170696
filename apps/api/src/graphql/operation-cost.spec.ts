import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import {
  DEFAULT_LIST_SIZE,
  MUTATION_FIELD_COST,
  operationCost,
  tooCostlyError,
} from './operation-cost';
import { OperationCosts } from './operation-cost.plugin';
import { operationLimitRules } from './operation-limits';

const schema = buildSchema(`
  type Query {
    me: User
    version: String
    projects(first: Int! = 20, after: String): ProjectConnection!
    skills: [Skill!]!
    node(id: ID!): Project
  }
  type Mutation { applyToProject(projectId: ID!): Application! }
  type User { id: ID! name: String projects(first: Int! = 5): ProjectConnection! }
  type ProjectConnection { edges: [ProjectEdge!]! nodes: [Project!]! totalCount: Int! }
  type ProjectEdge { cursor: String! node: Project! }
  type Project { id: ID! title: String! region: Region! requiredSkills: [Skill!]! }
  type Region { name: String! }
  type Skill { name: String! }
  type Application { id: ID! project: Project! }
`);

const costOf = (query: string, variables?: Record<string, unknown>, operationName?: string) =>
  operationCost(schema, parse(query), operationName, variables);

describe('operationCost', () => {
  it('charges 1 per object and nothing for scalars', () => {
    expect(costOf('{ version }')).toBe(0);
    expect(costOf('{ me { id name } }')).toBe(1);
  });

  it('multiplies a connection page by first and counts its edges once', () => {
    // projects: 5 × (1 + edges (1 + node (1 + region 1)))
    expect(costOf('{ projects(first: 5) { edges { node { id region { name } } } } }')).toBe(20);
    expect(costOf('{ projects(first: 5) { nodes { id } totalCount } }')).toBe(10);
  });

  it("takes first from the variables, or the schema's default", () => {
    const query = 'query ($n: Int!) { projects(first: $n) { nodes { id } } }';
    expect(costOf(query, { n: 50 })).toBe(100);
    expect(costOf('{ projects { nodes { id } } }')).toBe(40);
  });

  it('counts a list without first as DEFAULT_LIST_SIZE items', () => {
    expect(costOf('{ skills { name } }')).toBe(DEFAULT_LIST_SIZE);
    expect(costOf('{ projects(first: 2) { nodes { requiredSkills { name } } } }')).toBe(
      2 * (1 + 1 + DEFAULT_LIST_SIZE),
    );
  });

  it('multiplies nested pages', () => {
    expect(costOf('{ me { projects(first: 100) { nodes { region { name } } } } }')).toBe(
      1 + 100 * (1 + 2),
    );
  });

  it('charges a mutation for its work on top of what it returns', () => {
    expect(costOf('mutation { applyToProject(projectId: "1") { id project { id } } }')).toBe(
      MUTATION_FIELD_COST + 2,
    );
  });

  it('adds up aliases and fragments, and leaves out what @skip / @include drop', () => {
    expect(costOf('{ a: me { id } b: me { id } c: me { id } }')).toBe(3);
    expect(costOf('{ ...F ...F } fragment F on Query { me { id } }')).toBe(2);
    expect(
      costOf('query ($s: Boolean!) { me @skip(if: $s) { id } skills { name } }', { s: true }),
    ).toBe(DEFAULT_LIST_SIZE);
  });

  it('prices only the operation that runs', () => {
    const document = 'query A { me { id } } query B { skills { name } }';
    expect(costOf(document, {}, 'A')).toBe(1);
    expect(costOf(document, {}, 'B')).toBe(DEFAULT_LIST_SIZE);
  });

  it('prices the alias overloading attack far above any sensible maximum', () => {
    const one =
      'projects(first: 100) { edges { node { id title requiredSkills { name } region { name } } } }';
    const perAlias = 100 * (1 + 1 + 1 + DEFAULT_LIST_SIZE + 1);
    expect(costOf(`{ a0: ${one} }`)).toBe(perAlias);
    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: ${one}`).join(' ');
    expect(costOf(`{ ${aliases} }`)).toBe(1000 * perAlias);
  });

  it('gives up on fragments that multiply past what is worth counting', () => {
    // Each level spreads the next twice: 2^20 fields from a document of a few hundred bytes.
    const levels = Array.from(
      { length: 20 },
      (_, i) => `fragment L${i} on Query { ...L${i + 1} ...L${i + 1} }`,
    ).join('\n');
    const document = `{ ...L0 } ${levels} fragment L20 on Query { me { id } }`;
    expect(costOf(document)).toBe(Number.POSITIVE_INFINITY);
  });

  it('leaves variables that do not fit to execution, which refuses them', () => {
    const query = 'query ($n: Int!) { projects(first: $n) { nodes { id } } }';
    expect(costOf(query, { n: 'many' })).toBe(0);
    expect(costOf(query, {})).toBe(0);
  });
});

describe('tooCostlyError', () => {
  it('says by how much and carries the figures and the code', () => {
    const error = tooCostlyError({ requested: 12000, maximum: 5000 });
    expect(error.message).toMatch(/cost 12000 exceeds the maximum of 5000/);
    expect(error.extensions).toMatchObject({
      code: 'QUERY_TOO_COSTLY',
      cost: { requested: 12000, maximum: 5000 },
    });
  });

  it('shows an unbounded estimate as null', () => {
    const error = tooCostlyError({ requested: Number.POSITIVE_INFINITY, maximum: 5000 });
    expect(error.extensions.cost).toEqual({ requested: null, maximum: 5000 });
  });
});

describe('operationLimitRules', () => {
  const rules = operationLimitRules({
    GRAPHQL_MAX_DEPTH: 3,
    GRAPHQL_MAX_ALIASES: 2,
    GRAPHQL_MAX_DIRECTIVES: 2,
  });
  const problems = (query: string) =>
    validate(schema, parse(query), [...specifiedRules, ...rules]).map((e) => e.message);

  it('counts depth below the top-level fields, fragments flattened', () => {
    expect(problems('{ me { projects { nodes { region { name } } } } }')).toEqual([
      'Query exceeds maximum operation depth of 3',
    ]);
    expect(problems('{ me { projects { nodes { id } } } }')).toEqual([]);
    expect(problems('{ me { ...P } } fragment P on User { projects { nodes { id } } }')).toEqual(
      [],
    );
  });

  it('limits aliases, __typename aside', () => {
    expect(problems('{ a: me { id } b: me { id } }')).toEqual([]);
    expect(problems('{ a: me { id } b: me { id } c: me { id } }')).toEqual([
      'Query has more than 2 aliases',
    ]);
    expect(problems('{ t1: __typename t2: __typename t3: __typename }')).toEqual([]);
  });

  it('limits directives', () => {
    expect(problems('{ version @include(if: true) me @skip(if: false) { id } }')).toEqual([]);
    expect(
      problems('{ version @include(if: true) me @skip(if: false) { id @include(if: true) } }'),
    ).toEqual(['Query has more than 2 directives']);
  });

  it('limits how often one field is repeated in a selection set', () => {
    expect(problems(`{ ${'version '.repeat(10)}}`)).toEqual([]);
    expect(problems(`{ ${'version '.repeat(500)} me { ${'id '.repeat(11)}} }`)).toEqual([
      'Field "version" is repeated more than 10 times',
      'Field "id" is repeated more than 10 times',
    ]);
  });

  it('reports circular fragments as validation errors instead of recursing for ever', () => {
    const found = problems(
      'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }',
    );
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toMatch(/Cannot spread fragment "A" within itself/);
  });
});

describe('OperationCosts (the cost plugin’s memo)', () => {
  const query = 'query Page($n: Int!) { projects(first: $n) { edges { node { id } } } }';

  it('prices again for other variables and for another schema', () => {
    const costs = new OperationCosts();
    const document = parse(query);
    expect(costs.of(schema, document, 'Page', { n: 5 })).toBe(15);
    expect(costs.of(schema, document, 'Page', { n: 7 })).toBe(21);
    expect(costs.of(schema, document, 'Page', { n: 5 })).toBe(15);
    // Not a connection: its edges count DEFAULT_LIST_SIZE times.
    const other = buildSchema(`
      type Query { projects(first: Int!): ProjectPage! }
      type ProjectPage { edges: [ProjectEdge!]! }
      type ProjectEdge { node: Project! }
      type Project { id: ID! }
    `);
    expect(costs.of(other, document, 'Page', { n: 5 })).toBe(5 * (1 + DEFAULT_LIST_SIZE * 2));
  });

  it('counts each document, operation and variables once, and long inputs each time', () => {
    const price = jest.fn(operationCost);
    const costs = new OperationCosts(price);
    const document = parse(query);
    for (let i = 0; i < 3; i += 1) costs.of(schema, document, 'Page', { n: 5 });
    expect(price).toHaveBeenCalledTimes(1);
    costs.of(schema, document, null, { n: 5 });
    costs.of(schema, parse(query), 'Page', { n: 5 });
    expect(price).toHaveBeenCalledTimes(3);
    const long = { n: 5, text: 'あ'.repeat(2_000) };
    expect(costs.of(schema, document, 'Page', long)).toBe(15);
    costs.of(schema, document, 'Page', long);
    expect(price).toHaveBeenCalledTimes(5);
  });
});
