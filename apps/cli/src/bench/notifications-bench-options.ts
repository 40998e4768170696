import { parseArgs } from 'node:util';

// Options of `npm run bench:notifications` and the small statistics its report needs. Kept apart
// from the benchmark itself so they can be tested without starting anything.

export const NOTIFICATIONS_BENCH_USAGE =
  'bench:notifications [--participants N] [--staff S] [--runs R] [--concurrency C]';

export interface NotificationsBenchOptions {
  // Applicants per run; each application tells every staff member in-app and by e-mail.
  participants: number;
  // Staff of the one region.
  staff: number;
  // Measured runs, each with fresh projects and participants; the report gives their medians.
  runs: number;
  // Applications in flight at once, on both sides: as many people applying at the same moment.
  concurrency: number;
}

export const NOTIFICATIONS_BENCH_DEFAULTS: NotificationsBenchOptions = {
  participants: 300,
  staff: 5,
  runs: 3,
  concurrency: 8,
};

export class NotificationsBenchOptionsError extends Error {
  override name = 'NotificationsBenchOptionsError';
}

const FLAGS: Record<keyof NotificationsBenchOptions, string> = {
  participants: 'participants',
  staff: 'staff',
  runs: 'runs',
  concurrency: 'concurrency',
};

export function parseNotificationsBenchArgs(args: readonly string[]): NotificationsBenchOptions {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: Object.fromEntries(
        Object.values(FLAGS).map((flag) => [flag, { type: 'string' as const }]),
      ),
      strict: true,
      allowPositionals: false,
    }) as { values: Record<string, string | undefined> });
  } catch (error) {
    throw new NotificationsBenchOptionsError(
      `${(error as Error).message}. Usage: ${NOTIFICATIONS_BENCH_USAGE}`,
    );
  }
  const options = { ...NOTIFICATIONS_BENCH_DEFAULTS };
  for (const key of Object.keys(FLAGS) as Array<keyof NotificationsBenchOptions>) {
    const text = values[FLAGS[key]];
    if (text === undefined) continue;
    const value = Number(text.replace(/[_,]/g, ''));
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new NotificationsBenchOptionsError(
        `--${FLAGS[key]} must be a whole number >= 1, got "${text}"`,
      );
    }
    options[key] = value;
  }
  return options;
}

// Nearest rank: the smallest value with at least p % of the values at or below it.
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

// The middle value, or the mean of the two middle ones.
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// Runs fn over the items with at most `limit` calls in flight, like `limit` people at once.
export async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      await fn(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
