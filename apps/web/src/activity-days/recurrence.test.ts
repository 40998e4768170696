import { describe, expect, it } from 'vitest';
import { recurringDates } from './recurrence';

describe('recurringDates', () => {
  it('gives every Saturday in May 2027', () => {
    expect(recurringDates('2027-05-01', '2027-05-31', [6])).toEqual([
      '2027-05-01',
      '2027-05-08',
      '2027-05-15',
      '2027-05-22',
      '2027-05-29',
    ]);
  });

  it('gives the first date alone without weekdays, and nothing for a period backwards', () => {
    expect(recurringDates('2027-05-03', '', [])).toEqual(['2027-05-03']);
    expect(recurringDates('2027-05-10', '2027-05-01', [1])).toEqual([]);
    expect(recurringDates('', '2027-05-01', [1])).toEqual([]);
  });

  it('stops one past the limit so the form can say there are too many', () => {
    expect(recurringDates('2027-01-01', '2027-12-31', [0, 1, 2, 3, 4, 5, 6], 60)).toHaveLength(61);
  });
});
