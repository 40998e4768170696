import { type Browser, expect, type Page, test, type TestInfo } from '@playwright/test';
import { expectAccessible, fillDateTime, fillDay, saveScreenshot } from './support/helpers';
import { newOrganization, type StaffMember } from './support/organizations';
import { gql } from './support/graphql-requests';
import { signInThroughPage, signUpParticipant, submitAndPublish } from './support/participants';

// The phone walks the journey in English, the desktop in Japanese.
function wordsFor(testInfo: TestInfo) {
  const en = testInfo.project.name === 'phone';
  return <T>(ja: T, english: T): T => (en ? english : ja);
}

async function openAs(browser: Browser, page: Page, testInfo: TestInfo, staff: StaffMember) {
  // A second person on their own browser, with the same viewport and language as the first.
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    viewport: page.viewportSize(),
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
  });
  const other = await context.newPage();
  if (testInfo.project.name === 'phone') await useEnglish(other);
  await signInThroughPage(other, staff.email, staff.password);
  return other;
}

async function useEnglish(page: Page) {
  await page.addInitScript(() => localStorage.setItem('tsunagu.language', 'en'));
}

async function farmWork(request: Parameters<typeof newOrganization>[0]): Promise<string> {
  const { resolveSkill } = await gql<{ resolveSkill: { id: string } }>(
    request,
    'query { resolveSkill(name: "農作業") { id } }',
  );
  return resolveSkill.id;
}

// Someone who suits the project (farm work near Tomakomai) and lets regions see their profile.
async function newCandidate(request: Parameters<typeof newOrganization>[0]) {
  const candidate = await signUpParticipant(request, {
    label: 'people-candidate',
    displayName: '原田 みのり',
  });
  await gql(
    request,
    'mutation($input: ParticipantProfileInput!) { saveMyParticipantProfile(input: $input) { kind } }',
    {
      input: {
        kind: 'PRO_BONO',
        homeMunicipalityCode: '012131',
        themeCodes: ['agriculture'],
        skills: [{ skillId: await farmWork(request), level: 5 }],
        goals: ['LEARNING'],
        availability: { weeklyHours: 10 },
        bio: '苫小牧在住。週末に農作業を手伝えます。',
        visibility: 'INTERMEDIARIES_AND_REGIONS',
      },
    },
    candidate.token,
  );
  return candidate;
}

// A region's project, published by an intermediary covering it; a participant applies.
async function scene(request: Parameters<typeof newOrganization>[0]) {
  const region = await newOrganization(request, {
    kind: 'REGION',
    name: '苫小牧市 農政課',
    staffName: '山本 花',
  });
  const hub = await newOrganization(request, {
    kind: 'INTERMEDIARY',
    name: '北海道ローカル支援センター',
    staffName: '高橋 誠',
    remitPrefectures: ['01'],
  });
  const { createProject } = await gql<{ createProject: { id: string } }>(
    request,
    'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
    {
      input: {
        regionOrganizationId: region.organizationId,
        title: 'ハスカップ農園の収穫と直売所づくり',
        description: '苫小牧のハスカップ農園で、収穫の手伝いと直売所の発信を一緒に考えます。',
        themeCode: 'agriculture',
        mode: 'HYBRID',
        startDate: '2027-06-01',
        endDate: '2027-09-30',
        hoursPerWeek: 6,
        capacity: 3,
        requiredSkills: [
          { skillId: await farmWork(request), minLevel: 3, requirement: 'MUST', weight: 5 },
        ],
      },
    },
    region.token,
  );
  const projectId = createProject.id;
  await submitAndPublish(request, projectId, region.token, hub.token);
  const applicant = await signUpParticipant(request, {
    label: 'people-applicant',
    displayName: '森 さくら',
    visibility: 'INTERMEDIARIES_AND_REGIONS',
  });
  const { applyToProject } = await gql<{ applyToProject: { id: string } }>(
    request,
    'mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id } }',
    {
      input: {
        projectId,
        motivation: '週末に苫小牧へ通い、収穫と直売所の発信を手伝いたいです。',
      },
    },
    applicant.token,
  );
  return { region, hub, projectId, applicant, engagementId: applyToProject.id };
}

