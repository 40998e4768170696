import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { emptyEvent, eventInputOf, eventSchema } from './event-form';

const t = ((key: string) => key) as unknown as TFunction;

const filled = {
  ...emptyEvent(),
  titleJa: '美幌の交流会',
  descriptionJa: '地域の人と気軽に話す会です。',
  startsAt: '2031-05-10T13:00',
  endsAt: '2031-05-10T15:30',
  prefectureCode: '01',
  municipalityCode: '015431',
  venue: '美幌町民会館',
  capacity: 20 as const,
};

describe('eventSchema', () => {
  it('accepts a complete on-site event', () => {
    expect(eventSchema(t).safeParse(filled).success).toBe(true);
  });

  it('asks an on-site event for its place and capacity, and an end after the start', () => {
    const result = eventSchema(t).safeParse({
      ...filled,
      municipalityCode: null,
      venue: ' ',
      capacity: '',
      endsAt: '2031-05-10T12:00',
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['municipalityCode', 'venue', 'capacity', 'endsAt']),
    );
  });

  it('wants an https meeting link online, and no place', () => {
    const online = { ...filled, format: 'ONLINE' as const, municipalityCode: null, venue: '' };
    expect(eventSchema(t).safeParse({ ...online, meetingUrl: 'http://x.jp' }).success).toBe(false);
    expect(
      eventSchema(t).safeParse({ ...online, meetingUrl: 'https://meet.example.jp/a' }).success,
    ).toBe(true);
  });
});

describe('eventInputOf', () => {
  it('sends the wall clock of the event zone as instants, and drops what the format has not', () => {
    const input = eventInputOf({
      ...filled,
      meetingUrl: 'https://meet.example.jp/a',
      titleEn: ' ',
    });
    expect(input.startsAt).toBe('2031-05-10T04:00:00.000Z');
    expect(input.endsAt).toBe('2031-05-10T06:30:00.000Z');
    expect(input.meetingUrl).toBeNull();
    expect(input.titleEn).toBeNull();
    const online = eventInputOf({
      ...filled,
      format: 'ONLINE',
      capacity: '',
      meetingUrl: 'https://m.jp/a',
    });
    expect(online.municipalityCode).toBeNull();
    expect(online.venue).toBeNull();
    expect(online.capacity).toBeNull();
    expect(online.meetingUrl).toBe('https://m.jp/a');
  });

  it('sends a council member event without participant kinds, as the API wants', () => {
    const input = eventInputOf({
      ...filled,
      audienceKinds: ['PRO_BONO'],
      forCouncilMembers: true,
    });
    expect(input.forCouncilMembers).toBe(true);
    expect(input.audienceKinds).toEqual([]);
  });
});
