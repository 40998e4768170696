import fc from 'fast-check';
import {
  getNullableType,
  GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ApiWorld, buildApiWorld, Role, ROLES } from './support/api-world';
import { PASSWORD } from './support/fixtures';
import { documentFor, SchemaOperation, schemaOperations } from './support/schema-operations';
import { startTestPlatform, TestPlatform } from './support/test-platform';

// Thousands of calls from one address and a few users: rate limits are another test's subject.
const UNLIMITED = { RATE_LIMIT_USER_POINTS: '1000000000', RATE_LIMIT_IP_POINTS: '1000000000' };
import { SkillCategory } from '@tsunagu/taxonomy';

// Property-based fuzzing of every mutation and every query with arguments, as every role, with
// arguments generated from the schema's types. Replay a failure with FUZZ_SEED=<seed printed>;
// scale with FUZZ_RUNS (inputs in total). FUZZ_SURVEY=1 runs every input and prints each distinct
// failure instead of stopping at the first.
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const SURVEY = process.env.FUZZ_SURVEY === '1';
// Requests in flight at once: one batch per fast-check run.
const BATCH = Number(process.env.FUZZ_CONCURRENCY ?? 4);
const REQUEST_TIMEOUT_MS = 20_000;
// Tables a rejected call of an operation may write to by design: refreshing with a token already
// rotated away revokes its whole family (reuse detection).
const WRITES_ALLOWED_ON_REJECTION: Record<string, string[]> = {
  refreshSession: ['refresh_token'],
};

interface Call {
  operation: string;
  role: Role;
  variables: Record<string, unknown>;
}

interface Answer {
  status: number;
  body: any;
  rejected: boolean;
  problem?: string;
  ms: number;
}

// --- Hostile values ------------------------------------------------------------------------

