import { dayIn, todayInJapan } from './days';

describe('days', () => {
  it('counts today as Japan does: the next day from 15:00 UTC', () => {
    expect(todayInJapan(new Date('2027-03-14T14:59:59Z'))).toBe('2027-03-14');
    expect(todayInJapan(new Date('2027-03-14T15:00:00Z'))).toBe('2027-03-15');
  });

  it('gives the day of an instant in any time zone', () => {
    expect(dayIn(new Date('2027-01-01T03:00:00Z'), 'America/Los_Angeles')).toBe('2026-12-31');
    expect(dayIn(new Date('2027-01-01T03:00:00Z'), 'Asia/Tokyo')).toBe('2027-01-01');
  });
});
