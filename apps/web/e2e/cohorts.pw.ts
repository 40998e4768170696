import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { expectAccessible, openMenuOnPhone, saveScreenshot } from './support/helpers';
import { newOrganization, type StaffMember } from './support/organizations';
import { gql } from './support/graphql-requests';
import { type Participant, signInThroughPage, signUpParticipant } from './support/participants';

// A remote project of the region, submitted by its staff and published by the intermediary.
async function publishedProject(
  request: APIRequestContext,
  region: StaffMember,
  hub: StaffMember,
  title: string,
  capacity: number,
): Promise<string> {
  const { createProject } = await gql<{ createProject: { id: string } }>(
    request,
    'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
    {
      input: {
        regionOrganizationId: region.organizationId,
        title,
        description: 'オンラインで地域の仕事を手伝います。',
        themeCode: 'work',
        mode: 'REMOTE',
        startDate: '2027-04-01',
        endDate: '2027-09-30',
        capacity,
      },
    },
    region.token,
  );
  const id = createProject.id;
  await gql(
    request,
    'mutation($id: ID!) { submitProject(id: $id) { status } }',
    { id },
    region.token,
  );
  await gql(
    request,
    'mutation($id: ID!) { publishProject(id: $id) { status } }',
    { id },
    hub.token,
  );
  return id;
}

const COHORT_FIELDS = 'id';

