// Activity days happen on site in Japan: dates and times are Japan time (no daylight saving,
// so a fixed offset is exact).
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

// The longest day credited; check-ins hold at most 80 hours, and a day is a day.
export const MAX_DAY_HOURS = 12;

export function jstInstant(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+09:00`);
}

// The Japan date (YYYY-MM-DD) and time (HH:MM) of an instant.
export function jstParts(at: Date): { date: string; time: string } {
  const iso = new Date(at.getTime() + JST_OFFSET_MS).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

// Sign-ups and cancellations close at the end of the day before (midnight, Japan time): the
// region plans the day (transport, tools, lunch) from the list it has the evening before.
export function signupCutoff(startsAt: Date): Date {
  return jstInstant(jstParts(startsAt).date, '00:00');
}

// The day-before reminder: 09:00 Japan time the day before, or at once when signing up later.
export function reminderDue(startsAt: Date): Date {
  return new Date(signupCutoff(startsAt).getTime() - DAY_MS + 9 * 60 * 60 * 1000);
}

// Hours credited for attending: the day's length, to a tenth of an hour.
export function dayHours(startsAt: Date, endsAt: Date): number {
  return Math.round((endsAt.getTime() - startsAt.getTime()) / 360_000) / 10;
}
