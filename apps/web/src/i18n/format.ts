// Dates and numbers in the reader's language through Intl: 2027年4月1日 / April 1, 2027.

// An ISO date (YYYY-MM-DD) is a calendar day, not an instant: read and shown in UTC so no time
// zone moves it to the day before.
// An instant is shown as the day it is in timeZone (the browser's unless given).
// Today's date (YYYY-MM-DD) in Japan, where ages and the fiscal year are counted.
export function todayInJapan(now = new Date()): string {
  return now.toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });
}

export function formatDate(isoDate: string, language: string, timeZone?: string): string {
  const date = new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: isoDate.length === 10 ? 'UTC' : timeZone,
  }).format(date);
}

// An instant with its time: 2027年4月1日 9:05 / April 1, 2027 at 9:05 AM.
export function formatDateTime(iso: string, language: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
}

// A project's period: "2027年4月1日〜2027年9月30日", or from its start while ongoing.
export function formatPeriod(start: string, end: string | null | undefined, language: string) {
  const from = formatDate(start, language);
  if (!end) return language === 'ja' ? `${from}〜` : `from ${from}`;
  return language === 'ja'
    ? `${from}〜${formatDate(end, language)}`
    : `${from} – ${formatDate(end, language)}`;
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value);
}

// Months of the year as the language names them: 4月 / Apr.
export function formatMonth(month: number, language: string): string {
  return new Intl.DateTimeFormat(language, { month: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, month - 1, 1)),
  );
}

// A month of a year, YYYY-MM: 2027年4月 / Apr 2027.
export function formatYearMonth(yearMonth: string, language: string): string {
  const [year, month] = yearMonth.split('-').map(Number);
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, 1)));
}

// A share (0.25) as a percentage: 25%.
export function formatPercent(share: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(
    share,
  );
}

// Items as one list in the reader's language: 農業、観光、デザイン / farming, tourism, and design.
export function formatList(items: readonly string[], language: string): string {
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
}

// A calendar day (YYYY-MM-DD) with its weekday: 2027年5月1日(土) / Sat, May 1, 2027.
export function formatDayWithWeekday(isoDate: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
}