const CONTROL = ['\u0000', '\u0001', '\u0007', '\b', '\u000b', '\f', '\u001b', '\u007f', '\u0085'];
const SURROGATES = ['\ud800', '\udfff', 'a\ud83d', '\ude00b', '\ud800\ud800'];
const EMOJI = ['😀', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇯🇵', '🧑🏽‍🌾'];
const COMBINING = ['e\u0301', 'か\u3099', 'Z\u0336\u0335\u0334\u0333', '\u0301\u0301\u0301'];
const RTL = ['\u202e', '\u200f', '\u202b', 'مرحبا', 'שלום\u202c'];
const FULL_WIDTH = ['１２３', '０', '－１', '２０２７－０１－０１', 'ＵＩ　デザイン'];
const INJECTION = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '"); SELECT pg_sleep(10); --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{{7*7}}',
  '${7*7}',
  '../../etc/passwd',
  '%00',
  '\\',
  '%',
  '_',
  '$1',
  '__proto__',
  'constructor',
];
const WHITESPACE = ['', ' ', '   ', '\t', '\n', '\u3000', '\u00a0', '\u200b', '\ufeff'];
const DATES = [
  '2026-13-45T00:00:00Z',
  '2027-02-30',
  '2027-00-00',
  '0000-01-01',
  '9999-12-31',
  '275760-09-13',
  '-000001-01-01',
  '2027-01-01T25:61:61Z',
  '2027-1-1',
  'yesterday',
  '1e10',
  '2027-01-01T00:00:00+99:00',
  '２０２７-01-01',
];
const NUMBERISH = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-0',
  '0x10',
  '2147483648',
  '9007199254740993',
];
const EXTREME_NUMBERS = [
  0,
  -1,
  1,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31),
  -(2 ** 31) - 1,
  2 ** 53,
  -(2 ** 53),
  Number.MAX_SAFE_INTEGER,
  1e308,
  -1e308,
  0.5,
  -0.000001,
  1e-320,
];

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64');
const FORGED_CURSORS = [
  b64(['2026-13-45T00:00:00Z', randomUUID()]),
  b64(['2027-01-01T00:00:00.000Z', 'not-a-uuid']),
  b64(['not a date', randomUUID()]),
  b64([1e308, randomUUID()]),
  b64([-1, '']),
  b64(['NaN', '\u0000']),
  b64(['2027-01-01T00:00:00.000Z', randomUUID(), 'extra']),
  b64([randomUUID()]),
  b64([]),
  b64({ id: randomUUID() }),
  b64(["' OR 1=1 --", "'; DROP TABLE projects; --"]),
  b64([12, 34]),
  b64(['2027-01-01T00:00:00.000Z', 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz']),
  'not base64 at all!',
  '====',
  '',
];

const hostileString = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(...CONTROL, ...SURROGATES, ...EMOJI, ...COMBINING, ...RTL, ...FULL_WIDTH),
    fc.constantFrom(...INJECTION, ...WHITESPACE, ...DATES, ...NUMBERISH),
    fc.constantFrom(...FORGED_CURSORS),
    // Text with something hostile inside it.
    fc
      .tuple(
        fc.string({ maxLength: 20 }),
        fc.constantFrom(...CONTROL, ...SURROGATES, ...EMOJI, ...COMBINING, ...RTL),
        fc.string({ maxLength: 20 }),
      )
      .map(([a, b, c]) => a + b + c),
    fc.string({ unit: 'binary', maxLength: 40 }),
    // Oversize: past any sensible field length but mostly under the body limit.
    fc
      .tuple(
        fc.constantFrom('a', 'あ', '😀', ' ', 'e\u0301'),
        fc.integer({ min: 300, max: 20_000 }),
      )
      .map(([unit, n]) => unit.repeat(n)),
  );

// --- Argument generators from the schema -----------------------------------------------------

function idPool(world: ApiWorld): string[] {
  const ids = new Set<string>();
  for (const [a, b] of world.counterpart) ids.add(a).add(b);
  for (const person of Object.values(world.people)) ids.add(person.id);
  ids.add(world.skillId).add(world.scoringRunId).add(world.bystander.id).add(world.scoutTarget.id);
  return [...ids];
}

// Plausible values for a string by what its argument or field is called.
function plausibleString(name: string, world: ApiWorld): fc.Arbitrary<string> {
  const n = name.toLowerCase();
  if (n === 'after') return fc.constantFrom(...FORGED_CURSORS);
  if (n.includes('email'))
    return fc.constantFrom(
      world.bystander.email,
      world.people.proBono.email,
      'nobody@example.test',
      'not-an-email',
      'a@b',
      `${'x'.repeat(300)}@example.test`,
      'ＡＢＣ@example.test',
    );
  if (n === 'password') return fc.constantFrom(PASSWORD, 'wrong-password', '');
  if (n === 'refreshtoken') return fc.constantFrom(world.bystander.refreshToken, 'garbage', '');
  if (n.includes('date') || ['from', 'to', 'activefrom', 'activeto', 'slots'].includes(n))
    return fc.oneof(
      fc.constantFrom('2027-01-01', '2027-03-31', '2026-12-31', '2027-01-05T10:00:00+09:00'),
      fc.constantFrom(...DATES),
    );
  if (n.includes('url'))
    return fc.constantFrom(
      'https://crm.example.jp/hooks',
      'http://127.0.0.1:1/x',
      'ftp://example.jp',
      'javascript:alert(1)',
      'https://user:pass@example.jp',
    );
  if (n.includes('municipalitycode'))
    return fc.constantFrom('015431', '032018', '131130', '999999', '01');
  if (n.includes('prefecturecode')) return fc.constantFrom('01', '03', '13', '48', '00', '1');
  if (n.includes('themecode')) return fc.constantFrom('work', 'tourism', 'nope');
  if (n.includes('categorycode')) return fc.constantFrom('test', 'design', 'nope');
  if (n === 'locale') return fc.constantFrom('ja', 'en', 'fr', 'JA');
  if (n === 'timezone') return fc.constantFrom('Asia/Tokyo', 'UTC', 'Mars/Olympus', '+09:00');
  if (n === 'languages') return fc.constantFrom('ja', 'en', 'xx');
  return fc.string({ maxLength: 60 });
}

function scalar(
  typeName: string,
  name: string,
  world: ApiWorld,
  ids: string[],
): fc.Arbitrary<unknown> {
  switch (typeName) {
    case 'ID':
      return fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...ids) },
        { weight: 2, arbitrary: fc.uuid() },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            '1',
            '12',
            'not-a-uuid',
            '00000000-0000-0000-0000-000000000000',
          ),
        },
        { weight: 1, arbitrary: fc.constantFrom(12, -1, 2 ** 53) },
        { weight: 1, arbitrary: hostileString() },
      );
    case 'Int':
      return fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: -2, max: 120 }) },
        { weight: 2, arbitrary: fc.constantFrom(...EXTREME_NUMBERS) },
        { weight: 1, arbitrary: fc.constantFrom(...NUMBERISH, ...FULL_WIDTH) },
      );
    case 'Float':
      return fc.oneof(
        { weight: 4, arbitrary: fc.double({ min: -2, max: 200, noNaN: true }) },
        { weight: 2, arbitrary: fc.constantFrom(...EXTREME_NUMBERS) },
        { weight: 1, arbitrary: fc.constantFrom(...NUMBERISH) },
      );
    case 'Boolean':
      return fc.oneof({ weight: 5, arbitrary: fc.boolean() }, fc.constantFrom('true', 0, 1, 'yes'));
    default:
      return fc.oneof(
        { weight: 3, arbitrary: plausibleString(name, world) },
        { weight: 2, arbitrary: hostileString() },
      );
  }
}

