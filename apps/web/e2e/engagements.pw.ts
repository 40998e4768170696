import { type APIRequestContext, expect, type Page, test, type TestInfo } from '@playwright/test';
import {
  DEMO_PASSWORD,
  expectAccessible,
  openMenuOnPhone,
  saveScreenshot,
} from './support/helpers';
import { gql } from './support/graphql-requests';
import { signInThroughApi, signInThroughPage, signUpParticipant } from './support/participants';

// Each viewport works with its own demo project, region and intermediary, so the two never take
// each other's seats or offers (demo-data.ts: the regions' staff and the intermediaries covering
// them).
const SCENES = {
  desktop: {
    title: '小千谷の棚田で田植えと稲刈りの援農',
    municipalityCode: '152081',
    region: 'ojiya@demo.tsunagu.jp',
    intermediary: 'shinetsu@demo.tsunagu.jp',
  },
  phone: {
    title: '空き家の活用アイデアソン（一関）',
    municipalityCode: '032093',
    region: 'ichinoseki@demo.tsunagu.jp',
    intermediary: 'iwate@demo.tsunagu.jp',
  },
} as const;

function sceneOf(testInfo: TestInfo) {
  return SCENES[testInfo.project.name as keyof typeof SCENES];
}

async function projectIdOf(request: APIRequestContext, scene: ReturnType<typeof sceneOf>) {
  const { projects } = await gql<{
    projects: { edges: Array<{ node: { id: string; title: string } }> };
  }>(
    request,
    'query($m: String!) { projects(filter: { municipalityCode: $m }, first: 20) { edges { node { id title } } } }',
    { m: scene.municipalityCode },
  );
  const project = projects.edges.find((e) => e.node.title === scene.title);
  expect(project).toBeDefined();
  return project!.node.id;
}

const TRANSITION = `mutation($input: TransitionEngagementInput!) {
  transitionEngagement(input: $input) { status } }`;

async function useEnglish(page: Page) {
  await page.addInitScript(() => localStorage.setItem('tsunagu.language', 'en'));
}

