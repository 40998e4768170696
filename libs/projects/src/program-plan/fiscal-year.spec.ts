import { fiscalYearOf, fiscalYearPeriod } from './fiscal-year';

describe('fiscal years', () => {
  it('turns over on 1 April in Japan time', () => {
    expect(fiscalYearOf(new Date('2026-03-31T14:59:59Z'))).toBe(2025);
    expect(fiscalYearOf(new Date('2026-03-31T15:00:00Z'))).toBe(2026);
    expect(fiscalYearOf(new Date('2027-01-10T00:00:00Z'))).toBe(2026);
  });

  it('spans April to March', () => {
    expect(fiscalYearPeriod(2026)).toEqual({ from: '2026-04-01', to: '2027-03-31' });
  });
});
