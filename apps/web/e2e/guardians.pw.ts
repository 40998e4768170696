import { type Browser, expect, type Page, test, type TestInfo } from '@playwright/test';
import { expectAccessible, saveScreenshot, uniqueEmail } from './support/helpers';
import { latestMailTo } from './support/mail';
import { newOrganization } from './support/organizations';
import { gql } from './support/graphql-requests';
import { signInThroughPage, signUpParticipant, submitAndPublish } from './support/participants';

// The phone walks the journey in English, the desktop in Japanese.
function wordsFor(testInfo: TestInfo) {
  const en = testInfo.project.name === 'phone';
  return <T>(ja: T, english: T): T => (en ? english : ja);
}

async function useEnglish(page: Page) {
  await page.addInitScript(() => localStorage.setItem('tsunagu.language', 'en'));
}

// Another person on their own browser, with the same viewport and language as the first.
async function newPerson(browser: Browser, page: Page, testInfo: TestInfo): Promise<Page> {
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    viewport: page.viewportSize(),
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
  });
  const other = await context.newPage();
  if (testInfo.project.name === 'phone') await useEnglish(other);
  return other;
}

// A region's project open to high-school students, published by an intermediary covering it; a
// high-school student whose guardian is on the profile applies.
async function scene(request: Parameters<typeof newOrganization>[0]) {
  const region = await newOrganization(request, {
    kind: 'REGION',
    name: '苫小牧市 教育委員会',
    staffName: '山本 花',
  });
  const hub = await newOrganization(request, {
    kind: 'INTERMEDIARY',
    name: '北海道ユース支援センター',
    staffName: '高橋 誠',
    remitPrefectures: ['01'],
  });
  const { createProject } = await gql<{ createProject: { id: string } }>(
    request,
    'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
    {
      input: {
        regionOrganizationId: region.organizationId,
        title: '夏休み 自然体験キャンプの運営補助',
        description: '苫小牧の森で、小学生向けキャンプの運営を一緒に手伝います。',
        themeCode: 'learning',
        mode: 'ONSITE',
        startDate: '2027-07-25',
        endDate: '2027-08-05',
        capacity: 4,
        eligibleKinds: ['HIGH_SCHOOL_STUDENT'],
      },
    },
    region.token,
  );
  const projectId = createProject.id;
  await submitAndPublish(request, projectId, region.token, hub.token);
  const student = await signUpParticipant(request, {
    label: 'guardians-student',
    displayName: '佐藤 ひなた',
  });
  const guardianEmail = uniqueEmail('guardians-parent');
  await gql(
    request,
    'mutation($input: ParticipantProfileInput!) { saveMyParticipantProfile(input: $input) { kind } }',
    {
      input: {
        kind: 'HIGH_SCHOOL_STUDENT',
        dateOfBirth: '2010-09-14',
        guardianName: '佐藤 由美',
        guardianEmail,
        guardianConsent: true,
        homeMunicipalityCode: '012131',
        bio: '苫小牧の高校2年生です。',
      },
    },
    student.token,
  );
  const { applyToProject } = await gql<{ applyToProject: { id: string } }>(
    request,
    'mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id } }',
    { input: { projectId, motivation: '子どもたちと森で過ごす活動を手伝いたいです。' } },
    student.token,
  );
  return { region, projectId, student, guardianEmail, engagementId: applyToProject.id };
}

