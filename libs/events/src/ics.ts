import { createEvent, type EventAttributes } from 'ics';

// An iCalendar (RFC 5545) file with one event. Times go out in UTC ("Z"), which every calendar
// converts to its reader's zone, so no VTIMEZONE block is needed.
export interface IcsEvent {
  uid: string;
  stamp: Date;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  cancelled?: boolean;
}

const CRLF = '\r\n';

// 20270110T010000Z
export function icsTime(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

// TEXT values (3.3.11): backslash, semicolon and comma escaped, line breaks as \n.
export function icsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

// Content lines are folded at 75 octets (3.1): CRLF then a space, never inside a UTF-8 character.
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // Continuation lines start with a space, which counts towards their 75.
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join(`${CRLF} `);
}

// The `ics` library writes and escapes the calendar; its lines are then folded again by octets,
// since it folds at 75 characters, which a Japanese title exceeds threefold in UTF-8.
export function renderIcs(event: IcsEvent): string {
  const utc = { startInputType: 'utc', startOutputType: 'utc' } as const;
  // DTSTAMP: the library reads `timestamp`, which its type declarations leave out.
  const attributes: EventAttributes & { timestamp: number } = {
    ...utc,
    endInputType: 'utc',
    endOutputType: 'utc',
    productId: '-//Tsunagu//Events//JA',
    method: 'PUBLISH',
    uid: event.uid,
    timestamp: event.stamp.getTime(),
    start: event.startsAt.getTime(),
    end: event.endsAt.getTime(),
    title: event.summary,
    ...(event.description ? { description: event.description } : {}),
    ...(event.location ? { location: event.location } : {}),
    ...(event.url ? { url: event.url } : {}),
    status: event.cancelled ? 'CANCELLED' : 'CONFIRMED',
  };
  const { error, value } = createEvent(attributes);
  if (error || !value) throw error ?? new Error('ics wrote no calendar');
  const lines = value
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
  return lines.map(foldLine).join(CRLF) + CRLF;
}
