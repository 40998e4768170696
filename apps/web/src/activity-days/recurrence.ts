// The dates of a repeating activity day: every chosen weekday from the first date to the last
// (both included), or the first date alone when no weekday is chosen. Dates are YYYY-MM-DD
// calendar days; weekdays 0 (Sunday) to 6 (Saturday). At most `limit` dates (the API's 60).
export function recurringDates(
  first: string,
  last: string,
  weekdays: readonly number[],
  limit = 60,
): string[] {
  if (!isDate(first)) return [];
  if (weekdays.length === 0) return [first];
  if (!isDate(last) || last < first) return [];
  const dates: string[] = [];
  const day = new Date(`${first}T00:00:00Z`);
  const end = new Date(`${last}T00:00:00Z`).getTime();
  while (day.getTime() <= end && dates.length < limit + 1) {
    if (weekdays.includes(day.getUTCDay())) dates.push(day.toISOString().slice(0, 10));
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return dates;
}

export function isDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}
