import { AttemptLimiter } from './queue-dashboard-attempt-limiter';

describe('AttemptLimiter', () => {
  let now: number;
  let limiter: AttemptLimiter;

  beforeEach(() => {
    now = 1_000_000;
    limiter = new AttemptLimiter(3, 60_000, () => now);
  });

  it('lets a client try until its failures are used up, then says how long to wait', () => {
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0]);
    now += 10_000;
    expect(limiter.take('a')).toBe(50_000);
    expect(limiter.take('b')).toBe(0);
  });

  it('opens again when the window ends', () => {
    for (let i = 0; i < 3; i++) limiter.take('a');
    now += 60_000;
    expect(limiter.take('a')).toBe(0);
  });

  it('does not count a correct password, nor forget earlier failures because of one', () => {
    limiter.take('a');
    limiter.take('a');
    limiter.take('a');
    limiter.refund('a');
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBeGreaterThan(0);
  });
});
