import { parseArgs } from 'node:util';

// What every benchmark script shares: whole-number flags and the statistics of its report.

export class BenchOptionsError extends Error {
  override name = 'BenchOptionsError';
}

// `--flag N` for each option (digits may be grouped with "_" or ","), each at least its minimum;
// anything else, unknown flags included, is refused with the usage line.
export function parseWholeNumberFlags<K extends string>(
  args: readonly string[],
  flags: Record<K, { flag: string; min: number }>,
  defaults: Record<K, number>,
  usage: string,
): Record<K, number> {
  const specs = Object.values<{ flag: string; min: number }>(flags);
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: Object.fromEntries(specs.map(({ flag }) => [flag, { type: 'string' as const }])),
      strict: true,
      allowPositionals: false,
    }) as { values: Record<string, string | undefined> });
  } catch (error) {
    throw new BenchOptionsError(`${(error as Error).message}. Usage: ${usage}`);
  }
  const options = { ...defaults };
  for (const key of Object.keys(flags) as K[]) {
    const { flag, min } = flags[key];
    const text = values[flag];
    if (text === undefined) continue;
    const value = Number(text.replace(/[_,]/g, ''));
    if (!Number.isSafeInteger(value) || value < min) {
      throw new BenchOptionsError(`--${flag} must be a whole number >= ${min}, got "${text}"`);
    }
    options[key] = value;
  }
  return options;
}

// Nearest rank over values sorted ascending: the smallest value with at least p % of the values
// at or below it.
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function percentile(values: readonly number[], p: number): number {
  return percentileOfSorted(
    [...values].sort((a, b) => a - b),
    p,
  );
}

// The middle value, or the mean of the two middle ones.
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// A benchmark's command line: its options parsed from the arguments (a usage error says what is
// wrong and exits 2), then the run (exit 0, or 1 with the error when it fails).
export function runFromCommandLine<O>(
  parse: (argv: string[]) => O,
  run: (options: O) => Promise<unknown>,
): void {
  let options: O;
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    if (error instanceof BenchOptionsError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  run(options).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
