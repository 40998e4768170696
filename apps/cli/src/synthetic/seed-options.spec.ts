import { parseSeedSyntheticArgs, SyntheticSeedError } from './seed-options';

describe('parseSeedSyntheticArgs', () => {
  it('reads sizes, seed and snapshot day, with defaults for the last two', () => {
    expect(parseSeedSyntheticArgs(['--participants', '100000', '--projects', '10000'])).toEqual({
      participants: 100_000,
      projects: 10_000,
      seed: 42,
      asOf: '2026-12-01',
      activity: true,
    });
    expect(
      parseSeedSyntheticArgs([
        '--participants=100_000',
        '--projects',
        '10,000',
        '--seed',
        '7',
        '--as-of',
        '2027-04-01',
      ]),
    ).toEqual({
      participants: 100_000,
      projects: 10_000,
      seed: 7,
      asOf: '2027-04-01',
      activity: true,
    });
    expect(
      parseSeedSyntheticArgs(['--participants', '10', '--projects', '5', '--no-activity']).activity,
    ).toBe(false);
    expect(parseSeedSyntheticArgs(['--participants', '0', '--projects', '5']).participants).toBe(0);
  });

  it.each([
    [['--projects', '10'], /needs --participants/],
    [['--participants', '10'], /needs --projects/],
    [
      ['--participants', 'many', '--projects', '10'],
      /--participants must be a whole number .* got "many"/,
    ],
    [['--participants=-5', '--projects', '10'], /--participants must be a whole number/],
    [['--participants', '1.5', '--projects', '10'], /--participants must be a whole number/],
    [['--participants', '1e5', '--projects', '10'], /--participants must be a whole number/],
    [
      ['--participants', '10', '--projects', '100001'],
      /--projects must be a whole number from 0 to 100,000/,
    ],
    [['--participants', '2000000', '--projects', '1'], /from 0 to 1,000,000/],
    [['--participants', '1', '--projects', '1', '--seed', 'x'], /--seed must be a whole number/],
    [['--participants', '1', '--projects', '1', '--seed', '4294967296'], /--seed/],
    [['--participants', '1', '--projects', '1', '--as-of', '2026-02-30'], /--as-of must be a date/],
    [['--participants', '1', '--projects', '1', '--as-of', 'today'], /--as-of must be a date/],
    [['--participants', '1', '--projects', '1', '--size', '3'], /Unknown option '--size'.*Usage/],
    [['--participants', '1', '--projects', '1', 'extra'], /Usage/],
  ])('rejects %j with a clear message', (args, message) => {
    expect(() => parseSeedSyntheticArgs(args)).toThrow(SyntheticSeedError);
    expect(() => parseSeedSyntheticArgs(args)).toThrow(message);
  });
});
