import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  getNullableType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
} from 'graphql';
import { randomUUID } from 'node:crypto';
import { authorisationsOf, Role } from '../apps/api/src/auth/authorisation';
import { API_RESOLVERS } from '../apps/api/src/resolvers';
import { expectData, Fixtures, PASSWORD, Person, uniqueEmail } from './support/fixtures';
import { GraphQLResult, startTestPlatform, TestPlatform } from './support/test-platform';

// A position inside an operation's arguments: ["input", "skillIds", "0"].
type Path = string[];

// Input hygiene as a class: every ID and String position the schema has, every connection, and
// the issue's examples. Rejected calls write nothing.
describe('input hygiene', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let schema: GraphQLSchema;
  let admin: Person;
  let regionStaff: Person;
  let hubStaff: Person;
  let participant: Person;
  let companyOwner: Person;
  let regionId: string;
  let hubId: string;
  let companyId: string;
  let projectId: string;
  let endpointId: string;
  let conversationId: string;

  // Every row of every table, to show a rejected call wrote nothing.
  async function rowCounts(): Promise<Record<string, number>> {
    const tables: Array<{ name: string }> = await platform.dataSource.query(
      `SELECT quote_ident(table_name) AS name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const [{ n }] = await platform.dataSource.query(`SELECT count(*)::int AS n FROM ${name}`);
      counts[name] = n;
    }
    return counts;
  }

  function expectBadInput(result: GraphQLResult, path: Path, message?: RegExp): void {
    // No data: null, or null for the one (nullable) field asked.
    expect(Object.values(result.data ?? {}).filter((v) => v !== null)).toEqual([]);
    expect(result.errors?.map((e) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
    const fields = result.errors![0].extensions.fields ?? [];
    // class-validator's `each` rules name the list, not the item: ["input", "seasonMonths"].
    const listPath = path.join('.').replace(/(\.\d+)+$/, '');
    const field = fields.find((x) => [path.join('.'), listPath].includes(x.path.join('.')));
    expect({ path, fields, found: !!field }).toMatchObject({ found: true });
    if (message) expect(field!.message).toMatch(message);
  }

  beforeAll(async () => {
    platform = await startTestPlatform();
    schema = platform.api.get(GraphQLSchemaHost).schema;
    f = new Fixtures(platform);
    const scene = await f.supervisedRegion({ participants: ['participant'] });
    ({ admin, regionStaff, hubStaff, regionId, projectId } = scene);
    [participant] = scene.participants;
    hubId = scene.intermediaryId;
    companyOwner = await f.signUp('company-owner');
    await f.addMember(admin, hubId, companyOwner, 'OWNER');
    companyId = await f.company(admin, companyOwner);
    const endpoint = expectData(
      await platform.gql(
        `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }`,
        {
          input: {
            organizationId: hubId,
            url: 'https://example.com/hook',
            eventTypes: ['APPLICATION_SUBMITTED'],
          },
        },
        companyOwner.token,
      ),
    );
    endpointId = endpoint.createWebhookEndpoint.endpoint.id;
    // An engagement on a project of its own, for its conversation's messages.
    const other = await f.publishedProject(hubStaff, regionStaff, regionId, {
      title: '棚田の援農',
    });
    const engagementId = expectData(
      await platform.gql(
        `mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id } }`,
        { input: { projectId: other, motivation: '週末に棚田の作業を手伝いたいです。' } },
        participant.token,
      ),
    ).applyToProject.id as string;
    conversationId = expectData(
      await platform.gql(
        `query($engagementId: ID!) { engagementConversation(engagementId: $engagementId) { id } }`,
        { engagementId },
        participant.token,
      ),
    ).engagementConversation.id as string;
  });

  afterAll(() => platform.close());

  describe('every argument position of every operation, from the schema', () => {
    const BAD_IDS: unknown[] = [
      12,
      'not-a-uuid',
      "x' OR '1'='1",
      '6c1e4f0a-8a7b-4d53-9f0e-2f5d3c9b1a7',
    ];
    const BAD_TEXT = ['a\u0000b', '\ud800', 'a\u001b[31m', 'a\u0085b'];
    const TEXT_MESSAGE = /NUL|surrogate|control/;

    // A value graphql-js coerces for this type; at `target` (relative to it), `bad` instead.
    function sample(type: GraphQLInputType, target: Path | null, bad: unknown): unknown {
      if (target && target.length === 0) return bad;
      const nullable = getNullableType(type);
      if (isListType(nullable)) return [sample(nullable.ofType, target && target.slice(1), bad)];
      if (isInputObjectType(nullable)) {
        const value: Record<string, unknown> = {};
        for (const field of Object.values(nullable.getFields())) {
          const onPath = target?.[0] === field.name;
          // engagementId is required in effect (it or the deprecated applicationId, exactly
          // one), which the schema cannot say.
          const required =
            (isNonNullType(field.type) && field.defaultValue === undefined) ||
            field.name === 'engagementId';
          if (onPath || required) {
            value[field.name] = sample(field.type, onPath ? target.slice(1) : null, bad);
          }
        }
        return value;
      }
      if (isEnumType(nullable)) return nullable.getValues()[0].value;
      switch (nullable.name) {
        case 'ID':
          return randomUUID();
        case 'Int':
        case 'Float':
          return 1;
        case 'Boolean':
          return false;
        case 'DateTime':
          return '2027-01-01T00:00:00.000Z';
        default:
          return 'x';
      }
    }

    // Paths of every ID or String scalar inside a type (list items at index 0).
    function positions(type: GraphQLInputType, scalar: string, seen = new Set<string>()): Path[] {
      const nullable = getNullableType(type);
      if (isListType(nullable))
        return positions(nullable.ofType, scalar, seen).map((p) => ['0', ...p]);
      if (isInputObjectType(nullable)) {
        if (seen.has(nullable.name)) return [];
        const inner = new Set(seen).add(nullable.name);
        return Object.values(nullable.getFields())
          .filter((field) => !scalar.endsWith('!') || field.defaultValue === undefined)
          .flatMap((field) => positions(field.type, scalar, inner).map((p) => [field.name, ...p]));
      }
      // "String!": only where the type is non-null (a required value).
      const wanted = scalar.endsWith('!') ? isNonNullType(type) && scalar.slice(0, -1) : scalar;
      return nullable.name === wanted ? [[]] : [];
    }

    // Every argument position of every query and mutation holding one of these scalars.
    function cases(scalar: string, only: (path: Path, field: string) => boolean = () => true) {
      const found: Array<{ operation: string; field: GraphQLField<unknown, unknown>; path: Path }> =
        [];
      for (const operation of ['query', 'mutation'] as const) {
        const root = operation === 'query' ? schema.getQueryType() : schema.getMutationType();
        for (const field of Object.values(root!.getFields())) {
          for (const arg of field.args) {
            for (const p of positions(arg.type, scalar)) {
              if (only([arg.name, ...p], field.name))
                found.push({ operation, field, path: [arg.name, ...p] });
            }
          }
        }
      }
      return found;
    }

    function operationFor(
      operation: string,
      field: GraphQLField<unknown, unknown>,
      path: Path,
      bad: unknown,
    ) {
      const sent = field.args.filter(
        (a: GraphQLArgument) =>
          a.name === path[0] || (isNonNullType(a.type) && a.defaultValue === undefined),
      );
      const variables = Object.fromEntries(
        sent.map((a) => [a.name, sample(a.type, a.name === path[0] ? path.slice(1) : null, bad)]),
      );
      const declared = sent.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
      const args = sent.map((a) => `${a.name}: $${a.name}`).join(', ');
      const selection = isLeafType(getNamedType(field.type)) ? '' : '{ __typename }';
      const query = `${operation}${declared ? `(${declared})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selection} }`;
      return { query, variables };
    }

    // Operations the guard keeps to region or intermediary staff (@Allow without admins) refuse
    // an admin before the input is read: the intermediary's staff call those.
    const staffOnly = new Set(
      API_RESOLVERS.flatMap((resolver) =>
        Object.getOwnPropertyNames(resolver.prototype).filter((method) =>
          authorisationsOf((resolver.prototype as unknown as Record<string, object>)[method]).some(
            (a) => a.kind === 'allow' && !a.roles.includes(Role.PLATFORM_ADMIN),
          ),
        ),
      ),
    );

    async function sweep(
      scalar: string,
      bads: unknown[],
      message?: RegExp,
      only?: (path: Path, field: string) => boolean,
    ) {
      const all = cases(scalar, only);
      const before = await rowCounts();
      const failures: unknown[] = [];
      for (const [i, { operation, field, path }] of all.entries()) {
        const bad = bads[i % bads.length];
        const { query, variables } = operationFor(operation, field, path, bad);
        // A token of a real role, so nothing but the input stands in the way.
        const caller = staffOnly.has(field.name) ? hubStaff : admin;
        const result = await platform.gql(query, variables, caller.token);
        try {
          expectBadInput(result, path, message);
        } catch {
          failures.push({ field: field.name, path: path.join('.'), bad, errors: result.errors });
        }
      }
      expect(failures).toEqual([]);
      expect(await rowCounts()).toEqual(before);
      return all.length;
    }

    it('a non-uuid in any ID argument or input field is BAD_USER_INPUT with its path', async () => {
      // The schema has about a hundred: a sweep that found few would prove little.
      expect(await sweep('ID', BAD_IDS, /valid id/)).toBeGreaterThanOrEqual(90);
    });

    it('NUL, lone surrogates and control characters in any String are BAD_USER_INPUT', async () => {
      expect(await sweep('String', BAD_TEXT, TEXT_MESSAGE)).toBeGreaterThan(50);
    });

    // Credentials are judged by sign-in itself (UNAUTHENTICATED, never saying which part was wrong),
    // and passwords by the account operations that take them (a password is a secret, kept as sent);
    // dates have their own sweep below.
    // Approval terms are required on APPROVE only, checked together by the engagement service.
    const isRequiredText = (path: Path, field: string) =>
      !isDateField(path) &&
      ![
        'signIn',
        'refreshSession',
        'signOut',
        'resetPassword',
        'changePassword',
        'requestEmailChange',
        'deleteMyAccount',
      ].includes(field) &&
      path.join('.') !== 'input.terms.goals' &&
      // A program's four PDCA notes are saved together, each blank until that stage of the year.
      field !== 'setProgramReview';

    it('every required String is required text: white space only is BAD_USER_INPUT', async () => {
      expect(
        await sweep('String!', ['   ', ' \u3000\t\n '], undefined, isRequiredText),
      ).toBeGreaterThan(20);
    });

    // Calendar dates travel as YYYY-MM-DD strings (there is no DateTime input).
    const isDateField = (path: Path) => /(^|[a-z])(date|Date|from|to|From|To)$/.test(path.at(-1)!);

    // Page sizes (first) have their own range, 1 to 100, checked with the other pagination tests.
    const notFirst = (path: Path) => path[0] !== 'first';

    it('an Int beyond any sensible range is BAD_USER_INPUT, never stored or a 500', async () => {
      expect(
        await sweep('Int', [2147483647, -2147483648], undefined, notFirst),
      ).toBeGreaterThanOrEqual(25);
    });

    it('a Float beyond any sensible range is BAD_USER_INPUT', async () => {
      expect(await sweep('Float', [1e308, -1e308])).toBeGreaterThan(5);
    });

    it('a date that does not exist is BAD_USER_INPUT', async () => {
      expect(
        await sweep('String', ['2026-13-45', '2027-02-30'], /date/, isDateField),
      ).toBeGreaterThan(15);
    });

    // Timestamps (an event's start and end) are DateTime: one that is malformed or names a day
    // that does not exist is refused at its field, never rolled over to another day.
    it('a timestamp that does not exist is BAD_USER_INPUT', async () => {
      expect(
        await sweep('DateTime', ['2027-02-30T10:00:00+09:00', '2026-13-45T00:00:00Z', 'soon']),
      ).toBeGreaterThanOrEqual(4);
    });
  });

  describe('forged cursors on every connection', () => {
    const uuid = '6c1e4f0a-8a7b-4d53-9f0e-2f5d3c9b1a77';
    const cursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64');
    const FORGED = {
      'an impossible timestamp': cursor(['2026-13-45T00:00:00Z', uuid]),
      'a malformed uuid': cursor(['2026-01-01T00:00:00.000Z', 'not-a-uuid']),
      'a word where a number or timestamp is expected': cursor(['abc', uuid]),
      'an impossible timestamp in a three-key cursor': cursor([1, '2026-13-45T00:00:00Z', uuid]),
    };

    // Required id arguments of connections, by name: rows the callers below may read.
    // An organisation id names the kind of organisation the field is about.
    const idArgument = (field: string, name: string): string =>
      ({
        companyOrganizationId: companyId,
        organizationId: field === 'reviewQueue' ? hubId : regionId,
        projectId,
        endpointId,
        conversationId,
      })[name] ?? `no fixture for ${name}`;

    it('every connection field is covered and a forged after is BAD_USER_INPUT', async () => {
      const connections = Object.values(schema.getQueryType()!.getFields()).filter((field) =>
        field.args.some((a) => a.name === 'after'),
      );
      expect(connections.length).toBeGreaterThan(15);
      const callers = [admin, regionStaff, hubStaff, participant, companyOwner];
      const failures: unknown[] = [];
      for (const field of connections) {
        const required = field.args.filter(
          (a) => isNonNullType(a.type) && a.defaultValue === undefined,
        );
        const declared = [
          '$after: String',
          ...required.map((a) => `$${a.name}: ${String(a.type)}`),
        ];
        const query = `query(${declared.join(', ')}) { ${field.name}(after: $after${required
          .map((a) => `, ${a.name}: $${a.name}`)
          .join('')}) { pageInfo { endCursor } } }`;
        const args = Object.fromEntries(
          required.map((a) => [a.name, idArgument(field.name, a.name)]),
        );
        // Someone who gets a first page: the cursor is then the only thing wrong.
        let reader: Person | undefined;
        for (const caller of callers) {
          const first = await platform.gql(query, args, caller.token);
          if (!first.errors) {
            reader = caller;
            break;
          }
        }
        if (!reader) {
          failures.push({ field: field.name, problem: 'no caller reads its first page' });
          continue;
        }
        for (const [what, after] of Object.entries(FORGED)) {
          const result = await platform.gql(query, { ...args, after }, reader.token);
          try {
            expectBadInput(result, ['after']);
          } catch {
            failures.push({ field: field.name, what, errors: result.errors });
          }
        }
      }
      expect(failures).toEqual([]);
    });
  });

  describe('the examples of the issue', () => {
    it('addOrganizationMember with organizationId 12', async () => {
      const result = await platform.gql(
        `mutation { addOrganizationMember(input: {organizationId: 12, email: "${participant.email}"}) { role } }`,
        {},
        admin.token,
      );
      expectBadInput(result, ['input', 'organizationId'], /valid id/);
    });

    it.each([
      ['a lone surrogate', '\ud800'],
      ['a NUL', 'a\u0000@example.test'],
    ])('signIn and signUp with %s in the e-mail', async (_what, email) => {
      const before = await rowCounts();
      expectBadInput(
        await platform.gql(
          `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`,
          {
            input: { email, password: PASSWORD },
          },
        ),
        ['input', 'email'],
      );
      expectBadInput(
        await platform.gql(
          `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }`,
          {
            input: { email, password: PASSWORD, displayName: 'x' },
          },
        ),
        ['input', 'email'],
      );
      expect(await rowCounts()).toEqual(before);
    });

    it('a Float literal of 1e999 (Infinity to graphql-js) is refused', async () => {
      const result = await platform.gql(
        `mutation { addCheckIn(input: {engagementId: "${randomUUID()}", summary: "x", hours: 1e999}) { id } }`,
        {},
        participant.token,
      );
      expectBadInput(result, ['input', 'hours'], /finite/);
    });

    it('a NUL in commentOnProject’s comment', async () => {
      const result = await platform.gql(
        `mutation($id: ID!, $c: String!) { commentOnProject(id: $id, comment: $c) { id } }`,
        { id: projectId, c: 'looks good\u0000' },
        hubStaff.token,
      );
      expectBadInput(result, ['comment'], /NUL/);
    });

    it('a motivation of 12 spaces is refused and nothing is stored', async () => {
      const before = await rowCounts();
      const result = await platform.gql(
        `mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id } }`,
        { input: { projectId, motivation: ' '.repeat(12) } },
        participant.token,
      );
      expectBadInput(result, ['input', 'motivation']);
      expect(await rowCounts()).toEqual(before);
    });

    it('a display name of spaces (ideographic ones too) creates no user', async () => {
      const before = await rowCounts();
      const result = await platform.gql(
        `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }`,
        { input: { email: uniqueEmail('blank'), password: PASSWORD, displayName: '  \u3000 \t' } },
      );
      expectBadInput(result, ['input', 'displayName']);
      expect(await rowCounts()).toEqual(before);
    });

    it('a title of spaces is refused on createProject', async () => {
      const result = await platform.gql(
        `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`,
        {
          input: {
            regionOrganizationId: regionId,
            title: '          ',
            description: '町の空き家情報を整理して発信します。',
            themeCode: 'work',
            mode: 'HYBRID',
            startDate: '2027-01-01',
            capacity: 3,
          },
        },
        regionStaff.token,
      );
      expectBadInput(result, ['input', 'title']);
    });
  });

  describe('normalisation', () => {
    it('stores text trimmed and in NFC, and keeps passwords exactly as sent', async () => {
      const email = uniqueEmail('nfc');
      const password = '  spaced pass\u0301word  ';
      const data = expectData(
        await platform.gql(
          `mutation($input: SignUpInput!) { signUp(input: $input) { user { displayName } } }`,
          { input: { email: `  ${email}\r\n`, password, displayName: ' Cafe\u0301 \u3000' } },
        ),
      );
      expect(data.signUp.user.displayName).toBe('Café');
      const signIn = (pw: string) =>
        platform.gql(`mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`, {
          input: { email, password: pw },
        });
      expect((await signIn(password)).errors).toBeUndefined();
      // A trimmed or composed password is another password.
      expect((await signIn(password.trim())).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      expect((await signIn(password.normalize('NFC'))).errors?.[0].extensions.code).toBe(
        'UNAUTHENTICATED',
      );
    });

    it('a refresh token is compared as sent, not trimmed', async () => {
      const person = await f.signUp('refresh');
      const result = await platform.gql(
        `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`,
        { t: ` ${person.refreshToken} ` },
      );
      expect(result.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    });

    it('an optional argument sent as null means the same as leaving it out', async () => {
      const skills = await platform.gql(
        `query($c: String, $q: String) { skills(categoryCode: $c, query: $q, first: 3) { id } }`,
        { c: null, q: null },
      );
      expect(skills.errors).toBeUndefined();
      expect(skills.data.skills).toHaveLength(3);
      const projects = await platform.gql(
        `{ projects(after: null, filter: null) { edges { node { id } } } }`,
      );
      expect(projects.errors).toBeUndefined();
      const comment = await platform.gql(
        `mutation($id: ID!) { publishProject(id: $id, comment: null) { status } }`,
        { id: projectId },
        hubStaff.token,
      );
      expect(comment.errors?.map((e) => e.extensions.code) ?? []).not.toContain(
        'INTERNAL_SERVER_ERROR',
      );
    });
  });
});
