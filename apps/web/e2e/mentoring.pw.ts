import { expect, test } from '@playwright/test';
import { gql, newParticipant, signInByApi } from './support/graphql-requests';
import {
  DEMO_PASSWORD,
  expectAccessible,
  fillDay,
  headerIsFolded,
  openMenuOnPhone,
  saveScreenshot,
} from './support/helpers';
import { newOrganization } from './support/organizations';
import { signInThroughPage } from './support/participants';

const HOUR = 60 * 60 * 1000;

test.describe('mentoring', () => {
  test.use({ actionTimeout: 30_000 });
  test('a member books a mentor’s slot; the mentor writes notes and a follow-up; the member ticks it', async ({
    page,
    browser,
    request,
  }, testInfo) => {
    test.setTimeout(300_000);
    // A member organisation of its own, approved by the council through the API.
    const member = await newOrganization(request, {
      kind: 'REGION',
      name: '小千谷市 観光交流課',
      staffName: '星野 彩',
      municipalityCode: '152081',
    });
    const admin = await signInByApi(request, 'admin@demo.tsunagu.jp', DEMO_PASSWORD);
    const applied = await gql<{ applyForCouncilMembership: { id: string } }>(
      request,
      `mutation($organizationId: ID!, $input: ApplyForCouncilMembershipInput!) {
        applyForCouncilMembership(organizationId: $organizationId, input: $input) { id } }`,
      {
        organizationId: member.organizationId,
        input: {
          introductionJa: '錦鯉と棚田の町です。関係人口づくりを学び合いたいと考えています。',
        },
      },
      member.token,
    );
    await gql(
      request,
      `mutation($id: ID!) { decideCouncilMembership(id: $id, approve: true) { id } }`,
      { id: applied.applyForCouncilMembership.id },
      admin.token,
    );
    // A new mentor, appointed by the admin, with one slot three days ahead (in English).
    const mentor = await newParticipant(request, 'mentor');
    // Journeys run side by side with mentors of the same name: this one is found by its bio.
    const marker = `（${mentor.id.slice(0, 8)}）`;
    await gql(
      request,
      `mutation($input: AppointMentorInput!) { appointMentor(input: $input) { id } }`,
      {
        input: {
          email: mentor.email,
          bioJa: `観光地域づくりを20年手がけてきました。企画の磨き上げをお手伝いします。${marker}`,
          themeCodes: ['agriculture'],
          offersOnline: true,
          offersOnSite: false,
        },
      },
      admin.token,
    );
    // Six free slots from three days ahead: the card shows the soonest five and counts the rest.
    const start = new Date(Math.ceil((Date.now() + 72 * HOUR) / HOUR) * HOUR);
    for (let i = 0; i < 6; i++) {
      const startsAt = new Date(start.getTime() + i * 24 * HOUR);
      await gql(
        request,
        `mutation($input: PublishMentoringSlotInput!) { publishMentoringSlot(input: $input) { id } }`,
        {
          input: {
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + HOUR).toISOString(),
            format: 'ONLINE',
            meetingUrl: 'https://meet.example.jp/mentoring-journey',
          },
        },
        mentor.token,
      );
    }

    // The member finds the mentor and books the slot about a named initiative.
    await signInThroughPage(page, member.email, member.password);
    await page.goto('/council/mentoring');
    await expect(page.getByRole('heading', { name: 'メンタリング', level: 1 })).toBeVisible();
    await expect(page.getByTestId('cancellation-rules')).toContainText('24時間前までは');
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: '鈴木 ひかり' }) })
      .filter({ hasText: marker });
    await expect(card).toBeVisible();
    await expect(card.getByRole('button', { name: 'この枠を予約する' })).toHaveCount(5);
    await expect(card).toContainText('このあとにも空き枠が1件あります');
    await expect(card.getByText('農業・農村', { exact: true })).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'mentoring-council');
    await card.getByRole('button', { name: 'この枠を予約する' }).first().click();
    await page.getByRole('textbox', { name: '磨き上げたい取り組みの名前' }).fill('錦鯉の里ツアー');
    await page
      .getByRole('textbox', { name: '相談したいこと' })
      .fill('海外からの参加者に届く発信のしかたを見直したいです。');
    await page.getByRole('button', { name: '予約する', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: '予約しました' })).toBeVisible();
    await saveScreenshot(page, testInfo, 'mentoring-booked');

    // The mentor, in another browser, writes notes and a follow-up.
    const mentorContext = await browser.newContext();
    const mentorPage = await mentorContext.newPage();
    await signInThroughPage(mentorPage, mentor.email, mentor.password);
    await mentorPage.goto('/mentoring');
    await expect(
      mentorPage.getByRole('heading', { name: 'メンターのページ', level: 1 }),
    ).toBeVisible();
    const session = mentorPage
      .getByTestId('mentoring-session')
      .filter({ hasText: '錦鯉の里ツアー' });
    await session
      .getByRole('textbox', { name: 'メモ（団体の職員も読めます）' })
      .fill('英語の案内ページを先に整えると、問い合わせにつながりやすくなります。');
    await session.getByRole('button', { name: 'メモを保存' }).click();
    await expect(
      session.getByRole('status').filter({ hasText: 'メモを保存しました。' }),
    ).toBeVisible();
    await session.getByRole('textbox', { name: '宿題の内容' }).fill('英語の案内ページの案を作る');
    await fillDay(session.getByRole('textbox', { name: /^期限/ }), '2033年1月15日');
    await session.getByRole('button', { name: '追加する' }).click();
    await expect(session.getByText('英語の案内ページの案を作る')).toBeVisible();
    await expect(session.getByText(/2033年1月15日まで/)).toBeVisible();
    await expectAccessible(mentorPage);
    await saveScreenshot(mentorPage, testInfo, 'mentoring-mentor-desk');
    await mentorContext.close();

    // The member sees the notes in the workspace and ticks the follow-up done.
    await page.goto(`/manage/${member.organizationId}/mentoring`);
    await expect(page.getByRole('heading', { name: '取り組み：錦鯉の里ツアー' })).toBeVisible();
    await expect(page.getByText('英語の案内ページを先に整えると')).toBeVisible();
    const followUp = page.getByRole('checkbox', { name: '英語の案内ページの案を作る' });
    await followUp.click();
    await expect(followUp).toBeChecked();
    await page.reload();
    await expect(page.getByRole('checkbox', { name: '英語の案内ページの案を作る' })).toBeChecked();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'mentoring-sessions');

    // Times are the mentor's, named; a reader whose clocks differ gets their own beside them.
    await expect(page.getByTestId('session-time').first()).toContainText('日本標準時');
    await expect(page.getByTestId('session-reader-time')).toHaveCount(0);
    await gql(
      request,
      `mutation($input: MySettingsInput!) { updateMySettings(input: $input) { id } }`,
      { input: { timeZone: 'Europe/London' } },
      member.token,
    );
    await page.reload();

    // Once in English (the screen's language is the reader's choice, kept across reloads).
    await openMenuOnPhone(page);
    await page.getByText('English', { exact: true }).locator('visible=true').first().click();
    if (headerIsFolded(page)) await page.getByRole('button', { name: 'Menu' }).click();
    await expect(page.getByRole('heading', { name: 'Mentoring', level: 2 })).toBeVisible();
    await expect(page.getByTestId('cancellation-rules')).toContainText('24 hours before');
    await expect(page.getByRole('checkbox', { name: '英語の案内ページの案を作る' })).toBeChecked();
    await expect(page.getByTestId('session-time').first()).toContainText('(Japan Standard Time)');
    await expect(page.getByTestId('session-reader-time').first()).toContainText(
      'Your time (Greenwich Mean Time)',
    );
    await saveScreenshot(page, testInfo, 'mentoring-sessions-en');
  });
});
