import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en, ja } from '../i18n/catalog';
import { notificationLink, notificationSentence, WORDINGS } from './notification-sentence';

// The event types the API notifies of, read from its checked-in schema: a type added there
// without a wording here fails this test (and the type-check).
function schemaEventTypes(): string[] {
  const schema = readFileSync(join(__dirname, '../../../api/schema.graphql'), 'utf8');
  const body = /enum NotificationEventType \{([^}]*)\}/.exec(schema)?.[1] ?? '';
  return body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^[A-Z_]+$/.test(line));
}

// Facts as the API stores them, for every kind of event.
const FACTS = {
  project: '棚田の草刈り',
  participant: '佐藤 花子',
  author: '山田 太郎',
  region: '佐渡市',
  cohort: '2027春',
  fromStatus: 'SUBMITTED',
  toStatus: 'ACCEPTED',
  answer: 'ACCEPTED',
  status: 'READY',
  since: '2027-03-31T16:30:00.000Z',
  months: '3',
  message: 'ぜひ',
  reason: 'x',
  event: '一関の交流会',
  eventEn: 'Ichinoseki meetup',
  startsAt: '2027-03-31T16:30:00.000Z',
  timeZone: 'Asia/Tokyo',
  kind: 'DAY_BEFORE',
  initiative: '棚田の草刈り',
  mentor: '山田 太郎',
  date: '2027-05-01',
  startTime: '08:30',
  endTime: '12:00',
  meetingPoint: '公民館',
  count: '3',
  organization: '美幌町',
};
const facts = Object.entries(FACTS).map(([name, value]) => ({ name, value }));

let translate: Record<'ja' | 'en', TFunction>;

beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { ja: { translation: ja }, en: { translation: en } },
    lng: 'ja',
    interpolation: { escapeValue: false },
  });
  translate = { ja: i18n.getFixedT('ja'), en: i18n.getFixedT('en') };
});

const sentence = (
  type: string,
  language: 'ja' | 'en',
  over: Partial<typeof FACTS> = {},
  audience: 'PARTICIPANT' | 'REGION' | 'INTERMEDIARY' = 'PARTICIPANT',
) =>
  notificationSentence(
    {
      type,
      title: 'STORED TITLE',
      audience,
      facts: Object.entries({ ...FACTS, ...over }).map(([name, value]) => ({ name, value })),
    },
    translate[language],
    language,
  );