// Any JSON value of the wrong type, sent through variables.
const wrongType = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom(null, true, 0, -1, 1.5, '', 'x', [], {}, [null], { a: 1 }),
    fc.constantFrom(...EXTREME_NUMBERS),
    fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  );

function valueOf(
  type: GraphQLInputType,
  name: string,
  world: ApiWorld,
  ids: string[],
  depth = 0,
): fc.Arbitrary<unknown> {
  const proper = properValue(type, name, world, ids, depth);
  return fc.oneof({ weight: 12, arbitrary: proper }, { weight: 1, arbitrary: wrongType() });
}

function properValue(
  type: GraphQLInputType,
  name: string,
  world: ApiWorld,
  ids: string[],
  depth: number,
): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueOf(type.ofType, name, world, ids, depth);
  const inner = getNullableType(type);
  if (isListType(inner))
    return fc.oneof(
      {
        weight: 6,
        arbitrary: fc.array(valueOf(inner.ofType, name, world, ids, depth + 1), { maxLength: 3 }),
      },
      // Long lists.
      {
        weight: 1,
        arbitrary: fc
          .tuple(
            valueOf(inner.ofType, name, world, ids, depth + 1),
            fc.integer({ min: 50, max: 600 }),
          )
          .map(([v, n]) => Array.from({ length: n }, () => v)),
      },
    );
  if (isEnumType(inner))
    return fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...inner.getValues().map((v) => v.name)) },
      { weight: 1, arbitrary: fc.constantFrom('NOPE', '', 'accept', '０') },
    );
  if (isScalarType(inner)) return scalar(inner.name, name, world, ids);
  if (isInputObjectType(inner)) {
    if (depth > 4) return fc.constant({});
    const fields = Object.values(inner.getFields());
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const field of fields) {
      const value = valueOf(field.type, field.name, world, ids, depth + 1);
      // Optional fields are sometimes left out; required ones very rarely.
      record[field.name] =
        isNonNullType(field.type) && field.defaultValue === undefined
          ? fc.oneof(
              { weight: 20, arbitrary: value },
              { weight: 1, arbitrary: fc.constant(undefined) },
            )
          : fc.oneof(
              { weight: 2, arbitrary: value },
              { weight: 1, arbitrary: fc.constant(undefined) },
            );
    }
    return fc
      .record(record)
      .map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
  }
  return fc.constant(null);
}

function variablesOf(operation: SchemaOperation, world: ApiWorld, ids: string[]) {
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const arg of operation.args) {
    const value = valueOf(arg.type, arg.name, world, ids);
    record[arg.name] =
      isNonNullType(arg.type) && arg.defaultValue === undefined
        ? value
        : fc.oneof(
            { weight: 2, arbitrary: value },
            { weight: 1, arbitrary: fc.constant(undefined) },
          );
  }
  return fc
    .record(record)
    .map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
}

// --- The test --------------------------------------------------------------------------------