test.describe('a participant and their engagements', () => {
  test('applies, follows the engagement to completion, reports hours and gives feedback', async ({
    page,
    request,
  }, testInfo) => {
    // A long walk through six screens and a dozen API steps.
    test.setTimeout(180_000);
    const scene = sceneOf(testInfo);
    const projectId = await projectIdOf(request, scene);
    const me = await signUpParticipant(request, { label: 'engaged', displayName: '関 つなぐ' });

    // A guest is asked to sign in first, and comes back to the project.
    await page.goto(`/projects/${projectId}`);
    await page.getByRole('link', { name: '応募するにはログインしてください' }).click();
    await page.getByLabel('メールアドレス').fill(me.email);
    await page.getByLabel('パスワード').fill(me.password);
    await page
      .getByRole('button', { name: 'ログイン', exact: true })
      .locator('visible=true')
      .last()
      .click();
    await expect(page).toHaveURL(new RegExp(`/projects/${projectId}$`));

    // Too short a motivation is refused on its field, in Japanese.
    const motivation = page.getByLabel('応募の動機');
    await motivation.fill('短い');
    await page.getByRole('button', { name: '応募する' }).click();
    await expect(motivation).toHaveAccessibleDescription(/10文字以上4,000文字以内/);
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'apply');
    await motivation.fill('週末に棚田の作業を手伝い、地域の方と一緒に汗を流したいです。');
    await page.getByRole('button', { name: '応募する' }).click();

    // Having applied, the project page shows the engagement instead of the form.
    await expect(page.getByText('このプロジェクトに応募済みです')).toBeVisible();
    await expect(page.getByLabel('応募の動機')).toHaveCount(0);
    await page.getByRole('link', { name: '応募の状況を見る' }).click();
    await expect(page).toHaveURL(/\/engagements\/[0-9a-f-]{36}$/);
    const engagementId = page.url().split('/').pop()!;
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(scene.title);
    await expect(page.getByTestId('engagement-status')).toHaveText('応募済み');
    await expect(page.getByTestId('next-step')).toContainText('地域の担当者が応募内容を確認');
    await expect(page.getByText('地域の担当者の対応待ち')).toBeVisible();
    await expect(page.getByRole('button', { name: '辞退する' })).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'engagement-submitted');

    // Its list, filtered by status, shows it among those under review and not among completed.
    await page.goto('/engagements');
    await expect(page.getByRole('heading', { level: 2, name: scene.title })).toBeVisible();
    await page.getByText('完了', { exact: true }).click();
    await expect(page).toHaveURL(/status=completed/);
    await expect(page.getByText('該当する応募・活動はありません。')).toBeVisible();
    await page.getByText('選考中', { exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: scene.title })).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'engagements');

    // The region accepts, the intermediary approves with terms, the activity starts.
    const region = await signInThroughApi(request, scene.region, DEMO_PASSWORD);
    const intermediary = await signInThroughApi(request, scene.intermediary, DEMO_PASSWORD);
    await gql(request, TRANSITION, { input: { engagementId, action: 'ACCEPT' } }, region);
    await gql(
      request,
      TRANSITION,
      {
        input: {
          engagementId,
          action: 'APPROVE',
          terms: {
            startDate: '2027-05-10',
            endDate: '2027-09-30',
            hoursPerWeek: 6,
            goals: '田植えと稲刈りを通じて、棚田の担い手と関係をつくる',
          },
        },
      },
      intermediary,
    );
    await gql(request, TRANSITION, { input: { engagementId, action: 'START' } }, region);
    await gql(
      request,
      'mutation($input: AddMilestoneInput!) { addMilestone(input: $input) { id } }',
      { input: { engagementId, title: '田植えの段取りを確認する', dueDate: '2027-05-01' } },
      region,
    );

    // Active: the terms, the region's contacts, and a check-in with hours.
    await page.goto(`/engagements/${engagementId}`);
    await expect(page.getByTestId('engagement-status')).toHaveText('活動中');
    await expect(page.getByText('週6時間')).toBeVisible();
    await expect(page.getByText('2027年5月10日〜2027年9月30日')).toBeVisible();
    await expect(page.getByText(`${scene.region}`)).toBeVisible();
    await page.getByLabel('やったこと').fill('畦の草刈りと苗の運搬を手伝いました。');
    await page.getByRole('textbox', { name: /^時間/ }).fill('4.5');
    await page.getByRole('button', { name: '報告する' }).click();
    await expect(page.getByText('報告しました')).toBeVisible();
    const checkIn = page.getByTestId('check-in');
    await expect(checkIn).toContainText('4.5時間');
    await expect(checkIn).toContainText('承認待ち');
    const milestones = page.getByRole('region', { name: 'マイルストーン' });
    await expect(milestones).toContainText('田植えの段取りを確認する');
    await milestones.getByRole('button', { name: '完了にする' }).click();
    await expect(milestones.getByRole('button', { name: '完了にする' })).toHaveCount(0);
    await expect(milestones).toContainText(/\d{4}年\d{1,2}月\d{1,2}日 完了/);
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'engagement-active');

    // The region approves the hours and completes the engagement.
    const { engagementCheckIns } = await gql<{ engagementCheckIns: Array<{ id: string }> }>(
      request,
      'query($id: ID!) { engagementCheckIns(engagementId: $id) { id } }',
      { id: engagementId },
      region,
    );
    await gql(
      request,
      'mutation($id: ID!) { approveCheckInHours(checkInId: $id) { id } }',
      { id: engagementCheckIns[0].id },
      region,
    );
    await gql(request, TRANSITION, { input: { engagementId, action: 'COMPLETE' } }, region);

    // Completed: approved hours, feedback once, and the follow-ups ahead.
    await page.reload();
    await expect(page.getByTestId('engagement-status')).toHaveText('完了');
    await expect(checkIn).toContainText('時間承認済み');
    await expect(page.getByText('承認された時間の合計：4.5時間')).toBeVisible();
    await page.getByRole('button', { name: '送る' }).click();
    await expect(page.getByText('評価を選んでください')).toBeVisible();
    // The fourth star: its radio is visually hidden, its label is the star people click.
    const fourStars = page
      .getByRole('group', { name: '評価' })
      .getByRole('radio', { name: '5段階中 4', exact: true });
    await page.locator(`label[for="${await fourStars.getAttribute('id')}"]`).click();
    await expect(fourStars).toBeChecked();
    await page.getByLabel('コメント（任意）').fill('温かく迎えていただきました。');
    await page.getByRole('button', { name: '送る' }).click();
    await expect(page.getByTestId('feedback-PARTICIPANT')).toContainText('5段階中 4');
    await expect(page.getByTestId('follow-up')).toHaveCount(3);
    await expect(page.getByTestId('follow-up').first()).toContainText('3か月後');
    await expect(page.getByRole('button', { name: '辞退する' })).toHaveCount(0);
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'engagement-completed');

    // The region is now one they are tied to.
    await openMenuOnPhone(page);
    await page.getByRole('link', { name: 'つながる地域' }).locator('visible=true').click();
    await expect(page.getByRole('heading', { level: 1, name: 'つながる地域' })).toBeVisible();
    await expect(page.getByRole('article')).toHaveCount(1);
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'relationships');
  });

  test('answers a scout offer in English and withdraws from what it started', async ({
    page,
    request,
  }, testInfo) => {
    test.setTimeout(120_000);
    const scene = sceneOf(testInfo);
    const projectId = await projectIdOf(request, scene);
    const me = await signUpParticipant(request, {
      label: 'scouted',
      displayName: 'Sam Scout',
      visibility: 'INTERMEDIARIES_AND_REGIONS',
    });
    const region = await signInThroughApi(request, scene.region, DEMO_PASSWORD);
    await gql(
      request,
      'mutation($input: SendScoutOfferInput!) { sendScoutOffer(input: $input) { id } }',
      {
        input: {
          projectId,
          participantId: me.id,
          message: 'あなたの経験をぜひ地域で活かしてください。',
        },
      },
      region,
    );

    await useEnglish(page);
    await signInThroughPage(page, me.email, me.password);
    await openMenuOnPhone(page);
    await page.getByRole('link', { name: 'Scout offers' }).locator('visible=true').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Scout offers' })).toBeVisible();
    const offer = page.getByRole('article', { name: scene.title });
    await expect(offer).toContainText('Awaiting your answer');
    await expect(offer).toContainText(
      /Please answer by (January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}/,
    );
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'scout-offers-en');

    await offer
      .getByLabel('Message with your answer (optional)')
      .fill('Happy to help on weekends.');
    await offer.getByRole('button', { name: 'Accept' }).click();
    await expect(offer).toContainText('Accepted');
    await offer.getByRole('link', { name: 'See where it stands' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(scene.title);
    await expect(page.getByTestId('engagement-status')).toHaveText('Applied');
    await expect(page.getByText('Waiting for the region')).toBeVisible();
    await expect(page.getByText('Happy to help on weekends.')).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'engagement-en');

    // Withdrawing asks for a reason, then ends the timeline there.
    await page.getByRole('button', { name: 'Withdraw' }).click();
    const dialog = page.getByRole('dialog', { name: 'Withdraw?' });
    await dialog.getByRole('button', { name: 'Withdraw' }).click();
    await expect(dialog.getByText('Required')).toBeVisible();
    await dialog.getByLabel('Reason for withdrawing').fill('My schedule changed.');
    await dialog.getByRole('button', { name: 'Withdraw' }).click();
    await expect(page.getByTestId('engagement-status')).toHaveText('Withdrawn');
    await expect(page.getByText('Reason: My schedule changed.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Withdraw' })).toHaveCount(0);
    await expect(page.getByRole('listitem').filter({ hasText: 'Withdrawn' })).toBeVisible();
  });
});
