import { parseWholeNumberFlags } from './bench-args';

// Options of `npm run bench:notifications`, kept apart from the benchmark itself so they can be
// tested without starting anything.

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

const FLAGS: Record<keyof NotificationsBenchOptions, { flag: string; min: number }> = {
  participants: { flag: 'participants', min: 1 },
  staff: { flag: 'staff', min: 1 },
  runs: { flag: 'runs', min: 1 },
  concurrency: { flag: 'concurrency', min: 1 },
};

export function parseNotificationsBenchArgs(args: readonly string[]): NotificationsBenchOptions {
  return parseWholeNumberFlags(
    args,
    FLAGS,
    NOTIFICATIONS_BENCH_DEFAULTS,
    NOTIFICATIONS_BENCH_USAGE,
  );
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
