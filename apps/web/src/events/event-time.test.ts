import { describe, expect, it } from 'vitest';
import { eventWhen, formatSpan, instantOf, localOf } from './event-time';

const TOKYO_AFTERNOON = {
  startsAt: '2027-04-01T04:00:00Z',
  endsAt: '2027-04-01T06:30:00Z',
  timeZone: 'Asia/Tokyo',
};

describe('eventWhen', () => {
  it('gives the day once and the times in the event zone, with no second line for a reader there', () => {
    const when = eventWhen(TOKYO_AFTERNOON, 'ja', 'Asia/Tokyo');
    expect(when.event).toContain('2027年4月1日');
    expect(when.event).toMatch(/13:00〜15:30$/);
    expect(when.eventZone).toBe('日本標準時');
    expect(when.reader).toBeNull();
  });

  it('adds the reader’s own clock, summer time included, when it differs', () => {
    const when = eventWhen(TOKYO_AFTERNOON, 'en', 'Europe/London');
    expect(when.event).toMatch(/April 1, 2027, 1:00\sPM – 3:30\sPM$/);
    expect(when.eventZone).toBe('Japan Standard Time');
    expect(when.reader?.text).toMatch(/April 1, 2027, 5:00\sAM – 7:30\sAM$/);
    expect(when.reader?.zone).toBe('British Summer Time');
  });

  it('treats a zone with the same clock at that moment as the same (Seoul reads Tokyo times)', () => {
    expect(eventWhen(TOKYO_AFTERNOON, 'ja', 'Asia/Seoul').reader).toBeNull();
  });

  it('moves a reader far west to the day before', () => {
    const when = eventWhen(TOKYO_AFTERNOON, 'en', 'America/Los_Angeles');
    expect(when.reader?.text).toContain('March 31, 2027');
  });
});

describe('formatSpan', () => {
  it('names both days when the event runs overnight', () => {
    const text = formatSpan('2027-04-01T10:00:00Z', '2027-04-02T01:00:00Z', 'ja', 'Asia/Tokyo');
    expect(text).toContain('4月1日');
    expect(text).toContain('4月2日');
  });
});

describe('instantOf and localOf', () => {
  it('read a wall clock in the event zone and give it back', () => {
    expect(instantOf('2027-04-01T13:00', 'Asia/Tokyo')).toBe('2027-04-01T04:00:00.000Z');
    expect(localOf('2027-04-01T04:00:00.000Z', 'Asia/Tokyo')).toBe('2027-04-01T13:00');
  });

  it('follow summer time where the zone has it', () => {
    expect(instantOf('2027-07-01T09:00', 'Europe/London')).toBe('2027-07-01T08:00:00.000Z');
    expect(instantOf('2027-01-01T09:00', 'Europe/London')).toBe('2027-01-01T09:00:00.000Z');
    expect(localOf('2027-07-01T08:00:00.000Z', 'Europe/London')).toBe('2027-07-01T09:00');
  });
});