describe('fuzzing every operation with arguments, as every role', () => {
  let platform: TestPlatform;
  let world: ApiWorld;
  let url: string;
  let db: Client;
  let fingerprintSql: string;
  const operations = schemaOperations().filter((o) => o.kind === 'mutation' || o.args.length > 0);
  const byName = new Map(operations.map((o) => [o.name, o]));

  beforeAll(async () => {
    // No worker: nothing but the calls themselves writes to this database.
    platform = await startTestPlatform({
      env: { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', ...UNLIMITED },
    });
    world = await buildApiWorld(platform, { worker: false });
    url = `${await platform.api.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');
    db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
    const tables = (
      await db.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
      )
    ).rows.map((r) => r.name);
    // Per table: rows and the newest row version's transaction. A committed insert or update
    // raises the second, a delete lowers the first; locking a row changes neither.
    fingerprintSql = `SELECT ${tables
      .map(
        (t) =>
          `(SELECT count(*) || '/' || coalesce(max(xmin::text::bigint), 0) FROM "${t}") AS "${t}"`,
      )
      .join(', ')}`;
    console.log(
      `fuzz: seed ${SEED}, ${RUNS} inputs over ${operations.length} operations x ${ROLES.length} roles (replay: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} FUZZ_CONCURRENCY=${BATCH})`,
    );
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await platform?.close();
  }, 60_000);

  async function send(call: Call): Promise<Answer> {
    const operation = byName.get(call.operation)!;
    const token = world.token(call.role);
    const started = Date.now();
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({
          query: documentFor(operation, call.variables),
          variables: call.variables,
        }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      return {
        status: 0,
        body: null,
        rejected: true,
        problem: `no answer: ${(error as Error).message}`,
        ms: Date.now() - started,
      };
    }
    const text = await response.text();
    let body: any = text;
    try {
      body = JSON.parse(text);
    } catch {
      // a body that is not JSON is reported as it is
    }
    const errors: any[] = body?.errors ?? [];
    const internal = errors.find((e) => e?.extensions?.code === 'INTERNAL_SERVER_ERROR');
    let problem: string | undefined;
    if (response.status >= 500) problem = `HTTP ${response.status}`;
    else if (internal) problem = 'INTERNAL_SERVER_ERROR';
    const rejected =
      response.status >= 400 || errors.length > 0 || body?.data?.[call.operation] == null;
    return { status: response.status, body, rejected, problem, ms: Date.now() - started };
  }

  async function quietMark(): Promise<string> {
    return (
      await db.query<{ x: string }>(`SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x`)
    ).rows[0].x;
  }
  async function fingerprint(): Promise<Record<string, string>> {
    return (await db.query<Record<string, string>>(fingerprintSql)).rows[0];
  }

  // The state the database was last seen in: the transaction counter (shared by every database
  // on the server, so an unchanged one only proves that nothing was written anywhere) and this
  // database's fingerprint, read again only when the counter moved.
  let mark = '';
  let print: Record<string, string> = {};
  async function watchWrites(): Promise<void> {
    mark = await quietMark();
    print = await fingerprint();
  }

  interface Finding {
    call: Call;
    detail: string;
    key: string;
  }

  // What is wrong with a batch's answers: an internal error or 5xx in any, and a row written
  // while every call of the batch was rejected (with allowed calls in it, no write can be pinned
  // on a rejection, so only the baseline moves).
  async function examine(batch: Call[], answers: Answer[]): Promise<Finding[]> {
    const found: Finding[] = [];
    answers.forEach((answer, i) => {
      if (answer.problem) {
        const message = JSON.stringify(answer.body?.errors?.[0]?.message ?? answer.body);
        found.push({
          call: batch[i],
          detail: `${answer.problem}: ${message.slice(0, 300)}`,
          key: `${batch[i].operation}: ${answer.problem}`,
        });
      }
    });
    const now = await quietMark();
    if (now === mark) return found;
    const after = await fingerprint();
    if (answers.every((a) => a.rejected)) {
      const allowed = new Set(batch.flatMap((c) => WRITES_ALLOWED_ON_REJECTION[c.operation] ?? []));
      const changed = Object.keys(after).filter((t) => after[t] !== print[t] && !allowed.has(t));
      if (changed.length)
        for (const call of batch)
          found.push({
            call,
            detail: `rejected calls wrote to ${changed.join(', ')} (one of: ${batch
              .map((c) => c.operation)
              .join(', ')})`,
            key: `write on rejection: ${changed.join(', ')}`,
          });
    }
    print = after;
    mark = now;
    return found;
  }

  interface FuzzResult {
    calls: number;
    checkedRejections: number;
    seconds: number;
    failures: Map<string, { call: Call; detail: string }>;
  }

  // Runs `runs` generated calls on the operations, BATCH at a time. Strict (the default) throws
  // at the first failing batch with its inputs; `survey` collects one example per failure class.
  // `between` runs after each batch's calls and before its check (the harness's own test).
  async function fuzz(
    names: string[],
    runs: number,
    options: { survey?: boolean; between?: () => Promise<void> } = {},
  ): Promise<FuzzResult> {
    const ids = idPool(world);
    const perOperation = new Map(
      names.map((name) => [name, variablesOf(byName.get(name)!, world, ids)]),
    );
    const callArb: fc.Arbitrary<Call> = fc
      .tuple(fc.constantFrom(...names), fc.constantFrom(...ROLES))
      .chain(([operation, role]) =>
        perOperation.get(operation)!.map((variables) => ({ operation, role, variables })),
      );

    const failures = new Map<string, { call: Call; detail: string }>();
    let calls = 0;
    let checkedRejections = 0;
    await watchWrites();

    const property = fc.asyncProperty(
      fc.array(callArb, { minLength: BATCH, maxLength: BATCH }),
      async (batch) => {
        const answers = await Promise.all(batch.map(send));
        calls += batch.length;
        await options.between?.();
        const found = await examine(batch, answers);
        if (answers.every((a) => a.rejected)) checkedRejections += batch.length;

        if (!found.length) return;
        if (options.survey) {
          for (const f of found) if (!failures.has(f.key)) failures.set(f.key, f);
          return;
        }
        throw new Error(
          found
            .map(
              (f) =>
                `${f.detail}\n  as ${f.call.role}: ${f.call.operation} ${JSON.stringify(
                  f.call.variables,
                ).slice(0, 3000)}`,
            )
            .join('\n'),
        );
      },
    );

    const started = Date.now();
    await fc.assert(property, {
      seed: SEED,
      numRuns: Math.ceil(runs / BATCH),
      // Shrinking would replay calls on a database they already changed: report what was found.
      endOnFailure: true,
    });
    return { calls, checkedRejections, seconds: (Date.now() - started) / 1000, failures };
  }

  it('harness: passes on operations known to be sound, and sees a write beside rejected calls', async () => {
    const sound = await fuzz(['programs', 'organization'], 200, { survey: true });
    expect([...sound.failures.keys()]).toEqual([]);
    expect(sound.calls).toBe(200);

    // Anonymous calls of a protected mutation are all rejected; a row written meanwhile (here by
    // the test itself) must be reported, and nothing when no row is.
    const batch: Call[] = Array.from({ length: BATCH }, () => ({
      operation: 'createOrganization',
      role: 'anonymous' as const,
      variables: { input: { kind: 'COMPANY', name: 'x' } },
    }));
    await watchWrites();
    const quiet = await examine(batch, await Promise.all(batch.map(send)));
    expect(quiet).toEqual([]);
    const answers = await Promise.all(batch.map(send));
    await platform.dataSource
      .getRepository(SkillCategory)
      .insert({ code: `fuzz-${randomUUID()}`, nameJa: 'x', nameEn: 'x' });
    const noisy = await examine(batch, answers);
    expect(noisy.map((f) => f.key)).toContain('write on rejection: skill_category');
  }, 120_000);

  it(`never answers INTERNAL_SERVER_ERROR or 5xx, and a rejected call writes nothing (${RUNS} inputs)`, async () => {
    const result = await fuzz(
      operations.map((o) => o.name),
      RUNS,
      { survey: SURVEY },
    );
    console.log(
      `fuzz: ${result.calls} calls in ${Math.round(result.seconds)} s, ${result.checkedRejections} in all-rejected batches checked for writes`,
    );
    if (SURVEY)
      console.log(
        [...result.failures.entries()]
          .map(
            ([key, f]) =>
              `${key}\n  ${f.detail}\n  as ${f.call.role}: ${f.call.operation} ${JSON.stringify(
                f.call.variables,
              ).slice(0, 600)}`,
          )
          .join('\n'),
      );
    expect([...result.failures.keys()]).toEqual([]);
  }, 900_000);
});
