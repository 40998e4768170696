// The time zone picker's choices: Japan first (most people here live there), then every IANA
// zone the browser knows, ordered by UTC offset, named in the reader's language.

export interface TimeZoneGroup {
  group: string;
  items: { value: string; label: string }[];
}

export const JAPAN = 'Asia/Tokyo';

// Zones the browser knows; older browsers without supportedValuesOf get a short list.
export function knownTimeZones(): string[] {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  const zones = supported ? supported('timeZone') : [];
  return zones.length ? zones : [JAPAN, 'UTC', 'Europe/London', 'America/New_York'];
}

// Minutes east of UTC at that instant (summer time moves some zones).
export function offsetMinutes(zone: string, at: Date): number {
  const part = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(part ?? '');
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

function offsetLabel(minutes: number): string {
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  const hours = String(Math.floor(abs / 60)).padStart(2, '0');
  return `UTC${sign}${hours}:${String(abs % 60).padStart(2, '0')}`;
}

// "UTC+09:00 日本標準時（Asia/Tokyo）" / "UTC+09:00 Japan Standard Time (Asia/Tokyo)".
export function timeZoneLabel(zone: string, language: string, at: Date): string {
  const name = new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName: 'long' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const id = zone.replaceAll('_', ' ');
  const offset = offsetLabel(offsetMinutes(zone, at));
  if (!name || name.startsWith('GMT')) return `${offset} ${id}`;
  return language === 'ja' ? `${offset} ${name}（${id}）` : `${offset} ${name} (${id})`;
}

export function timeZoneGroups(
  language: string,
  groupNames: { japan: string; others: string },
  at = new Date(),
  zones = knownTimeZones(),
): TimeZoneGroup[] {
  const others = zones
    .filter((zone) => zone !== JAPAN)
    .map((zone) => ({ zone, offset: offsetMinutes(zone, at) }))
    .sort((a, b) => a.offset - b.offset || a.zone.localeCompare(b.zone));
  const item = (zone: string) => ({ value: zone, label: timeZoneLabel(zone, language, at) });
  return [
    { group: groupNames.japan, items: [item(JAPAN)] },
    { group: groupNames.others, items: others.map(({ zone }) => item(zone)) },
  ];
}
