import { parseTimestamp } from './date-time.scalar';

describe('timestamps sent to the API', () => {
  it('take RFC 3339 with an offset, to the same instant', () => {
    expect(parseTimestamp('2027-04-01T10:00:00+09:00').toISOString()).toBe(
      '2027-04-01T01:00:00.000Z',
    );
    expect(parseTimestamp('2027-04-01T01:00:00.250Z').toISOString()).toBe(
      '2027-04-01T01:00:00.250Z',
    );
    expect(parseTimestamp('2028-02-29T23:59Z').toISOString()).toBe('2028-02-29T23:59:00.000Z');
  });

  it('refuse days and times that do not exist instead of rolling them over', () => {
    for (const bad of [
      '2027-02-30T10:00:00+09:00',
      '2027-02-29T10:00:00Z',
      '2026-13-45T00:00:00Z',
      '2027-04-01T24:00:00Z',
      '2027-04-01T10:60:00Z',
      '2027-04-01T10:00:00+25:00',
    ])
      expect(Number.isNaN(parseTimestamp(bad).getTime())).toBe(true);
  });

  it('refuse what is not a timestamp with an offset', () => {
    for (const bad of ['2027-04-01', '2027-04-01T10:00:00', 'tomorrow', 1_800_000_000_000, null])
      expect(Number.isNaN(parseTimestamp(bad).getTime())).toBe(true);
  });
});
