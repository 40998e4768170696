import { RecipientRole } from '@tsunagu/core';
import { AccountMailKind, accountMailContent } from '@tsunagu/identity';
import {
  ConsentSubjectKind,
  consentMailContent,
  consentStatement,
  messageCopyMailContent,
  requestMovedMailContent,
} from '@tsunagu/participants';
import { NOTIFICATION_EVENT_TYPES } from '../notified-events';
import { renderNotification } from '../notification-templates';
import { renderDigestEmail, renderEmail, renderTransactionalEmail } from './email-layout';

// Japanese punctuation in English words ("Project：…") reads as a glitch. With English facts in,
// nothing Japanese should come out of an English template.
const FULL_WIDTH = /[：、。（）「」]/;

const VARS = {
  participant: 'Hanako Sato',
  project: 'Dairy farming in Bihoro',
  region: 'Bihoro',
  message: 'Welcome',
  fromStatus: 'SUBMITTED',
  toStatus: 'ACCEPTED',
  reason: 'Plans changed',
  answer: 'ACCEPTED',
  since: '2026-11-01T00:00:00.000Z',
  months: '3',
  cohort: 'Summer 2026',
  status: 'PROPOSED',
  author: 'Taro Yamada',
  event: 'Ichinoseki matching seminar',
  eventEn: 'Ichinoseki matching seminar',
  startsAt: '2027-01-10T01:00:00.000Z',
  timeZone: 'Asia/Tokyo',
  kind: 'DAY_BEFORE',
  initiative: 'Koi village tour',
  mentor: 'Hanako Sato',
  date: '2027-05-01',
  startTime: '08:30',
  endTime: '12:00',
  meetingPoint: 'Bihoro farm centre',
  count: '3',
  organization: 'Bihoro',
};

const FACTS = {
  title: 'Dairy farming in Bihoro',
  regionName: 'Bihoro',
  startsOn: '2027-01-01',
  endsOn: '2027-03-31',
  supervisorNames: ['Hokkaido hub'],
  contactName: 'Hokkaido hub',
};

const texts = (...parts: object[]) =>
  parts.flatMap((p) => Object.values(p).filter((v): v is string => typeof v === 'string'));

describe('English e-mails and notifications', () => {
  it.each(NOTIFICATION_EVENT_TYPES)('%s has no Japanese punctuation', (type) => {
    for (const role of Object.values(RecipientRole)) {
      const rendered = renderNotification(type, 'en', VARS, role);
      for (const text of texts(rendered)) expect(text).not.toMatch(FULL_WIDTH);
    }
  });

  it.each(Object.values(AccountMailKind))('the account mail %s has none', (kind) => {
    const content = accountMailContent('en', kind, {
      displayName: 'Hanako',
      newAddress: 'ha***@example.jp',
    });
    for (const text of texts(content)) expect(text).not.toMatch(FULL_WIDTH);
  });

  it("the guardians' mails and statements have none", () => {
    const child = { childName: 'Hanako', guardianName: 'Keiko Watanabe' };
    const rendered = Object.values(ConsentSubjectKind).flatMap((subjectKind) => [
      { statement: consentStatement('en', { ...child, subjectKind, facts: FACTS }) },
      consentMailContent('en', { ...child, subjectKind, facts: FACTS }),
      requestMovedMailContent('en', { childName: 'Hanako', subjectKind, facts: FACTS }),
    ]);
    rendered.push(
      messageCopyMailContent('en', {
        ...child,
        projectTitle: FACTS.title,
        senderOrganization: 'Bihoro',
        body: 'Meet us at the station.',
      }),
    );
    for (const text of texts(...rendered)) expect(text).not.toMatch(FULL_WIDTH);
  });

  it('the layouts have none', () => {
    const emails = [
      renderEmail({
        locale: 'en',
        title: 'Title',
        body: 'Body',
        actionUrl: 'https://tsunagu.test/x',
        preferencesUrl: 'https://tsunagu.test/settings',
      }),
      renderTransactionalEmail({ locale: 'en', title: 'Title', body: 'Body' }),
      renderDigestEmail({
        locale: 'en',
        localDate: '2027-01-10',
        timeZone: 'Asia/Tokyo',
        preferencesUrl: 'https://tsunagu.test/settings',
        items: [{ title: 'Title', body: 'Body', occurredAt: new Date('2027-01-10T01:00:00Z') }],
      }),
    ];
    for (const text of texts(...emails)) expect(text).not.toMatch(FULL_WIDTH);
  });
});
