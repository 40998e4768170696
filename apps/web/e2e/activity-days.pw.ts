import { type Browser, expect, type Page, test, type TestInfo } from '@playwright/test';
import { sql } from './support/database';
import { expectAccessible, fillDay, saveScreenshot } from './support/helpers';
import { newOrganization } from './support/organizations';
import { gql } from './support/graphql-requests';
import {
  signInThroughPage,
  signUpParticipant,
  submitAndPublish,
  type Participant,
} from './support/participants';

// The phone walks the journey in English, the desktop in Japanese.
function wordsFor(testInfo: TestInfo) {
  const en = testInfo.project.name === 'phone';
  return <T>(ja: T, english: T): T => (en ? english : ja);
}

async function useEnglish(page: Page) {
  await page.addInitScript(() => localStorage.setItem('tsunagu.language', 'en'));
}

async function openAs(browser: Browser, page: Page, testInfo: TestInfo, who: Participant) {
  // The participant on their own browser, with the same viewport and language as the region.
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    viewport: page.viewportSize(),
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
  });
  const other = await context.newPage();
  if (testInfo.project.name === 'phone') await useEnglish(other);
  await signInThroughPage(other, who.email, who.password);
  return other;
}

// A Japan date some days ahead (YYYY-MM-DD).
const jstDate = (daysAhead: number) =>
  new Date(Date.now() + 9 * 3_600_000 + daysAhead * 86_400_000).toISOString().slice(0, 10);

// A farm region's project, published by an intermediary covering it, and a supporter whose
// application the region accepted.
async function scene(request: Parameters<typeof newOrganization>[0]) {
  const region = await newOrganization(request, {
    kind: 'REGION',
    name: '一関市 農政課',
    staffName: '佐々木 稔',
    municipalityCode: '032093',
  });
  const hub = await newOrganization(request, {
    kind: 'INTERMEDIARY',
    name: 'いわて里山サポート',
    staffName: '千葉 明',
    remitPrefectures: ['03'],
  });
  const { createProject } = await gql<{ createProject: { id: string } }>(
    request,
    'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
    {
      input: {
        regionOrganizationId: region.organizationId,
        title: '棚田の米づくりサポーター',
        description: '田植えから稲刈りまで、棚田の米づくりを月に数回手伝ってくれる仲間を募ります。',
        themeCode: 'agriculture',
        mode: 'ONSITE',
        startDate: jstDate(1),
        hoursPerWeek: 4,
        capacity: 5,
      },
    },
    region.token,
  );
  const projectId = createProject.id;
  await submitAndPublish(request, projectId, region.token, hub.token);
  const supporter = await signUpParticipant(request, {
    label: 'activity-supporter',
    displayName: '工藤 ゆい',
  });
  const { applyToProject } = await gql<{ applyToProject: { id: string } }>(
    request,
    'mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id } }',
    { input: { projectId, motivation: '週末に田んぼの作業を手伝いたいです。' } },
    supporter.token,
  );
  await gql(
    request,
    'mutation($input: TransitionEngagementInput!) { transitionEngagement(input: $input) { status } }',
    { input: { engagementId: applyToProject.id, action: 'ACCEPT' } },
    region.token,
  );
  return { region, projectId, supporter, engagementId: applyToProject.id };
}

