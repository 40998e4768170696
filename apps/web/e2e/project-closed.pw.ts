import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, saveScreenshot } from './support/helpers';
import { newOrganization } from './support/organizations';
import { gql } from './support/graphql-requests';
import { signInThroughPage, signUpParticipant, submitAndPublish } from './support/participants';

// A project the region closes stays readable by the participant who took part: it says it has
// closed (in Japanese and in English), offers no interest mark, no application form and no
// sharing, and still leads back to the participant's engagement. Its own organisations, so
// closing it touches no other journey's projects.
test('a participant reads a project that has closed, in Japanese and in English', async ({
  page,
  request,
}, testInfo) => {
  const region = await newOrganization(request, {
    kind: 'REGION',
    name: '小千谷市 観光交流課',
    staffName: '星野 彩',
    municipalityCode: '152081',
  });
  const hub = await newOrganization(request, {
    kind: 'INTERMEDIARY',
    name: 'にいがた関係人口ラボ',
    staffName: '長谷川 誠',
    remitPrefectures: ['15'],
  });
  const { createProject } = await gql<{ createProject: { id: string } }>(
    request,
    'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
    {
      input: {
        regionOrganizationId: region.organizationId,
        title: '錦鯉の里 魅力発信プロジェクト',
        description: '錦鯉発祥の地の魅力を、写真と文章で町の外に伝えます。',
        themeCode: 'work',
        mode: 'HYBRID',
        startDate: '2027-04-01',
        endDate: '2027-09-30',
        hoursPerWeek: 4,
        capacity: 3,
      },
    },
    region.token,
  );
  const projectId = createProject.id;
  await submitAndPublish(request, projectId, region.token, hub.token);
  const participant = await signUpParticipant(request, {
    label: 'closed-project',
    displayName: '佐藤 みのり',
  });
  await gql(
    request,
    'mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id } }',
    { input: { projectId, motivation: '写真で町の魅力を伝えるお手伝いがしたいです。' } },
    participant.token,
  );
  await gql(
    request,
    'mutation($id: ID!) { closeProject(id: $id, reason: "募集期間の終了") { status } }',
    { id: projectId },
    region.token,
  );

  await signInThroughPage(page, participant.email, participant.password);
  const expectClosedPage = async (words: { closed: RegExp; applied: RegExp; view: RegExp }) => {
    await expect(
      page.getByRole('heading', { name: '錦鯉の里 魅力発信プロジェクト' }),
    ).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: words.closed })).toBeVisible();
    // Reading only: no interest mark, no application form, no sharing.
    await expect(page.getByRole('button', { name: /興味あり|Interested/ })).toHaveCount(0);
    await expect(page.getByRole('textbox')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /応募する|^Apply$/ })).toHaveCount(0);
    await expect(page.getByText(/このプロジェクトを共有|Share this project/)).toHaveCount(0);
    await expect(page.getByRole('button', { name: /リンクをコピー|Copy link/ })).toHaveCount(0);
    // The rest of the page as usual, and the way back to the engagement.
    await expect(page.getByText('錦鯉発祥の地の魅力')).toBeVisible();
    await expect(page.getByRole('heading', { name: words.applied })).toBeVisible();
    await expect(page.getByRole('link', { name: words.view })).toBeVisible();
  };

  await page.goto(`/projects/${projectId}`);
  await expectClosedPage({
    closed: /募集を終了しました/,
    applied: /応募済み/,
    view: /応募の状況を見る/,
  });
  await expectAccessible(page);
  await saveScreenshot(page, testInfo, 'project-closed-ja');

  await useEnglishNow(page);
  await page.goto(`/projects/${projectId}`);
  await expectClosedPage({
    closed: /has closed/,
    applied: /You have applied/,
    view: /See where it stands/,
  });
  await saveScreenshot(page, testInfo, 'project-closed-en');
});

async function useEnglishNow(page: Page) {
  await page.evaluate(() => localStorage.setItem('tsunagu.language', 'en'));
}
