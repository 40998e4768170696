import { BenchOptionsError, parseWholeNumberFlags } from './bench-args';
import { DEFAULT_SEED } from '../synthetic/seed-options';

// What `npm run bench:api` takes, and the pure pieces of its report.

export const API_BENCH_USAGE =
  'bench:api [--participants N] [--projects M] [--seed S] [--runs R] [--connections C] ' +
  '[--duration SECONDS] [--first K]';

export interface ApiBenchOptions {
  participants: number;
  projects: number;
  seed: number;
  runs: number;
  // Requests in flight at once, for both servers alike.
  connections: number;
  // Seconds each server is driven per operation and run.
  duration: number;
  // Page size of the lists read.
  first: number;
}

export function parseApiBenchArgs(args: readonly string[]): ApiBenchOptions {
  const options = parseWholeNumberFlags(
    args,
    {
      participants: { flag: 'participants', min: 1 },
      projects: { flag: 'projects', min: 1 },
      seed: { flag: 'seed', min: 0 },
      runs: { flag: 'runs', min: 1 },
      connections: { flag: 'connections', min: 1 },
      duration: { flag: 'duration', min: 1 },
      first: { flag: 'first', min: 1 },
    },
    {
      participants: 100_000,
      projects: 10_000,
      seed: DEFAULT_SEED,
      runs: 3,
      connections: 8,
      duration: 10,
      first: 20,
    },
    API_BENCH_USAGE,
  );
  // The API refuses pages above 100 (operation limits): a larger one would time an error.
  if (options.first > 100) throw new BenchOptionsError('--first must be at most 100');
  return options;
}

// The servers' order in a round: forwards in even rounds, backwards in odd ones, so a load
// drifting over minutes weighs on every server alike. 'before' is an earlier build of the API,
// when one is given to compare a change side by side.
export type ApiBenchSide = 'api' | 'baseline' | 'before';
export function sideOrder(round: number, withBefore = false): ApiBenchSide[] {
  const forwards: ApiBenchSide[] = withBefore ? ['api', 'baseline', 'before'] : ['api', 'baseline'];
  return round % 2 === 0 ? forwards : forwards.reverse();
}

// The first difference between two JSON values (path and both sides), or undefined when equal.
// Key order does not matter, array order does; numbers compare exactly.
export function jsonDifference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (a === b) return undefined;
  const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  if (kind(a) !== kind(b) || (kind(a) !== 'array' && kind(a) !== 'object')) {
    return `${path}: ${shown(a)} ≠ ${shown(b)}`;
  }
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return `${path}: ${a.length} items ≠ ${other.length} items`;
    for (let i = 0; i < a.length; i++) {
      const found = jsonDifference(a[i], other[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])].sort();
  for (const key of keys) {
    if (!(key in x) || !(key in y)) return `${path}.${key}: present on one side only`;
    const found = jsonDifference(x[key], y[key], `${path}.${key}`);
    if (found) return found;
  }
  return undefined;
}

// One operation's ratios, API over baseline for latency and API over baseline for throughput
// (so 1.3 means 30 % slower; 0.75 means a quarter fewer requests per second).
export function ratios(api: { p50: number; rps: number }, baseline: { p50: number; rps: number }) {
  const round = (x: number) => Number(x.toFixed(2));
  return {
    latency: baseline.p50 > 0 ? round(api.p50 / baseline.p50) : null,
    throughput: baseline.rps > 0 ? round(api.rps / baseline.rps) : null,
  };
}

// A value in a message, cut short.
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}
