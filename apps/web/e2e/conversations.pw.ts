import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import {
  DEMO_PASSWORD,
  expectAccessible,
  openMenuOnPhone,
  saveScreenshot,
  uniqueEmail,
} from './support/helpers';
import { signUpVerified } from './support/mail';

// Each viewport writes to a region of its own, so the two runs in parallel do not meet.
const REGIONS = {
  desktop: { staff: 'nanbu@demo.tsunagu.jp', municipalityCode: '313891' }, // 鳥取県南部町
  phone: { staff: 'agematsu@demo.tsunagu.jp', municipalityCode: '204226' }, // 長野県上松町
} as const;

type Gql = <T>(query: string, variables?: object, token?: string) => Promise<T>;

function graphql(request: APIRequestContext): Gql {
  return async (query, variables = {}, token) => {
    const response = await request.post('/graphql', {
      data: { query, variables },
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    const body = (await response.json()) as { data: never; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data;
  };
}

// A new participant who applied to one of the region's projects, through the API.
async function applicant(request: APIRequestContext, gql: Gql, municipalityCode: string) {
  const email = uniqueEmail('writer');
  const password = 'long-enough-password';
  // Applying needs a verified address: the account follows its e-mail link first.
  const { accessToken: token } = await signUpVerified(request, {
    email,
    password,
    displayName: '山田 花子',
  });
  await gql(
    'mutation($input: ParticipantProfileInput!) { saveMyParticipantProfile(input: $input) { kind } }',
    { input: { kind: 'PRO_BONO', homeMunicipalityCode: '131130', bio: '東京から応援します' } },
    token,
  );
  const { projects } = await gql<{
    projects: { edges: Array<{ node: { id: string; title: string } }> };
  }>(
    `query($code: String) { projects(filter: { municipalityCode: $code, eligibleFor: PRO_BONO }, first: 1) {
      edges { node { id title } } } }`,
    { code: municipalityCode },
  );
  const project = projects.edges[0].node;
  const { applyToProject } = await gql<{ applyToProject: { id: string } }>(
    'mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id } }',
    { input: { projectId: project.id, motivation: '経理の経験を活かして手伝いたいです。' } },
    token,
  );
  return { email, password, project, engagementId: applyToProject.id };
}

async function signIn(gql: Gql, email: string): Promise<string> {
  const { signIn } = await gql<{ signIn: { accessToken: string } }>(
    'mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }',
    { input: { email, password: DEMO_PASSWORD } },
  );
  return signIn.accessToken;
}

async function signInThroughUi(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード').fill(password);
  await page
    .getByRole('button', { name: 'ログイン', exact: true })
    .locator('visible=true')
    .last()
    .click();
  await expect(page).toHaveURL(/\/projects$/);
}

// The phone's menu covers the page: closed again before looking at the thread.
async function closeMenuOnPhone(page: Page) {
  const burger = page.getByRole('button', { name: /メニュー|Menu/ });
  if ((await burger.isVisible()) && (await burger.getAttribute('aria-expanded')) === 'true') {
    await burger.click();
  }
}

function messagesNav(page: Page) {
  return page.getByTestId('messages-nav').locator('visible=true');
}

test('a participant who applied writes to the region, which answers', async ({
  page,
  request,
}, testInfo) => {
  // One journey through the inbox, a thread, live answers, unread counts and both languages:
  // about 20 s on an idle machine, several times that on a busy CI runner.
  test.setTimeout(180_000);
  const region = REGIONS[testInfo.project.name as keyof typeof REGIONS];
  const gql = graphql(request);
  const me = await applicant(request, gql, region.municipalityCode);
  const staffToken = await signIn(gql, region.staff);
  const { engagementConversation: thread } = await gql<{
    engagementConversation: { id: string };
  }>(
    'query($id: ID!) { engagementConversation(engagementId: $id) { id } }',
    { id: me.engagementId },
    staffToken,
  );
  const answer = (body: string) =>
    gql(
      'mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }',
      { input: { conversationId: thread.id, body } },
      staffToken,
    );

  // The inbox lists the application's thread, empty so far.
  await signInThroughUi(page, me.email, me.password);
  await openMenuOnPhone(page);
  await messagesNav(page).click();
  await expect(page.getByRole('heading', { level: 1, name: 'メッセージ' })).toBeVisible();
  const card = page.getByTestId('conversation-card').filter({ hasText: me.project.title });
  await expect(card).toContainText('応募');
  await expect(card).toContainText('まだメッセージはありません');
  await expectAccessible(page);
  await saveScreenshot(page, testInfo, 'messages-inbox');

  // The thread: write, with the counter, and send.
  await card.getByRole('link', { name: me.project.title }).click();
  await expect(page.getByRole('heading', { level: 1, name: me.project.title })).toBeVisible();
  await expect(
    page.getByText('連絡先は、中間支援組織が参加を承認した後に共有されます'),
  ).toBeVisible();
  await page.getByRole('button', { name: '送信' }).click();
  await expect(page.getByLabel('メッセージ', { exact: true })).toHaveAccessibleDescription(
    /メッセージを入力してください/,
  );
  const question = '初めての参加です。\n活動の日程はどのように決まりますか？';
  await page.getByLabel('メッセージ', { exact: true }).fill(question);
  await expect(page.getByText('28 / 2000 文字')).toBeVisible();
  await page.getByRole('button', { name: '送信' }).click();
  const messages = page.getByTestId('message');
  await expect(messages).toHaveCount(1);
  await expect(messages.first()).toContainText('あなた');
  await expect(messages.first()).toContainText('活動の日程はどのように決まりますか？');
  await expect(messages.first()).toContainText(/\d{4}年\d{1,2}月\d{1,2}日/);
  await expect(page.getByLabel('メッセージ', { exact: true })).toHaveValue('');

  // The region answers (through the API): it arrives without a reload.
  await answer('ご連絡ありがとうございます。月に一度、オンラインで相談して決めています。');
  await expect(messages).toHaveCount(2);
  await expect(messages.nth(1)).toContainText('地域');
  await expect(messages.nth(1)).toContainText('月に一度、オンラインで相談して決めています。');
  await expectAccessible(page);
  await saveScreenshot(page, testInfo, 'messages-thread');

  // Away from the thread, another answer shows as unread in the navigation and the inbox.
  await page.goto('/projects');
  await answer('来月の日程候補をお送りしますね。');
  await page.reload();
  await openMenuOnPhone(page);
  await expect(messagesNav(page)).toHaveAccessibleName('メッセージ（未読 1 件）');
  await messagesNav(page).click();
  await expect(card).toContainText('未読 1 件');
  await expect(card).toContainText('来月の日程候補をお送りしますね。');
  await saveScreenshot(page, testInfo, 'messages-unread');
  await card.getByRole('link', { name: me.project.title }).click();
  await expect(messages).toHaveCount(3);
  await openMenuOnPhone(page);
  await expect(messagesNav(page)).toHaveAccessibleName('メッセージ');

  // In English, the thread's words and dates follow.
  await page.getByText('English', { exact: true }).locator('visible=true').first().click();
  await closeMenuOnPhone(page);
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
  await expect(messages.first()).toContainText('You');
  await expect(messages.nth(1)).toContainText('Region');
  await expect(messages.first()).toContainText(
    /(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}/,
  );
  await expectAccessible(page);
  await saveScreenshot(page, testInfo, 'messages-thread-en');
});

test('someone outside a thread is told it is not there', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('メールアドレス').fill('highschool@demo.tsunagu.jp');
  await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
  await page
    .getByRole('button', { name: 'ログイン', exact: true })
    .locator('visible=true')
    .last()
    .click();
  await expect(page).toHaveURL(/\/projects$/);
  await page.goto('/messages/00000000-0000-4000-8000-000000000000');
  await expect(page.getByText('このやりとりは見つかりません')).toBeVisible();
});