test.describe("a guardian's consent", () => {
  test('a high-school student applies, the guardian consents through the e-mailed link, and the region can then accept', async ({
    page,
    browser,
    request,
  }, testInfo) => {
    test.setTimeout(240_000);
    const w = wordsFor(testInfo);
    const { region, projectId, student, guardianEmail, engagementId } = await scene(request);
    if (testInfo.project.name === 'phone') await useEnglish(page);

    // The student sees their date of birth and guardian on the profile, and that the application
    // waits for the guardian.
    await signInThroughPage(page, student.email, student.password);
    await page.goto('/profile');
    await expect(page.getByRole('textbox', { name: w('生年月日', 'Date of birth') })).toHaveValue(
      w('2010年9月14日', 'September 14, 2010'),
    );
    await expect(
      page.getByLabel(w('保護者のメールアドレス', "Guardian's e-mail address")),
    ).toHaveValue(guardianEmail);
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'guardians-profile');

    await page.goto('/engagements');
    await expect(page.getByTestId('guardian-consent')).toHaveText(
      w('保護者の同意待ち', "Waiting for guardian's consent"),
    );
    await expect(
      page.getByRole('button', { name: w('メールをもう一度送る', 'Send the e-mail again') }),
    ).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'guardians-my-engagements');

    // The region sees why it cannot accept yet.
    const staff = await newPerson(browser, page, testInfo);
    await signInThroughPage(staff, region.email, region.password);
    await staff.goto(`/manage/${region.organizationId}/projects/${projectId}/people`);
    const application = staff.getByTestId('application');
    await expect(application.getByTestId('guardian-consent')).toHaveText(
      w('保護者の同意待ち', "Waiting for guardian's consent"),
    );
    await expectAccessible(staff);
    await saveScreenshot(staff, testInfo, 'guardians-people-waiting');

    // The guardian opens the link of the mail, without an account.
    const mail = await latestMailTo(guardianEmail, { timeoutMs: 60_000 });
    const link = /https?:\/\/[^\s/]+(\/consent\/[A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    expect(link).toBeTruthy();
    const guardian = await newPerson(browser, page, testInfo);
    await guardian.goto(link!);
    await expect(
      guardian.getByRole('heading', {
        level: 1,
        name: w('保護者の方へ：参加への同意のお願い', 'For the guardian: your consent, please'),
      }),
    ).toBeVisible();
    await expect(guardian.getByText('夏休み 自然体験キャンプの運営補助').first()).toBeVisible();
    await expect(guardian.getByText('北海道ユース支援センター').first()).toBeVisible();
    // The guardian is told that messages to the child reach them too.
    await expect(guardian.getByTestId('guardian-copies')).toContainText(
      w('メッセージの写し', 'a copy of every message'),
    );
    // The activity is named by its kind alone (not "Activity: Project: …").
    await expect(
      guardian.locator('dt', { hasText: new RegExp(`^${w('プロジェクト', 'Project')}$`) }),
    ).toBeVisible();
    await expectAccessible(guardian);
    await saveScreenshot(guardian, testInfo, 'guardians-consent-page');
    if (testInfo.project.name === 'phone') {
      // The same page on the phone in Japanese (a browser with no language chosen).
      const context = await browser.newContext({
        baseURL: testInfo.project.use.baseURL,
        viewport: page.viewportSize(),
        locale: 'ja-JP',
        timezoneId: 'Asia/Tokyo',
      });
      const japanese = await context.newPage();
      await japanese.goto(link!);
      await expect(japanese.locator('dt', { hasText: /^プロジェクト$/ })).toBeVisible();
      await expect(japanese.getByText('夏休み 自然体験キャンプの運営補助').first()).toBeVisible();
      await expect(japanese.getByTestId('guardian-copies')).toContainText('メッセージの写し');
      await saveScreenshot(japanese, testInfo, 'guardians-consent-page-ja');
      await context.close();
    }

    // A signature is required.
    await guardian.getByRole('button', { name: w('同意する', 'I consent') }).click();
    await expect(guardian.getByText(w('入力してください', 'Required'))).toBeVisible();
    await guardian.getByLabel(w('保護者のお名前', "Guardian's full name")).fill('佐藤 由美');
    await guardian.getByRole('button', { name: w('同意する', 'I consent') }).click();
    await expect(
      guardian.getByText(w('同意を受け付けました', 'Thank you: your consent is recorded')),
    ).toBeVisible();
    await expect(
      guardian.getByRole('button', { name: w('同意を取り消す', 'Withdraw my consent') }),
    ).toBeVisible();
    await expectAccessible(guardian);
    await saveScreenshot(guardian, testInfo, 'guardians-consent-given');

    // The region now sees the consent and accepts.
    await staff.reload();
    await expect(application.getByTestId('guardian-consent')).toHaveText(
      w('保護者が同意済み', 'Guardian consented'),
    );
    await expect(application).toContainText('佐藤 由美');
    await staff.goto(`/manage/${region.organizationId}/engagements/${engagementId}`);
    await staff.getByRole('button', { name: w('受け入れる', 'Accept') }).click();
    await staff.getByRole('button', { name: w('決定', 'Confirm') }).click();
    await expect(staff.getByTestId('engagement-status')).toHaveText(w('受け入れ決定', 'Accepted'));

    // What the region writes to the child reaches the guardian too, by e-mail.
    const { engagementConversation } = await gql<{ engagementConversation: { id: string } }>(
      request,
      'query($engagementId: ID!) { engagementConversation(engagementId: $engagementId) { id } }',
      { engagementId },
      region.token,
    );
    await gql(
      request,
      'mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }',
      {
        input: {
          conversationId: engagementConversation.id,
          body: '初日は9時に苫小牧駅前に集合です。',
        },
      },
      region.token,
    );
    const copy = await latestMailTo(guardianEmail, {
      subject: /苫小牧市 教育委員会/,
      timeoutMs: 60_000,
    });
    expect(copy.text).toContain('初日は9時に苫小牧駅前に集合です。');
  });
});
