import { ReminderKind } from './event.entities';
import { localDate, reminderTimes, zonedInstant, zoneOffsetMs } from './reminder-times';

const at = (iso: string) => new Date(iso);
const times = (startsAt: string, zone: string, now = '2027-01-01T00:00:00Z') =>
  Object.fromEntries(
    reminderTimes(at(startsAt), zone, at(now)).map((r) => [r.kind, r.dueAt.toISOString()]),
  );

describe('reminder times', () => {
  it('knows zone offsets, with and without daylight saving', () => {
    expect(zoneOffsetMs(at('2027-01-10T01:00:00Z'), 'Asia/Tokyo')).toBe(9 * 3600_000);
    expect(zoneOffsetMs(at('2027-01-10T01:00:00Z'), 'Europe/London')).toBe(0);
    expect(zoneOffsetMs(at('2027-07-10T01:00:00Z'), 'Europe/London')).toBe(3600_000);
    expect(zoneOffsetMs(at('2027-07-10T01:00:00Z'), 'America/Los_Angeles')).toBe(-7 * 3600_000);
  });

  it('reads the calendar date in the zone', () => {
    // 10:00 in Tokyo on the 10th is still the 9th in Los Angeles.
    expect(localDate(at('2027-01-10T01:00:00Z'), 'Asia/Tokyo')).toEqual([2027, 1, 10]);
    expect(localDate(at('2027-01-10T01:00:00Z'), 'America/Los_Angeles')).toEqual([2027, 1, 9]);
  });

  it('finds the instant of a wall-clock time, across a DST change', () => {
    expect(zonedInstant([2027, 1, 9], 9, 'Asia/Tokyo').toISOString()).toBe(
      '2027-01-09T00:00:00.000Z',
    );
    // London moves to BST on 28 March 2027.
    expect(zonedInstant([2027, 3, 27], 9, 'Europe/London').toISOString()).toBe(
      '2027-03-27T09:00:00.000Z',
    );
    expect(zonedInstant([2027, 3, 28], 9, 'Europe/London').toISOString()).toBe(
      '2027-03-28T08:00:00.000Z',
    );
    // 01:00 does not exist in London that night: it lands an hour later, at 02:00 BST.
    expect(zonedInstant([2027, 3, 28], 1, 'Europe/London').toISOString()).toBe(
      '2027-03-28T01:00:00.000Z',
    );
  });

  it('sends the day-before reminder at 09:00 on the eve by each registrant own calendar', () => {
    // An online event at 10:00 Tokyo time on 10 January (01:00 UTC).
    const start = '2027-01-10T01:00:00Z';
    expect(times(start, 'Asia/Tokyo')).toEqual({
      [ReminderKind.DAY_BEFORE]: '2027-01-09T00:00:00.000Z', // 09:00 JST on the 9th
      [ReminderKind.HOUR_BEFORE]: '2027-01-10T00:00:00.000Z',
    });
    expect(times(start, 'Europe/London')).toEqual({
      [ReminderKind.DAY_BEFORE]: '2027-01-09T09:00:00.000Z', // 09:00 GMT on the 9th
      [ReminderKind.HOUR_BEFORE]: '2027-01-10T00:00:00.000Z',
    });
    // In Los Angeles it starts at 17:00 on the 9th: the eve is the 8th.
    expect(times(start, 'America/Los_Angeles')).toEqual({
      [ReminderKind.DAY_BEFORE]: '2027-01-08T17:00:00.000Z', // 09:00 PST on the 8th
      [ReminderKind.HOUR_BEFORE]: '2027-01-10T00:00:00.000Z',
    });
  });

  it('follows daylight saving on the eve', () => {
    // 10:00 London time on Sunday 28 March 2027 (BST, 09:00 UTC); the eve is still GMT.
    expect(times('2027-03-28T09:00:00Z', 'Europe/London')[ReminderKind.DAY_BEFORE]).toBe(
      '2027-03-27T09:00:00.000Z',
    );
    // 10:00 on Monday the 29th: the eve (the 28th) is already BST.
    expect(times('2027-03-29T09:00:00Z', 'Europe/London')[ReminderKind.DAY_BEFORE]).toBe(
      '2027-03-28T08:00:00.000Z',
    );
  });

  it('leaves out reminders whose moment has passed', () => {
    const start = '2027-01-10T01:00:00Z';
    expect(Object.keys(times(start, 'Asia/Tokyo', '2027-01-09T12:00:00Z'))).toEqual([
      ReminderKind.HOUR_BEFORE,
    ]);
    expect(times(start, 'Asia/Tokyo', '2027-01-10T00:30:00Z')).toEqual({});
  });
});
