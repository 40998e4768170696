// Days (YYYY-MM-DD) as people in a place count them: a birthday, "today" for an age, the day an
// event falls on. Japan's by default: the UTC date is still yesterday there until 09:00.
export const JAPAN_TIME_ZONE = 'Asia/Tokyo';

// YYYY-MM-DD of an instant in a time zone.
export function dayIn(instant: Date, timeZone: string = JAPAN_TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

// Today's date in Japan.
export function todayInJapan(now: Date = new Date()): string {
  return dayIn(now, JAPAN_TIME_ZONE);
}