test.describe('the people around a project', () => {
  test('a region answers an application, the intermediary approves, hours are approved and feedback given', async ({
    page,
    browser,
    request,
  }, testInfo) => {
    // Many screens, each checked with axe, and the milestones on top: a loaded machine needs it.
    test.setTimeout(240_000);
    const w = wordsFor(testInfo);
    const { region, hub, projectId, applicant, engagementId } = await scene(request);
    if (testInfo.project.name === 'phone') await useEnglish(page);
    await signInThroughPage(page, region.email, region.password);

    // The applications, with how long the answer may still wait.
    await page.goto(`/manage/${region.organizationId}/projects/${projectId}/people`);
    await expect(
      page.getByRole('heading', {
        level: 1,
        name: w('応募者と候補者', 'Applicants and candidates'),
      }),
    ).toBeVisible();
    const application = page.getByTestId('application');
    await expect(application).toHaveCount(1);
    await expect(application).toContainText('森 さくら');
    await expect(application).toContainText('週末に苫小牧へ通い');
    await expect(application.getByTestId('days-left')).toHaveText(
      w(/返事の期限まであと7日/, /7 days left to answer/),
    );
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'people-applications');

    // The staff view: an interview, then accepted.
    await application
      .getByRole('link', { name: w('詳しく見る・対応する', 'Open and answer') })
      .click();
    await expect(page).toHaveURL(
      new RegExp(`/manage/${region.organizationId}/engagements/${engagementId}$`),
    );
    await expect(page.getByRole('heading', { level: 1, name: '森 さくら' })).toBeVisible();
    await expect(
      page.getByText(
        w(
          '連絡先は、中間支援組織が参加を承認した後に表示されます。',
          'Contact details appear once the intermediary approves the engagement.',
        ),
      ),
    ).toBeVisible();
    // The region cannot approve: that is the intermediary's step.
    await expect(
      page.getByRole('button', { name: w('参加を承認する', 'Approve the engagement') }),
    ).toHaveCount(0);
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'staff-engagement-submitted');

    await page.getByRole('button', { name: w('面談を提案する', 'Propose an interview') }).click();
    await page.getByRole('button', { name: w('決定', 'Confirm') }).click();
    await expect(
      page.getByText(w('入力してください', 'Required'), { exact: false }).first(),
    ).toBeVisible();
    await fillDateTime(page, w('面談の候補日時', 'Proposed date and time'), '2027-05-20T10:00');
    await page.getByRole('button', { name: w('決定', 'Confirm') }).click();
    await expect(page.getByTestId('engagement-status')).toHaveText(w('面談', 'Interview'));
    await page.getByRole('button', { name: w('受け入れる', 'Accept') }).click();
    await page.getByRole('button', { name: w('決定', 'Confirm') }).click();
    await expect(page.getByTestId('engagement-status')).toHaveText(w('受け入れ決定', 'Accepted'));
    await expect(
      page.getByText(
        w('中間支援組織の承認を待っています。', "Waiting for the intermediary's approval."),
      ),
    ).toBeVisible();

    // The intermediary approves on its own workspace page, with terms.
    const hubPage = await openAs(browser, page, testInfo, hub);
    await hubPage.goto(`/manage/${hub.organizationId}/engagements/${engagementId}`);
    await hubPage
      .getByRole('button', { name: w('参加を承認する', 'Approve the engagement') })
      .click();
    await hubPage
      .getByRole('textbox', { name: w(/^目標/, /^Goals/) })
      .fill('直売所のSNS発信を立ち上げる');
    // The period is shown and typed the way the page writes days.
    await expect(hubPage.getByRole('textbox', { name: w(/^開始日/, /^Start date/) })).toHaveValue(
      w(/^\d{4}年\d{1,2}月\d{1,2}日$/, /^[A-Z][a-z]+ \d{1,2}, \d{4}$/),
    );
    await saveScreenshot(hubPage, testInfo, 'staff-engagement-approve');
    await hubPage.getByRole('button', { name: w('決定', 'Confirm') }).click();
    await expect(hubPage.getByTestId('engagement-status')).toHaveText(w('承認済み', 'Approved'));
    // A private supervision note, for the intermediary's eyes only.
    await hubPage
      .getByRole('textbox', { name: w('メモ', 'Note'), exact: true })
      .fill('初回は現地で顔合わせ');
    await hubPage
      .getByLabel(w('伴走メモ（中間支援組織だけ）', 'Supervision note (intermediary only)'))
      .check();
    await hubPage.getByRole('button', { name: w('メモを残す', 'Add the note') }).click();
    await expect(hubPage.getByTestId('note')).toContainText('初回は現地で顔合わせ');
    await expectAccessible(hubPage);
    await saveScreenshot(hubPage, testInfo, 'staff-engagement-intermediary');
    await hubPage.getByRole('button', { name: w('活動開始にする', 'Mark as started') }).click();
    await hubPage.getByRole('button', { name: w('決定', 'Confirm') }).click();
    await expect(hubPage.getByTestId('engagement-status')).toHaveText(w('活動中', 'Active'));
    await hubPage.context().close();

    // The participant reports hours; the region sees contacts now, approves the hours, completes.
    await gql(
      request,
      'mutation($input: AddCheckInInput!) { addCheckIn(input: $input) { id } }',
      { input: { engagementId, summary: '収穫を手伝い、直売所の写真を撮りました。', hours: 5.5 } },
      applicant.token,
    );
    await page.reload();
    await expect(page.getByTestId('engagement-status')).toHaveText(w('活動中', 'Active'));
    await expect(page.getByTestId('participant-contacts')).toContainText(applicant.email);
    // The private note is not the region's to read.
    await expect(page.getByText('初回は現地で顔合わせ')).toHaveCount(0);
    const checkIn = page.getByTestId('check-in');
    await expect(checkIn).toContainText('収穫を手伝い');
    await checkIn.getByRole('button', { name: w('時間を承認する', 'Approve the hours') }).click();
    await expect(
      checkIn.getByRole('button', { name: w('時間を承認する', 'Approve the hours') }),
    ).toHaveCount(0);
    // Milestones: the region's staff set one and tick it off.
    const milestones = page.getByRole('region', { name: w('マイルストーン', 'Milestones') });
    // Text boxes by role: the form itself is labelled "Add a milestone".
    await milestones
      .getByRole('textbox', { name: w('やること', 'Milestone') })
      .fill('直売所のSNSアカウントを開設');
    await fillDay(
      milestones.getByRole('textbox', { name: w('期限', 'Due date') }),
      w('2027年6月30日', 'Jun 30, 2027'),
    );
    await milestones.getByRole('button', { name: w('追加する', 'Add'), exact: true }).click();
    const milestone = milestones.getByTestId('milestone');
    await expect(milestone).toContainText('直売所のSNSアカウントを開設');
    await expect(milestone).toContainText(w('期限 2027年6月30日', 'Due June 30, 2027'));
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'staff-engagement-milestones');
    await milestone.getByRole('button', { name: w('完了にする', 'Mark as done') }).click();
    await expect(milestone.getByText(w('完了', 'Completed'), { exact: true })).toBeVisible();
    await expect(milestone.getByRole('button')).toHaveCount(0);
    await page.getByRole('button', { name: w('活動完了にする', 'Mark as completed') }).click();
    await page.getByRole('button', { name: w('決定', 'Confirm') }).click();
    await expect(page.getByTestId('engagement-status')).toHaveText(w('完了', 'Completed'));

    const feedback = page.getByRole('region', { name: w('ふりかえり', 'Feedback') });
    const fiveStars = feedback.getByRole('radio', {
      name: w('5段階中 5', '5 out of 5'),
      exact: true,
    });
    await feedback.locator(`label[for="${await fiveStars.getAttribute('id')}"]`).click();
    await feedback
      .getByLabel(w('コメント（任意）', 'Comment (optional)'))
      .fill('とても頼もしかったです。');
    await feedback.getByRole('button', { name: w('送る', 'Send') }).click();
    await expect(feedback.getByTestId('feedback-REGION')).toContainText(
      w('5段階中 5', '5 out of 5'),
    );
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'staff-engagement-completed');
  });

  test('a region reads its recommended candidates and sends one a scout offer', async ({
    page,
    request,
  }, testInfo) => {
    test.setTimeout(120_000);
    const w = wordsFor(testInfo);
    const someone = await newCandidate(request);
    const { region, projectId } = await scene(request);
    if (testInfo.project.name === 'phone') await useEnglish(page);
    await signInThroughPage(page, region.email, region.password);
    // Candidates are worked out by the worker once the project is published: wait for them
    // through the API before opening the page.
    await expect
      .poll(
        async () => {
          const { recommendedCandidates } = await gql<{
            recommendedCandidates: { edges: Array<{ node: { participant: { userId: string } } }> };
          }>(
            request,
            'query($id: ID!) { recommendedCandidates(projectId: $id, first: 50) { edges { node { participant { userId } } } } }',
            { id: projectId },
            region.token,
          );
          return recommendedCandidates.edges.some((e) => e.node.participant.userId === someone.id);
        },
        { timeout: 60_000, intervals: [1_000] },
      )
      .toBe(true);
    await page.goto(`/manage/${region.organizationId}/projects/${projectId}/people?tab=candidates`);
    const candidate = page.getByTestId('candidate').filter({ hasText: someone.displayName });
    await expect(candidate.first()).toBeVisible();
    await expect(
      candidate.first().getByTestId('reasons').getByRole('listitem').first(),
    ).toBeVisible();
    // Never contact details before approval.
    await expect(candidate.first()).not.toContainText('@');
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'people-candidates');

    const name = someone.displayName;
    await candidate
      .first()
      .getByRole('button', { name: w('スカウトを送る', 'Send a scout offer') })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: w('送る', 'Send') }).click();
    await expect(
      dialog.getByText(w('入力してください', 'Required'), { exact: false }).first(),
    ).toBeVisible();
    await dialog
      .getByLabel(w('メッセージ', 'Message'))
      .fill('ハスカップの収穫期に、直売所の発信を一緒に考えてもらえませんか。');
    await dialog.getByRole('button', { name: w('送る', 'Send') }).click();
    await expect(page.getByText(w('スカウトを送りました。', 'Scout offer sent.'))).toBeVisible();

    await page.getByRole('tab', { name: w('スカウト', 'Scout offers') }).click();
    const offer = page.getByTestId('scout-offer');
    await expect(offer).toHaveCount(1);
    await expect(offer).toContainText(name);
    await expect(offer.getByTestId('offer-status')).toHaveText(w('返事待ち', 'Awaiting answer'));
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'people-offers');

    await page.getByRole('tab', { name: w('興味あり', 'Interested') }).click();
    await expect(
      page.getByText(w('まだ「興味あり」を付けた人はいません。', 'No one has marked it yet.')),
    ).toBeVisible();
  });
});
