import { RecipientRole } from '@tsunagu/core';
import { NOTIFICATION_EVENT_TYPES } from './notified-events';
import { actionPath, renderNotification } from './notification-templates';

const VARS = {
  participant: '佐藤花子',
  project: '美幌町の酪農体験',
  region: '美幌町',
  message: 'ぜひ一緒に',
  fromStatus: 'SUBMITTED',
  toStatus: 'ACCEPTED',
  reason: '',
  answer: 'ACCEPTED',
  since: '2026-11-01T00:00:00.000Z',
  months: '3',
  cohort: '2026年度 夏',
  status: 'PROPOSED',
  author: '美幌町役場 山田',
  event: '一関市 関係人口マッチングセミナー',
  eventEn: 'Ichinoseki matching seminar',
  startsAt: '2027-01-10T01:00:00.000Z',
  timeZone: 'Asia/Tokyo',
  kind: 'DAY_BEFORE',
  initiative: '錦鯉の里ツアー',
  mentor: '佐藤 花子',
  date: '2027-05-01',
  startTime: '08:30',
  endTime: '12:00',
  meetingPoint: '美幌町農業センター前',
  count: '3',
  organization: '美幌町',
};

describe('renderNotification', () => {
  it('writes Japanese with the project in the title and both names in the body', () => {
    const message = renderNotification('APPLICATION_SUBMITTED', 'ja', VARS, RecipientRole.REGION);

    expect(message.title).toBe('「美幌町の酪農体験」に新しい応募がありました');
    expect(message.body).toContain('佐藤花子さん');
    expect(message.body).toContain('「美幌町の酪農体験」');
  });

  it('writes English on request', () => {
    const message = renderNotification(
      'APPLICATION_SUBMITTED',
      'en',
      { participant: 'Hanako Sato', project: 'Dairy farming in Bihoro' },
      RecipientRole.REGION,
    );

    expect(message.title).toBe('New application to "Dairy farming in Bihoro"');
    expect(message.body).toContain('Hanako Sato applied to "Dairy farming in Bihoro"');
  });

  it.each(NOTIFICATION_EVENT_TYPES)('renders %s in both languages without gaps', (type) => {
    for (const locale of ['ja', 'en'] as const) {
      for (const role of Object.values(RecipientRole)) {
        const { title, body } = renderNotification(type, locale, VARS, role);
        expect(title.length).toBeGreaterThan(3);
        expect(body.length).toBeGreaterThan(10);
        expect(`${title} ${body}`).not.toMatch(/undefined|\$\{/);
      }
    }
  });

  it('speaks to the participant directly and about them to staff, with status labels', () => {
    const own = renderNotification(
      'ENGAGEMENT_STATUS_CHANGED',
      'ja',
      VARS,
      RecipientRole.PARTICIPANT,
    );
    const staff = renderNotification('ENGAGEMENT_STATUS_CHANGED', 'en', VARS, RecipientRole.REGION);

    expect(own.body).toBe(
      '「美幌町の酪農体験」へのご参加の状況が「応募済み」から「受入れ決定」になりました。',
    );
    expect(staff.body).toContain(
      '佐藤花子\'s engagement with "美幌町の酪農体験" moved from submitted to accepted',
    );
  });

  it('adds the reason of a decline on its own line', () => {
    const declined = renderNotification(
      'ENGAGEMENT_STATUS_CHANGED',
      'ja',
      { ...VARS, toStatus: 'DECLINED', reason: '定員に達しました' },
      RecipientRole.PARTICIPANT,
    );
    expect(declined.body.split('\n')[1]).toBe('理由: 定員に達しました');
  });

  it('shows dates as Japanese calendar days', () => {
    const ja = renderNotification('ENGAGEMENT_STALE', 'ja', VARS, RecipientRole.INTERMEDIARY);
    const en = renderNotification('ENGAGEMENT_STALE', 'en', VARS, RecipientRole.INTERMEDIARY);
    expect(ja.body).toContain('2026年11月1日');
    expect(en.body).toContain('1 November 2026');
  });
});

describe('actionPath', () => {
  it('links to the most specific subject', () => {
    expect(actionPath({ projectId: 'p', engagementId: 'a' })).toBe('/engagements/a');
    expect(actionPath({ projectId: 'p', scoutOfferId: 's' })).toBe('/scout-offers/s');
    // A message opens its thread, not the engagement it is about.
    expect(actionPath({ projectId: 'p', engagementId: 'a', conversationId: 'c' })).toBe(
      '/messages/c',
    );
    expect(actionPath({ projectId: 'p' })).toBe('/projects/p');
    expect(actionPath({})).toBeUndefined();
  });

  it("leads staff into their organisation's workspace for a project under review", () => {
    const links = { projectId: 'p', regionId: 'r' };

    expect(actionPath(links, { role: RecipientRole.INTERMEDIARY, organizationId: 'i' })).toBe(
      '/manage/i/review/p',
    );
    expect(actionPath(links, { role: RecipientRole.REGION, organizationId: 'r' })).toBe(
      '/manage/r/projects/p',
    );
    // A delivery from before deliveries knew the organisation: the project's own page.
    expect(actionPath(links, { role: RecipientRole.REGION, organizationId: null })).toBe(
      '/projects/p',
    );
  });
});

describe('event messages', () => {
  const vars = {
    event: '一関市 関係人口マッチングセミナー',
    eventEn: 'Ichinoseki matching seminar',
    startsAt: '2027-01-10T01:00:00.000Z',
    timeZone: 'Asia/Tokyo',
  };

  it('tells the time in the event zone, and names a zone other than Japan', () => {
    const ja = renderNotification(
      'EVENT_REMINDER',
      'ja',
      { ...vars, kind: 'DAY_BEFORE' },
      RecipientRole.PARTICIPANT,
    );
    expect(ja.title).toBe('明日は「一関市 関係人口マッチングセミナー」です');
    expect(ja.body).toContain('2027年1月10日 10:00');
    const en = renderNotification(
      'EVENT_REMINDER',
      'en',
      { ...vars, kind: 'HOUR_BEFORE', timeZone: 'Europe/London' },
      RecipientRole.PARTICIPANT,
    );
    expect(en.title).toBe('"Ichinoseki matching seminar" starts in an hour');
    expect(en.body).toContain('10 January 2027 at 01:00 (Europe/London)');
  });

  it('links to the event page', () => {
    expect(actionPath({ eventId: 'e1', registrationId: 'r1' })).toBe('/events/e1');
  });
});

describe('mentoring messages', () => {
  const vars = {
    organization: '小千谷市 地域振興課',
    initiative: '錦鯉の里ツアー',
    mentor: '佐藤 花子',
    startsAt: '2027-01-10T01:00:00.000Z',
    timeZone: 'Asia/Tokyo',
  };

  it('tells the mentor of a booking, in both languages', () => {
    const ja = renderNotification('MENTORING_BOOKED', 'ja', vars, RecipientRole.PARTICIPANT);
    expect(ja.title).toBe('小千谷市 地域振興課がメンタリングを予約しました');
    expect(ja.body).toContain('2027年1月10日 10:00');
    expect(ja.body).toContain('「錦鯉の里ツアー」');
    const en = renderNotification('MENTORING_BOOKED', 'en', vars, RecipientRole.PARTICIPANT);
    expect(en.body).toContain('10 January 2027 at 10:00');
  });

  it("tells the member the mentor's reason, and the mentor that the slot is free again", () => {
    const member = renderNotification(
      'MENTORING_CANCELLED',
      'en',
      { ...vars, side: 'MEMBER', reason: 'A family matter' },
      RecipientRole.PARTICIPANT,
    );
    expect(member.title).toBe('Your mentoring session with 佐藤 花子 is cancelled');
    expect(member.body).toContain('Reason: A family matter');
    const mentor = renderNotification(
      'MENTORING_CANCELLED',
      'ja',
      { ...vars, side: 'MENTOR' },
      RecipientRole.PARTICIPANT,
    );
    expect(mentor.body).toContain('ふたたび予約を受け付けます');
  });

  it("links the member to their workspace's sessions and the mentor to their page", () => {
    expect(actionPath({ mentoringBookingId: 'b', organizationId: 'o' })).toBe(
      '/manage/o/mentoring',
    );
    expect(actionPath({ mentoringBookingId: 'b' })).toBe('/mentoring');
  });
});

describe('activity day messages', () => {
  const vars = {
    project: '美幌町の酪農体験',
    date: '2027-05-01',
    startTime: '08:30',
    endTime: '12:00',
    meetingPoint: '農業センター前',
  };

  it('tells one new day with its times, several by their count and first day', () => {
    const one = renderNotification(
      'ACTIVITY_DAYS_PUBLISHED',
      'ja',
      { ...vars, count: '1' },
      RecipientRole.PARTICIPANT,
    );
    expect(one.body).toContain('2027年5月1日 08:30〜12:00');
    const several = renderNotification(
      'ACTIVITY_DAYS_PUBLISHED',
      'en',
      { ...vars, count: '4' },
      RecipientRole.PARTICIPANT,
    );
    expect(several.body).toContain('4 new activity days, the first on 1 May 2027 from 08:30');
  });

  it('reminds with the meeting point', () => {
    const reminder = renderNotification(
      'ACTIVITY_DAY_REMINDER',
      'ja',
      vars,
      RecipientRole.PARTICIPANT,
    );
    expect(reminder.title).toBe('明日は「美幌町の酪農体験」の活動日です');
    expect(reminder.body).toContain('集合場所は「農業センター前」');
  });
});

describe('council messages', () => {
  it('tells the admins who applied, and the organisation the decision with its reason', () => {
    const applied = renderNotification(
      'COUNCIL_MEMBERSHIP_APPLIED',
      'ja',
      { organization: '美幌町', kind: 'REGION' },
      RecipientRole.INTERMEDIARY,
    );
    expect(applied.title).toBe('美幌町から協議会への入会申請がありました');
    expect(applied.body).toContain('美幌町（地域）');
    const rejected = renderNotification(
      'COUNCIL_MEMBERSHIP_DECIDED',
      'en',
      { organization: 'Bihoro', status: 'REJECTED', reason: 'Please describe your activities' },
      RecipientRole.REGION,
    );
    expect(rejected.title).toBe("Bihoro's council application was not accepted");
    expect(rejected.body).toContain('Reason: Please describe your activities');
    const approved = renderNotification(
      'COUNCIL_MEMBERSHIP_DECIDED',
      'ja',
      { organization: '美幌町', status: 'APPROVED', reason: '' },
      RecipientRole.REGION,
    );
    expect(approved.title).toBe('美幌町のかかわりラボ入会が承認されました');
    expect(approved.body).not.toContain('理由');
  });

  it('gives a member the message written to it, and where to answer', () => {
    const got = renderNotification(
      'COUNCIL_CONTACT_RECEIVED',
      'en',
      { organization: 'Satoyama Works', author: 'Ken', message: 'Shall we talk?' },
      RecipientRole.REGION,
    );
    expect(got.title).toBe('A message from Satoyama Works, a council member');
    expect(got.body).toContain('Shall we talk?');
    expect(got.body).toContain("Reply from Satoyama Works's member page");
    expect(actionPath({ councilContactId: 'k', councilMemberId: 'o2' })).toBe('/council/o2');
  });

  it('leads into the workspace of the organisation heard for', () => {
    const staff = { role: RecipientRole.INTERMEDIARY, organizationId: 'p1' };
    expect(actionPath({ councilMembershipId: 'c1', councilPage: 'admin/council' }, staff)).toBe(
      '/manage/p1/admin/council',
    );
    expect(
      actionPath(
        { councilMembershipId: 'c1', councilPage: 'council' },
        { role: RecipientRole.REGION, organizationId: 'r1' },
      ),
    ).toBe('/manage/r1/council');
  });
});
