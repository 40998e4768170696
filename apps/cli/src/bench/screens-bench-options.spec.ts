import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchOptionsError } from './bench-args';
import { parseScreensBenchArgs, plansFromLog } from './screens-bench-options';
import { readWebQueries, SCREEN_OPERATIONS, NOT_MEASURED } from './screens-bench-operations';

describe('bench:screens options', () => {
  it('defaults to the full national size and reads every flag', () => {
    expect(parseScreensBenchArgs([])).toEqual({
      participants: 100_000,
      projects: 10_000,
      seed: 42,
      requests: 40,
      warmup: 5,
      runs: 1,
      explain: 5,
    });
    expect(
      parseScreensBenchArgs(['--participants', '10,000', '--projects', '1000', '--runs', '3']),
    ).toMatchObject({ participants: 10_000, projects: 1000, runs: 3 });
    expect(() => parseScreensBenchArgs(['--requests', '0'])).toThrow(BenchOptionsError);
    expect(() => parseScreensBenchArgs(['--connections', '4'])).toThrow(BenchOptionsError);
  });
});

describe('plansFromLog', () => {
  it('takes each statement’s duration and plan from auto_explain’s log, slowest first', () => {
    const log = [
      '2026-12-05 14:00:00.000 UTC [1] LOG:  duration: 0.812 ms  plan:\n',
      '\tQuery Text: SELECT 1\n\tResult  (cost=0.00..0.01 rows=1 width=4) (actual time=0.001..0.001 rows=1 loops=1)\n',
      '2026-12-05 14:00:00.100 UTC [1] LOG:  duration: 31.250 ms  plan:\n',
      '\tQuery Text: SELECT * FROM engagement WHERE participant_id = $1\n',
      '\tSeq Scan on engagement  (actual time=0.01..31.0 rows=3 loops=1)\n\t  Buffers: shared hit=812\n',
      '2026-12-05 14:00:00.200 UTC [1] LOG:  connection received\n',
    ].join('');
    const plans = plansFromLog(log);
    expect(plans.map((p) => p.ms)).toEqual([31.25, 0.812]);
    expect(plans[0].plan).toContain('Seq Scan on engagement');
    expect(plans[0].plan).toContain('Buffers: shared hit=812');
    expect(plans[0].plan).not.toContain('connection received');
  });
});

describe('the screens’ operations', () => {
  it('reads the queries (with their fragments) from generated documents, leaving mutations out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'screens-'));
    const doc = (operation: string, name: string, withFragment: boolean) =>
      JSON.stringify({
        kind: 'Document',
        definitions: [
          {
            kind: 'OperationDefinition',
            operation,
            name: { kind: 'Name', value: name },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                withFragment
                  ? { kind: 'FragmentSpread', name: { kind: 'Name', value: 'MeFields' } }
                  : { kind: 'Field', name: { kind: 'Name', value: 'ok' } },
              ],
            },
          },
          ...(withFragment
            ? [
                {
                  kind: 'FragmentDefinition',
                  name: { kind: 'Name', value: 'MeFields' },
                  typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Query' } },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'Field', name: { kind: 'Name', value: 'me' } }],
                  },
                },
              ]
            : []),
        ],
      });
    const file = join(dir, 'graphql.ts');
    writeFileSync(
      file,
      [
        `export const AccountDocument = ${doc('query', 'Account', true)} as unknown as DocumentNode<A, B>;`,
        `export const SignInDocument = ${doc('mutation', 'SignIn', false)} as unknown as DocumentNode<C, D>;`,
      ].join('\n'),
    );
    const queries = readWebQueries(file);
    expect(queries.map((q) => q.name)).toEqual(['Account']);
    expect(queries[0].query).toContain('query Account');
    expect(queries[0].query).toContain('fragment MeFields on Query');
  });

  it('measures an operation or says why not, never both', () => {
    for (const name of Object.keys(NOT_MEASURED)) expect(SCREEN_OPERATIONS[name]).toBeUndefined();
    for (const op of Object.values(SCREEN_OPERATIONS)) expect(op.screen).toMatch(/^\/|^\(/);
  });
});
