import { monthsBetween } from './company-impact.service';

describe('monthsBetween', () => {
  it('lists every month of the period, across a year end', () => {
    expect(monthsBetween('2026-11-15', '2027-02-01')).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
  });

  it('is one month for a period within it', () => {
    expect(monthsBetween('2027-04-01', '2027-04-30')).toEqual(['2027-04']);
  });
});
