import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatList,
  formatMonth,
  formatNumber,
  formatPeriod,
} from './format';

describe('formatting through Intl', () => {
  it('writes calendar days the Japanese way, and the English way', () => {
    expect(formatDate('2027-04-01', 'ja')).toBe('2027年4月1日');
    expect(formatDate('2027-04-01', 'en')).toBe('April 1, 2027');
  });

  it('keeps a calendar day on its day whatever the time zone', () => {
    // Read as local midnight, 2027-01-01 would be 2026年12月31日 west of UTC.
    expect(formatDate('2027-01-01', 'ja')).toBe('2027年1月1日');
  });

  it('writes a period, open-ended while ongoing', () => {
    expect(formatPeriod('2027-04-01', '2027-09-30', 'ja')).toBe('2027年4月1日〜2027年9月30日');
    expect(formatPeriod('2027-04-01', null, 'ja')).toBe('2027年4月1日〜');
    expect(formatPeriod('2027-04-01', '2027-09-30', 'en')).toBe(
      'April 1, 2027 – September 30, 2027',
    );
  });

  it('writes lists the way each language does', () => {
    expect(formatList(['農業', '観光', 'デザイン'], 'ja')).toBe('農業、観光、デザイン');
    expect(formatList(['farming', 'tourism', 'design'], 'en')).toBe('farming, tourism, and design');
    expect(formatList(['農業'], 'ja')).toBe('農業');
  });

  it('writes numbers and months', () => {
    expect(formatNumber(12345, 'ja')).toBe('12,345');
    expect(formatMonth(8, 'ja')).toBe('8月');
    expect(formatMonth(8, 'en')).toBe('Aug');
  });
});

describe('instants', () => {
  it('shows an instant on its day and time in the given time zone', () => {
    expect(formatDate('2027-03-31T16:30:00Z', 'ja', 'Asia/Tokyo')).toBe('2027年4月1日');
    expect(formatDateTime('2027-03-31T16:30:00Z', 'ja', 'Asia/Tokyo')).toBe('2027年4月1日 1:30');
    expect(formatDateTime('2027-03-31T16:30:00Z', 'en', 'Europe/London')).toMatch(
      /^March 31, 2027 at 5:30\sPM$/,
    );
  });
});