test.describe('activity days', () => {
  test('a region publishes days, a supporter signs up, attendance becomes their hours', async ({
    page,
    browser,
    request,
  }, testInfo) => {
    test.setTimeout(180_000);
    const w = wordsFor(testInfo);
    const { region, projectId, supporter, engagementId } = await scene(request);
    if (testInfo.project.name === 'phone') await useEnglish(page);
    await signInThroughPage(page, region.email, region.password);

    // From the project overview to its activity days: none yet.
    await page.goto(`/manage/${region.organizationId}/projects/${projectId}`);
    await page.getByRole('link', { name: w('活動日', 'Activity days') }).click();
    await expect(page).toHaveURL(new RegExp(`/projects/${projectId}/activity-days$`));
    await expect(
      page.getByRole('heading', { level: 1, name: w('活動日', 'Activity days') }),
    ).toBeVisible();
    await expect(
      page.getByText(w('これからの活動日はまだありません。', 'No upcoming activity days yet.')),
    ).toBeVisible();

    // Three weekly days from a week ahead: the form says which before publishing.
    const first = jstDate(7);
    const weekday = new Date(`${first}T00:00:00Z`).getUTCDay();
    await fillDay(page.getByRole('textbox', { name: w('日付', 'Date'), exact: true }), first);
    const dayNames = w(
      ['日', '月', '火', '水', '木', '金', '土'],
      ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
    );
    await page.getByText(dayNames[weekday], { exact: true }).click();
    await fillDay(
      page.getByRole('textbox', { name: w('くり返しの最終日', 'Last date') }),
      jstDate(21),
    );
    // Times are typed in 24 hours whatever the browser's language: one that is not a time is
    // said so when the field is left; full-width digits read as a time.
    const start = page.getByLabel(w('開始時刻', 'Starts at'));
    await start.fill('25:00');
    await start.blur();
    await expect(start).toHaveAccessibleDescription(
      w(/「25:00」は時刻として読めません/, /“25:00” is not a time/),
    );
    await start.fill('９：００');
    await start.blur();
    await expect(start).toHaveValue('09:00');
    await expect(start).not.toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel(w('終了時刻', 'Ends at')).fill('15:00');
    await page.getByLabel(w('募集人数', 'Places')).fill('2');
    await page.getByLabel(w('集合場所', 'Meeting point')).fill('本寺地区 農村交流センター前');
    await page.getByLabel(w('持ち物（任意）', 'What to bring (optional)')).fill('長靴、軍手、帽子');
    await expect(page.getByTestId('days-preview')).toContainText(w('3日分', '3 days'));
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'activity-days-add');
    await page.getByRole('button', { name: w('公開する', 'Publish') }).click();
    await expect(page.getByRole('status')).toContainText(
      w('3日分の活動日を公開しました', 'Published 3 activity days'),
    );
    const days = page.getByTestId('activity-day');
    await expect(days).toHaveCount(3);
    await expect(days.first()).toContainText(w('申込 0 / 2人', '0 of 2 signed up'));

    // The supporter sees the days on their engagement and signs up for the first.
    const mine = await openAs(browser, page, testInfo, supporter);
    await mine.goto(`/engagements/${engagementId}`);
    const myDays = mine.getByTestId('my-activity-day');
    await expect(myDays).toHaveCount(3);
    await expect(myDays.first()).toContainText(w('残り2人', '2 places left'));
    await expect(myDays.first()).toContainText('本寺地区 農村交流センター前');
    await myDays
      .first()
      .getByRole('button', { name: w('申し込む', 'Sign up') })
      .click();
    await expect(mine.getByRole('status')).toContainText(w('申し込みました', 'You are signed up'));
    await expect(myDays.first()).toContainText(w('申し込み済み', 'Signed up'));
    await expect(myDays.first()).toContainText(w('残り1人', '1 place left'));
    await expectAccessible(mine);
    await saveScreenshot(mine, testInfo, 'activity-days-engagement');

    // The first day took place this morning (no screen moves time).
    await sql(
      `UPDATE activity_day SET starts_at = now() - interval '7 hours', ends_at = now() - interval '1 hour'
        WHERE project_id = $1 AND starts_at = (SELECT min(starts_at) FROM activity_day WHERE project_id = $1)`,
      [projectId],
    );

    // The region takes attendance: the supporter came, and six hours are credited.
    await page.reload();
    const past = page.getByRole('region', { name: w('終わった活動日', 'Past days') });
    const signup = past.getByTestId('signup');
    await expect(signup).toContainText('工藤 ゆい');
    await signup.getByText(w('参加', 'Came'), { exact: true }).click();
    await expect(signup).toContainText(w('6時間を記録済み', '6 h credited'));
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'activity-days-attendance');

    // The supporter sees the hours on their engagement.
    await mine.reload();
    await expect(mine.getByTestId('my-activity-day').last()).toContainText(
      w('参加しました・6時間を記録', 'You came · 6 h credited'),
    );
    await saveScreenshot(mine, testInfo, 'activity-days-credited');
    await mine.context().close();
  });
});