describe('notification sentences', () => {
  it('has a wording for every event type of the schema, and no more', () => {
    const types = schemaEventTypes();
    expect(types.length).toBeGreaterThanOrEqual(10);
    expect(Object.keys(WORDINGS).sort()).toEqual([...types].sort());
  });

  it('words every event type, for every audience, in Japanese and English', () => {
    for (const type of schemaEventTypes()) {
      for (const language of ['ja', 'en'] as const) {
        for (const audience of ['PARTICIPANT', 'REGION', 'INTERMEDIARY'] as const) {
          for (const over of [{}, { answer: 'DECLINED', status: 'FAILED' }]) {
            const text = sentence(type, language, over, audience);
            expect(text, `${type} ${language}`).not.toBe('STORED TITLE');
            // No key, no placeholder, no code (ACCEPTED, 2027-03-31) left in the words.
            expect(text, `${type} ${language}`).not.toMatch(
              /notifications\.|\{\{|[A-Z]{4,}|\d{4}-\d{2}/,
            );
            // Japanese reads Japanese; English has no Japanese but the names it quotes.
            if (language === 'ja') expect(text).toMatch(/[ぁ-ん]/);
            else
              expect(
                text.replace(/棚田の草刈り|佐藤 花子|山田 太郎|佐渡市|2027春|公民館|美幌町/g, ''),
              ).not.toMatch(/[ぁ-んァ-ン一-龯]/);
          }
        }
      }
    }
  });

  it('tells a council decision as approved only when it is', () => {
    expect(sentence('COUNCIL_MEMBERSHIP_DECIDED', 'ja', { status: 'APPROVED' }, 'REGION')).toBe(
      '美幌町のかかわりラボ入会が承認されました。',
    );
    expect(sentence('COUNCIL_MEMBERSHIP_DECIDED', 'en', { status: 'REJECTED' }, 'REGION')).toBe(
      "美幌町's council application was not accepted this time: see why.",
    );
  });

  it('names statuses and dates in the reader’s language, days as they are in Japan', () => {
    expect(sentence('ENGAGEMENT_STATUS_CHANGED', 'ja')).toBe(
      '「棚田の草刈り」への参加状況が「受け入れ決定」になりました。',
    );
    expect(sentence('ENGAGEMENT_STATUS_CHANGED', 'en', {}, 'REGION')).toBe(
      '佐藤 花子\'s engagement with "棚田の草刈り" is now accepted by the region.',
    );
    expect(sentence('ENGAGEMENT_STALE', 'ja', {}, 'INTERMEDIARY')).toContain('2027年4月1日から');
    expect(sentence('SCOUT_OFFER_ANSWERED', 'ja', { answer: 'DECLINED' }, 'REGION')).toContain(
      '今回は見送りました',
    );
  });

  it('falls back to the stored title when the facts are missing or unknown', () => {
    const t = translate.ja;
    const base = { title: '保存されたタイトル', audience: null };
    expect(notificationSentence({ ...base, type: 'FOLLOW_UP_DUE', facts: [] }, t, 'ja')).toBe(
      '保存されたタイトル',
    );
    expect(notificationSentence({ ...base, type: 'SOMETHING_NEW', facts }, t, 'ja')).toBe(
      '保存されたタイトル',
    );
    expect(sentence('ENGAGEMENT_STATUS_CHANGED', 'ja', { toStatus: 'MYSTERY' })).toBe(
      'STORED TITLE',
    );
  });
});

describe('notification links', () => {
  it('leads to the thread, the offers, the engagement or the project', () => {
    const none = { projectId: null, engagementId: null, scoutOfferId: null, conversationId: null };
    expect(notificationLink({ ...none, engagementId: 'e', conversationId: 'c' })).toBe(
      '/messages/c',
    );
    expect(notificationLink({ ...none, projectId: 'p', scoutOfferId: 's' })).toBe('/scout-offers');
    expect(notificationLink({ ...none, projectId: 'p', engagementId: 'e' })).toBe('/engagements/e');
    expect(notificationLink({ ...none, projectId: 'p' })).toBe('/projects/p');
    expect(notificationLink(none)).toBeNull();
    expect(notificationLink({ ...none, eventId: 'v' })).toBe('/events/v');
    // Mentoring: the member's staff in their workspace, the mentor on their own page.
    expect(notificationLink({ ...none, type: 'MENTORING_CANCELLED', organizationId: 'o' })).toBe(
      '/manage/o/mentoring',
    );
    expect(notificationLink({ ...none, type: 'MENTORING_BOOKED' })).toBe('/mentoring');
    expect(
      notificationLink({ ...none, type: 'COUNCIL_MEMBERSHIP_APPLIED', organizationId: 'p' }),
    ).toBe('/manage/p/admin/council');
    expect(
      notificationLink({ ...none, type: 'COUNCIL_MEMBERSHIP_DECIDED', organizationId: 'r' }),
    ).toBe('/manage/r/council');
    expect(
      notificationLink({ ...none, type: 'COUNCIL_CONTACT_RECEIVED', organizationId: 'r' }),
    ).toBe('/manage/r/council');
  });

  it("leads staff to an engagement in their organisation's workspace", () => {
    const about = { projectId: 'p', engagementId: 'e', scoutOfferId: null, conversationId: null };
    const staff = { ...about, organizationId: 'o', type: 'APPLICATION_SUBMITTED' as const };
    expect(notificationLink({ ...staff, audience: 'REGION' })).toBe('/manage/o/engagements/e');
    expect(notificationLink({ ...staff, audience: 'INTERMEDIARY' })).toBe(
      '/manage/o/engagements/e',
    );
    // The participant's own page for the participant, and without the organisation.
    expect(notificationLink({ ...staff, organizationId: null, audience: 'PARTICIPANT' })).toBe(
      '/engagements/e',
    );
    expect(notificationLink({ ...staff, organizationId: null, audience: 'REGION' })).toBe(
      '/engagements/e',
    );
  });

  it("leads staff to a review step in their organisation's workspace", () => {
    const step = {
      projectId: 'p',
      engagementId: null,
      scoutOfferId: null,
      conversationId: null,
      organizationId: 'o',
    };
    expect(notificationLink({ ...step, type: 'PROJECT_SUBMITTED', audience: 'INTERMEDIARY' })).toBe(
      '/manage/o/review/p',
    );
    expect(notificationLink({ ...step, type: 'PROJECT_PUBLISHED', audience: 'REGION' })).toBe(
      '/manage/o/projects/p',
    );
    // Without the organisation (older notifications): the project's page.
    expect(notificationLink({ ...step, organizationId: null, type: 'PROJECT_SUBMITTED' })).toBe(
      '/projects/p',
    );
  });
});
