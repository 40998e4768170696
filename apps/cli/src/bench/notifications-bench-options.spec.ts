import { BenchOptionsError, median, percentile } from './bench-args';
import {
  forEachConcurrently,
  NOTIFICATIONS_BENCH_DEFAULTS,
  parseNotificationsBenchArgs,
} from './notifications-bench-options';

describe('notifications bench options', () => {
  it('takes defaults and flags', () => {
    expect(parseNotificationsBenchArgs([])).toEqual(NOTIFICATIONS_BENCH_DEFAULTS);
    expect(
      parseNotificationsBenchArgs(['--participants', '1_000', '--staff', '2', '--runs', '5']),
    ).toEqual({ ...NOTIFICATIONS_BENCH_DEFAULTS, participants: 1000, staff: 2, runs: 5 });
  });

  it('refuses unknown flags and sizes below one', () => {
    expect(() => parseNotificationsBenchArgs(['--people', '3'])).toThrow(BenchOptionsError);
    expect(() => parseNotificationsBenchArgs(['--runs', '0'])).toThrow('--runs must be');
    expect(() => parseNotificationsBenchArgs(['--staff', 'x'])).toThrow('--staff must be');
  });
});

describe('notifications bench statistics', () => {
  it('median and nearest-rank percentiles', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBe(0);
  });

  it('keeps at most the limit in flight and visits every item once', async () => {
    let inFlight = 0;
    let most = 0;
    const seen: number[] = [];
    await forEachConcurrently([...Array(20).keys()], 3, async (item) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 1));
      seen.push(item);
      inFlight--;
    });
    expect(most).toBe(3);
    expect(seen.sort((a, b) => a - b)).toEqual([...Array(20).keys()]);
  });
});
