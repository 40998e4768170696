import { BenchOptionsError } from './bench-args';
import { jsonDifference, parseApiBenchArgs, ratios, sideOrder } from './api-bench-options';

describe('parseApiBenchArgs', () => {
  it('defaults to the full size, 3 runs, 8 connections, 10 s phases and pages of 20', () => {
    expect(parseApiBenchArgs([])).toEqual({
      participants: 100_000,
      projects: 10_000,
      seed: 42,
      runs: 3,
      connections: 8,
      duration: 10,
      first: 20,
    });
  });

  it('takes smaller sizes and the other flags, digits grouped or not', () => {
    expect(
      parseApiBenchArgs([
        '--participants',
        '10_000',
        '--projects',
        '1,000',
        '--runs',
        '5',
        '--connections',
        '16',
        '--duration',
        '3',
        '--first',
        '50',
      ]),
    ).toMatchObject({
      participants: 10_000,
      projects: 1000,
      runs: 5,
      connections: 16,
      duration: 3,
      first: 50,
    });
  });

  it.each([
    [['--runs', '0']],
    [['--connections', 'many']],
    [['--first', '101']],
    [['--threads', '2']],
    [['extra']],
  ])('refuses %j', (args) => {
    expect(() => parseApiBenchArgs(args)).toThrow(BenchOptionsError);
  });
});

describe('sideOrder', () => {
  it('alternates which server goes first', () => {
    expect(sideOrder(0)).toEqual(['api', 'baseline']);
    expect(sideOrder(1)).toEqual(['baseline', 'api']);
    expect(sideOrder(2)).toEqual(['api', 'baseline']);
  });

  it('puts an earlier build beside them, backwards every other round', () => {
    expect(sideOrder(0, true)).toEqual(['api', 'baseline', 'before']);
    expect(sideOrder(1, true)).toEqual(['before', 'baseline', 'api']);
  });
});

describe('jsonDifference', () => {
  it('finds none between equal values whatever the key order', () => {
    expect(
      jsonDifference({ a: 1, b: [{ c: null, d: 'x' }] }, { b: [{ d: 'x', c: null }], a: 1 }),
    ).toBeUndefined();
  });

  it.each([
    [{ a: 1 }, { a: 2 }, '$.a: 1 ≠ 2'],
    [{ a: [1, 2] }, { a: [2, 1] }, '$.a[0]: 1 ≠ 2'],
    [{ a: [1] }, { a: [1, 1] }, '$.a: 1 items ≠ 2 items'],
    [{ a: 1 }, { a: 1, b: 2 }, '$.b: present on one side only'],
    [{ a: null }, { a: {} }, '$.a: null ≠ {}'],
    [{ a: 0.1 + 0.2 }, { a: 0.3 }, '$.a: 0.30000000000000004 ≠ 0.3'],
    [{ a: '1' }, { a: 1 }, '$.a: "1" ≠ 1'],
    [[{ x: undefined }], [{}], '$[0].x: present on one side only'],
  ])('tells where %j and %j differ', (a, b, expected) => {
    expect(jsonDifference(a, b)).toBe(expected);
  });

  it('cuts long values short', () => {
    const long = 'x'.repeat(500);
    expect(jsonDifference(long, 'y')!.length).toBeLessThan(140);
  });
});

describe('ratios', () => {
  it('divides the API by the baseline, to two decimals', () => {
    expect(ratios({ p50: 13, rps: 75 }, { p50: 10, rps: 100 })).toEqual({
      latency: 1.3,
      throughput: 0.75,
    });
  });

  it('gives none against a baseline that measured nothing', () => {
    expect(ratios({ p50: 1, rps: 1 }, { p50: 0, rps: 0 })).toEqual({
      latency: null,
      throughput: null,
    });
  });
});