// A participant's ranking, saved in the browser with the up/down buttons.
async function rankInBrowser(page: Page, person: Participant, cohortName: string, order: string[]) {
  await signInThroughPage(page, person.email, person.password);
  await openMenuOnPhone(page);
  await page.getByRole('link', { name: 'コホート', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '参加しているコホート' })).toBeVisible();
  await expect(page.getByText('まだ順位をつけていません')).toBeVisible();
  await page.getByRole('link', { name: `順位をつける: ${cohortName}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: cohortName })).toBeVisible();
  // Choose in reverse, then put the first choice on top by keyboard.
  for (const title of [...order].reverse())
    await page.getByRole('button', { name: `希望に加える: ${title}` }).click();
  const top = page.getByRole('button', { name: `${order[0]}を上へ` });
  for (let i = 0; i < order.length - 1; i++) {
    await expect(top)
      .toBeFocused({ timeout: 2_000 })
      .catch(() => top.focus());
    await page.keyboard.press('Enter');
  }
  // Then the rest into order by clicking.
  for (let place = 1; place < order.length; place++) {
    const titles = await page.getByTestId('ranked-project').getByRole('link').allTextContents();
    let at = titles.indexOf(order[place]);
    while (at > place) {
      await page.getByRole('button', { name: `${order[place]}を上へ` }).click();
      at--;
    }
  }
  await expect(page.getByTestId('ranked-project').getByRole('link')).toHaveText(order);
  await page.getByRole('button', { name: '順位を保存する' }).click();
  await expect(page.getByText('保存しました。')).toBeVisible();
}

test.describe('cohorts', () => {
  test('an intermediary forms a cohort, members rank, a stable allocation is adjusted and confirmed', async ({
    page,
    browser,
    request,
  }, testInfo) => {
    // Many people, two browsers and a worker's run: slower than most journeys.
    test.setTimeout(240_000);
    const phone = testInfo.project.name === 'phone';
    const token = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
    const hub = await newOrganization(request, {
      kind: 'INTERMEDIARY',
      name: 'とまこまい移住交流センター',
      staffName: '高橋 真理',
      remitPrefectures: ['01'],
    });
    const region = await newOrganization(request, {
      kind: 'REGION',
      name: '苫小牧市 産業振興課',
      staffName: '森 健太',
    });
    await gql(
      request,
      'mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }',
      {
        input: {
          intermediaryOrganizationId: hub.organizationId,
          name: '北海道つながりプログラム',
          description: '',
        },
      },
      hub.token,
    );
    const titles = {
      web: `港町のWebサイト刷新 ${token}`,
      farm: `ハスカップ農園の販路づくり ${token}`,
      guide: `まち歩きガイドの英語化 ${token}`,
    };
    await publishedProject(request, region, hub, titles.web, 1);
    const farmId = await publishedProject(request, region, hub, titles.farm, 3);
    const guideId = await publishedProject(request, region, hub, titles.guide, 2);
    const names = ['青木 さくら', '石井 湊', '上田 陽菜', '江藤 蓮'];
    const people = await Promise.all(
      names.map((displayName, i) =>
        signUpParticipant(request, { label: `cohort${i}`, displayName }),
      ),
    );
    // One participant is found in the browser by words of their bio.
    await gql(
      request,
      'mutation($input: ParticipantProfileInput!) { saveMyParticipantProfile(input: $input) { kind } }',
      {
        input: {
          kind: 'PRO_BONO',
          homeMunicipalityCode: '131130',
          bio: `ウェブ制作が得意です ${token}`,
          visibility: 'INTERMEDIARIES',
        },
      },
      people[0].token,
    );

    // The intermediary creates the cohort in the browser.
    await signInThroughPage(page, hub.email, hub.password);
    await page.goto(`/manage/${hub.organizationId}`);
    await page
      .getByRole('navigation', { name: 'とまこまい移住交流センターのページ' })
      .getByRole('link', { name: 'コホート' })
      .locator('visible=true')
      .click();
    // Off the menu: the chosen page's label under the pointer is a hover state, not the page's.
    await page.mouse.move(0, 0);
    await expect(page.getByRole('heading', { name: 'コホートと割り当て' })).toBeVisible();
    await expect(page.getByText('このプログラムのコホートはまだありません。')).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'cohorts-list');
    const cohortName = `夏のマッチング会 ${token}`;
    await page.getByRole('button', { name: '作成する' }).click();
    await expect(page.getByText('コホート名を入力してください。')).toBeVisible();
    await page.getByLabel('コホート名').fill(cohortName);
    await page.getByRole('button', { name: '作成する' }).click();
    await expect(page.getByRole('heading', { level: 2, name: cohortName })).toBeVisible();
    const cohortId = page.url().split('/').pop()!;

    // A participant and a project found and added in the browser; the rest by API.
    await page.getByLabel('自己紹介の言葉で検索').fill(token);
    // Until the search applies, the most recently updated participants show (other tests' too).
    const addFirst = page.getByRole('button', { name: `追加: ${names[0]}` });
    await expect(addFirst).toHaveCount(1);
    await addFirst.click();
    await expect(page.getByTestId('cohort-member')).toHaveCount(1);
    await page.getByLabel('タイトルや説明の言葉で検索').fill(token);
    await page.getByRole('button', { name: `追加: ${titles.web}` }).click();
    await expect(
      page.getByRole('region', { name: 'プロジェクトと受け入れ枠' }).getByText(titles.web),
    ).toBeVisible();
    await gql(
      request,
      `mutation($input: AddCohortProjectsInput!) { addCohortProjects(input: $input) { ${COHORT_FIELDS} } }`,
      { input: { cohortId, projects: [{ projectId: farmId }, { projectId: guideId }] } },
      hub.token,
    );
    await gql(
      request,
      `mutation($input: AddCohortMembersInput!) { addCohortMembers(input: $input) { ${COHORT_FIELDS} } }`,
      { input: { cohortId, participantIds: people.map((p) => p.id) } },
      hub.token,
    );

    // Two rank in the browser (on this device), the others by API.
    const participantContext = await browser.newContext({ ...testInfo.project.use });
    const participantPage = await participantContext.newPage();
    await rankInBrowser(participantPage, people[0], cohortName, [titles.web, titles.guide]);
    await expectAccessible(participantPage);
    await saveScreenshot(participantPage, testInfo, 'cohort-ranking');
    await participantContext.clearCookies();
    await participantPage.evaluate(() => localStorage.clear());
    await rankInBrowser(participantPage, people[1], cohortName, [
      titles.web,
      titles.farm,
      titles.guide,
    ]);
    await participantContext.close();
    // After a long stretch in the browser the request context's idle connection may have been
    // closed by the server just as it is reused: such a call is sent once more.
    const rank = (person: Participant, projectIds: string[]) => {
      const send = () =>
        gql(
          request,
          `mutation($input: RankCohortProjectsInput!) { rankCohortProjects(input: $input) { id } }`,
          { input: { cohortId, projectIds } },
          person.token,
        );
      return send().catch((error: Error) => {
        if (!/ECONNRESET/.test(error.message)) throw error;
        return send();
      });
    };
    await rank(people[2], [farmId, guideId]);

    // The intermediary sees who has ranked: one has not.
    await page.reload();
    await expect(page.getByText('1人がまだ順位を出していません。')).toBeVisible();
    await expect(
      page.getByTestId('cohort-member').filter({ hasText: names[3] }).getByText('未提出'),
    ).toBeVisible();
    await rank(people[3], [farmId]);
    await page.reload();
    await expect(page.getByText('全員が順位を提出しました。')).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'cohort-page');

    // A stable allocation: progress, then the proposal.
    await page.getByRole('radio', { name: '安定マッチング' }).check();
    await page.getByRole('button', { name: '実行する' }).click();
    const proposal = page.getByRole('region', { name: '割り当て案' });
    await expect(proposal).toBeVisible({ timeout: 30_000 });
    await expect(proposal.getByTestId('assignment')).toHaveCount(4);
    // Both wanted the one-seat web project first: one gets it, the other their second choice.
    const webTaker = proposal.getByTestId('assignment').filter({ hasText: titles.web });
    await expect(webTaker).toHaveCount(1);
    await expect(proposal.getByText('ブロッキングペアはありません。')).toBeVisible();
    await expect(proposal.getByText('全員に割り当てがあります。')).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'allocation-proposal');

    // Move 上田 (farm first, guide second) to their second choice by hand.
    const ueda = proposal.getByTestId('assignment').filter({ hasText: names[2] });
    await expect(ueda).toContainText(titles.farm);
    await ueda.getByLabel(`${names[2]}さんの割り当て先`).click();
    await page.getByRole('option', { name: `第2希望：${titles.guide}` }).click();
    await ueda.getByRole('button', { name: '変更する' }).click();
    await expect(ueda).toContainText(titles.guide);
    await expect(ueda.getByText('手動で変更')).toBeVisible();
    // 上田 would rather be on the farm, which still has a seat: the change is explained.
    await expect(proposal.getByText(`上田 陽菜さん と「${titles.farm}」`)).toBeVisible();

    // Confirm, through the dialog.
    await proposal.getByRole('button', { name: 'この案で確定する' }).click();
    const dialog = page.getByRole('dialog', { name: '割り当てを確定しますか？' });
    await expect(dialog).toBeVisible();
    await expectAccessible(page);
    if (!phone) await saveScreenshot(page, testInfo, 'allocation-confirm');
    await dialog.getByRole('button', { name: '確定する' }).click();
    await expect(page.getByText(/に確定し、応募を作成しました。/)).toBeVisible();
    await expect(page.getByText('このコホートは確定済みです。')).toBeVisible();
    await expect(page.getByRole('link', { name: '応募を見る' })).toHaveCount(4);
    await saveScreenshot(page, testInfo, 'allocation-confirmed');
  });

  test('in English, an empty cohort explains both ways of allocating and why it cannot run yet', async ({
    page,
    request,
  }, testInfo) => {
    test.skip(testInfo.project.name === 'phone', 'English is checked once, on the desktop');
    test.setTimeout(60_000);
    const hub = await newOrganization(request, {
      kind: 'INTERMEDIARY',
      name: 'Shiretoko Exchange Hub',
      staffName: 'Mari Takahashi',
      remitPrefectures: ['01'],
    });
    const { createProgram } = await gql<{ createProgram: { id: string } }>(
      request,
      'mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }',
      {
        input: {
          intermediaryOrganizationId: hub.organizationId,
          name: 'Hokkaido ties',
          description: '',
        },
      },
      hub.token,
    );
    const { createCohort } = await gql<{ createCohort: { id: string } }>(
      request,
      'mutation($input: CreateCohortInput!) { createCohort(input: $input) { id } }',
      { input: { programId: createProgram.id, name: 'Autumn seminar' } },
      hub.token,
    );
    await page.addInitScript(() => localStorage.setItem('tsunagu.language', 'en'));
    await signInThroughPage(page, hub.email, hub.password);
    await page.goto(`/manage/${hub.organizationId}/cohorts`);
    await expect(page.getByRole('heading', { name: 'Cohorts and allocation' })).toBeVisible();
    await page.getByRole('link', { name: /Autumn seminar/ }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Autumn seminar' })).toBeVisible();
    await expect(page.getByText('No participants yet.')).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Stable' })).toBeChecked();
    await expect(
      page.getByText(/no participant and project are left who would both rather/),
    ).toBeVisible();
    // An empty cohort cannot run, and says why in words.
    await expect(
      page.getByText('The cohort needs both participants and projects before it can run.'),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'cohort-english-empty');
    expect(createCohort.id).toBeTruthy();
  });
});
