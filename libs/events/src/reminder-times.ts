import { ReminderKind } from './event.entities';

// The day-before reminder goes out at this local hour on the eve of the event's local date.
export const DAY_BEFORE_LOCAL_HOUR = 9;
const HOUR_MS = 60 * 60 * 1000;

// Milliseconds the zone is ahead of UTC at that instant.
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

// The calendar date of an instant in a zone, as [year, month (1-12), day].
export function localDate(instant: Date, timeZone: string): [number, number, number] {
  const shifted = new Date(instant.getTime() + zoneOffsetMs(instant, timeZone));
  return [shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate()];
}

// The instant a wall-clock time happens in a zone (a time skipped by a DST change lands an hour
// later). Two steps: the offset at the first guess may differ from the offset at the answer.
export function zonedInstant(
  [year, month, day]: [number, number, number],
  hour: number,
  timeZone: string,
): Date {
  const wall = Date.UTC(year, month - 1, day, hour);
  const first = wall - zoneOffsetMs(new Date(wall), timeZone);
  return new Date(wall - zoneOffsetMs(new Date(first), timeZone));
}

// When each reminder is due for someone in `timeZone`: at 09:00 their time on the day before the
// event (by their calendar), and an hour before it starts. Reminders whose moment has passed at
// `now` (a late registration) are left out rather than sent late.
export function reminderTimes(
  startsAt: Date,
  timeZone: string,
  now: Date,
): Array<{ kind: ReminderKind; dueAt: Date }> {
  const [y, m, d] = localDate(startsAt, timeZone);
  const eve = new Date(Date.UTC(y, m - 1, d - 1));
  const dayBefore = zonedInstant(
    [eve.getUTCFullYear(), eve.getUTCMonth() + 1, eve.getUTCDate()],
    DAY_BEFORE_LOCAL_HOUR,
    timeZone,
  );
  const hourBefore = new Date(startsAt.getTime() - HOUR_MS);
  return [
    { kind: ReminderKind.DAY_BEFORE, dueAt: dayBefore },
    { kind: ReminderKind.HOUR_BEFORE, dueAt: hourBefore },
  ].filter((r) => r.dueAt.getTime() > now.getTime());
}
