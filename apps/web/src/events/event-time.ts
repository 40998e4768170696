// When an event happens, worded for a reader: in the event's own time zone, and again in the
// reader's when the clocks there differ at that moment (someone in London joining a Tokyo
// workshop must not do the arithmetic).

export interface EventTimes {
  startsAt: string;
  endsAt: string;
  // The IANA zone the organiser gave the times in.
  timeZone: string;
}

export interface EventWhen {
  // In the event's zone: "2027年4月1日(木) 13:00〜15:30".
  event: string;
  // The event zone's name in the reader's language: "日本標準時" / "Japan Standard Time".
  eventZone: string;
  // The same times where the reader is, or null when the clocks agree.
  reader: { text: string; zone: string } | null;
}

function dayOf(date: Date, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
    timeZone,
  }).format(date);
}

function timeOf(date: Date, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language, {
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  }).format(date);
}

// The zone's long name at that moment (summer time included): "British Summer Time".
export function zoneName(date: Date, language: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat(language, { timeZoneName: 'long', timeZone }).formatToParts(
    date,
  );
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

// Minutes ahead of UTC of a zone at a moment, read back from its wall clock.
function offsetMinutes(date: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(date);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'));
  return Math.round((wall - Math.floor(date.getTime() / 60000) * 60000) / 60000);
}

// A start and an end in one zone: the day once when both fall on it.
export function formatSpan(
  startsAt: string,
  endsAt: string,
  language: string,
  timeZone: string,
): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const dash = language === 'ja' ? '〜' : ' – ';
  const startDay = dayOf(start, language, timeZone);
  const endDay = dayOf(end, language, timeZone);
  const startTime = timeOf(start, language, timeZone);
  const endTime = timeOf(end, language, timeZone);
  if (startDay === endDay) {
    return language === 'ja'
      ? `${startDay} ${startTime}${dash}${endTime}`
      : `${startDay}, ${startTime}${dash}${endTime}`;
  }
  return language === 'ja'
    ? `${startDay} ${startTime}${dash}${endDay} ${endTime}`
    : `${startDay}, ${startTime}${dash}${endDay}, ${endTime}`;
}

// readerZone: the account's zone, else the browser's.
export function eventWhen(event: EventTimes, language: string, readerZone: string): EventWhen {
  const start = new Date(event.startsAt);
  const same =
    offsetMinutes(start, readerZone) === offsetMinutes(start, event.timeZone) &&
    offsetMinutes(new Date(event.endsAt), readerZone) ===
      offsetMinutes(new Date(event.endsAt), event.timeZone);
  return {
    event: formatSpan(event.startsAt, event.endsAt, language, event.timeZone),
    eventZone: zoneName(start, language, event.timeZone),
    reader: same
      ? null
      : {
          text: formatSpan(event.startsAt, event.endsAt, language, readerZone),
          zone: zoneName(start, language, readerZone),
        },
  };
}

// The reader's zone: what their account says, else what their browser says.
export function readerTimeZone(accountZone: string | undefined): string {
  return accountZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'Asia/Tokyo';
}

// The organiser's form gives times as wall-clock "YYYY-MM-DDTHH:mm" in the event's zone: the
// instant they mean there.
export function instantOf(local: string, timeZone: string): string {
  const [date, time = '00:00'] = local.split('T');
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  // The zone's offset at the guess, then again at the corrected instant (a change of clocks
  // between the two moves it by the difference).
  let instant = guess - offsetMinutes(new Date(guess), timeZone) * 60000;
  instant = guess - offsetMinutes(new Date(instant), timeZone) * 60000;
  return new Date(instant).toISOString();
}

// And back: an instant as the wall clock in the zone, "YYYY-MM-DDTHH:mm", for editing.
export function localOf(iso: string, timeZone: string): string {
  const date = new Date(iso);
  const shifted = new Date(date.getTime() + offsetMinutes(date, timeZone) * 60000);
  return shifted.toISOString().slice(0, 16);
}
