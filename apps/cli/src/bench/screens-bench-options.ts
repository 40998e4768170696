import { parseWholeNumberFlags } from './bench-args';
import { DEFAULT_SEED } from '../synthetic/seed-options';

// What `npm run bench:screens` takes, and the pure pieces of its report.

export const SCREENS_BENCH_USAGE =
  'bench:screens [--participants N] [--projects M] [--seed S] [--requests R] [--warmup W] ' +
  '[--runs K] [--explain E]';

export interface ScreensBenchOptions {
  participants: number;
  projects: number;
  seed: number;
  requests: number;
  warmup: number;
  runs: number;
  explain: number;
}

export function parseScreensBenchArgs(args: readonly string[]): ScreensBenchOptions {
  return parseWholeNumberFlags(
    args,
    {
      participants: { flag: 'participants', min: 1 },
      projects: { flag: 'projects', min: 1 },
      seed: { flag: 'seed', min: 0 },
      requests: { flag: 'requests', min: 1 },
      warmup: { flag: 'warmup', min: 0 },
      runs: { flag: 'runs', min: 1 },
      explain: { flag: 'explain', min: 0 },
    },
    {
      participants: 100_000,
      projects: 10_000,
      seed: DEFAULT_SEED,
      requests: 40,
      warmup: 5,
      runs: 1,
      explain: 5,
    },
    SCREENS_BENCH_USAGE,
  );
}

// The statements auto_explain logged (their duration and plan), slowest first.
export function plansFromLog(text: string): Array<{ ms: number; plan: string }> {
  const plans: Array<{ ms: number; plan: string }> = [];
  const parts = text.split(/^.*?LOG:\s+duration: /m).slice(1);
  for (const part of parts) {
    const m = /^([\d.]+) ms\s+plan:\s*\n([\s\S]*)$/.exec(part);
    if (!m) continue;
    const plan = m[2]
      .split('\n')
      .filter((line) => line.trim() && !/^\S.*(LOG|STATEMENT|DETAIL):/.test(line))
      .join('\n');
    plans.push({ ms: Number(m[1]), plan });
  }
  return plans.sort((a, b) => b.ms - a.ms);
}
