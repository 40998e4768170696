import { foldLine, icsText, icsTime, renderIcs } from './ics';

describe('iCalendar file', () => {
  it('writes UTC times in the basic format', () => {
    expect(icsTime(new Date('2027-01-10T01:00:00.000Z'))).toBe('20270110T010000Z');
  });

  it('escapes TEXT values', () => {
    expect(icsText('a, b; c\\d\nnext')).toBe('a\\, b\\; c\\\\d\\nnext');
  });

  it('folds lines at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'あ'.repeat(40)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const [i, part] of parts.entries()) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(' ')).toBe(true);
    }
    // Unfolding (3.1) gives the line back.
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('SHORT:1')).toBe('SHORT:1');
  });

  it('renders one event, CRLF-terminated', () => {
    const ics = renderIcs({
      uid: 'registration-1@tsunagu',
      stamp: new Date('2027-01-01T00:00:00Z'),
      startsAt: new Date('2027-01-10T01:00:00Z'),
      endsAt: new Date('2027-01-10T03:00:00Z'),
      summary: '関係人口マッチングセミナー, 岩手',
      description: '地域の方と話しましょう。\n持ち物: なし',
      location: '一関市; 市民センター',
      url: 'https://meet.example.jp/room?id=1,2',
    });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '').includes('\n')).toBe(false);
    const lines = ics.replace(/\r\n /g, '').split('\r\n');
    expect(lines).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'CALSCALE:GREGORIAN',
      'PRODID:-//Tsunagu//Events//JA',
      'METHOD:PUBLISH',
      'X-PUBLISHED-TTL:PT1H',
      'BEGIN:VEVENT',
      'UID:registration-1@tsunagu',
      'SUMMARY:関係人口マッチングセミナー\\, 岩手',
      'DTSTAMP:20270101T000000Z',
      'DTSTART:20270110T010000Z',
      'DTEND:20270110T030000Z',
      'DESCRIPTION:地域の方と話しましょう。\\n持ち物: なし',
      'URL:https://meet.example.jp/room?id=1,2',
      'LOCATION:一関市\\; 市民センター',
      'STATUS:CONFIRMED',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ]);
  });

  it('keeps every line of a long Japanese description within 75 octets', () => {
    const ics = renderIcs({
      uid: 'x@tsunagu',
      stamp: new Date(),
      startsAt: new Date('2027-01-10T01:00:00Z'),
      endsAt: new Date('2027-01-10T03:00:00Z'),
      summary: '棚田'.repeat(60),
      description: '地域の方と話しましょう。'.repeat(20),
    });
    for (const line of ics.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
    expect(ics.replace(/\r\n /g, '')).toContain(`SUMMARY:${'棚田'.repeat(60)}\r\n`);
  });

  it('marks a cancelled event', () => {
    const ics = renderIcs({
      uid: 'x@tsunagu',
      stamp: new Date(),
      startsAt: new Date('2027-01-10T01:00:00Z'),
      endsAt: new Date('2027-01-10T03:00:00Z'),
      summary: 'S',
      cancelled: true,
    });
    expect(ics).toContain('STATUS:CANCELLED\r\n');
    expect(ics).not.toContain('LOCATION');
  });
});
