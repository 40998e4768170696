import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { gql } from './support/graphql-requests';
import { expectAccessible, openMenuOnPhone, saveScreenshot, uniqueEmail } from './support/helpers';

const PASSWORD = 'long-enough-password';

// A participant of this test alone (tests run in parallel on one platform), with a profile.
async function newParticipant(request: APIRequestContext, label: string) {
  const email = uniqueEmail(label);
  const { signUp } = await gql<{ signUp: { accessToken: string } }>(
    request,
    `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }`,
    { input: { email, password: PASSWORD, displayName: '興味 はるか' } },
  );
  await gql(
    request,
    `mutation($input: ParticipantProfileInput!) { saveMyParticipantProfile(input: $input) { kind } }`,
    { input: { kind: 'PRO_BONO', homeMunicipalityCode: '131130' } },
    signUp.accessToken,
  );
  return email;
}

// A published demo project open to pro bono participants; the phone's and the desktop's
// journeys take different ones, so neither sees the other's mark in the count.
async function openProject(request: APIRequestContext, index = 0) {
  const { projects } = await gql<{
    projects: { edges: Array<{ node: { id: string; title: string; eligibleKinds: string[] } }> };
  }>(request, `{ projects(first: 30) { edges { node { id title eligibleKinds } } } }`);
  const open = projects.edges
    .map((e) => e.node)
    .filter((p) => p.eligibleKinds.length === 0 || p.eligibleKinds.includes('PRO_BONO'))[index];
  expect(open).toBeDefined();
  return open;
}

// Changing the language leaves the phone's menu open, over the page.
async function closeMenuOnPhone(page: Page) {
  const burger = page.getByRole('button', { name: /メニュー|Menu/ });
  if ((await burger.isVisible()) && (await burger.getAttribute('aria-expanded')) === 'true') {
    await burger.click();
  }
}

async function signIn(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード').fill(PASSWORD);
  await page
    .getByRole('button', { name: 'ログイン', exact: true })
    .locator('visible=true')
    .last()
    .click();
  await expect(page.getByTestId('notification-bell')).toBeVisible();
}

test.describe('興味あり', () => {
  // Journeys through several screens, each checked with axe: more than one screen's time.
  test.describe.configure({ timeout: 90_000 });

  test('a participant marks a project, finds it in their list, and takes it back', async ({
    page,
    request,
  }, testInfo) => {
    const email = await newParticipant(request, `interest-${testInfo.project.name}`);
    const project = await openProject(request, testInfo.project.name === 'phone' ? 1 : 0);
    await signIn(page, email);

    await page.goto(`/projects/${project.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(project.title);
    const toggle = page.getByRole('button', { name: '興味あり', exact: true });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    const count = page.getByTestId('interest-count');
    await expect(count).toHaveText(/^\d+ 人が興味あり$/);
    const before = Number(/\d+/.exec((await count.textContent())!)![0]);
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(count).toHaveText(`${before + 1} 人が興味あり`);
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'project-interested');

    // The list, from the header's navigation.
    await openMenuOnPhone(page);
    await page.getByRole('link', { name: '興味ありリスト' }).locator('visible=true').click();
    await expect(page.getByRole('heading', { level: 1, name: '興味ありリスト' })).toBeVisible();
    const card = page.getByRole('article').filter({ hasText: project.title });
    await expect(card).toBeVisible();
    await expect(card.getByText(/^\d{4}年\d{1,2}月\d{1,2}日に興味あり$/)).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'interests');

    // In English, the same list; the mark is taken back there.
    await openMenuOnPhone(page);
    await page.getByText('English', { exact: true }).locator('visible=true').first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'My interests' })).toBeVisible();
    await closeMenuOnPhone(page);
    await expect(
      card.getByText(
        /^Marked on (January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}$/,
      ),
    ).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'interests-en');
    const cardToggle = card.getByRole('button', { name: `Interested: ${project.title}` });
    await expect(cardToggle).toHaveAttribute('aria-pressed', 'true');
    await cardToggle.click();
    await expect(cardToggle).toHaveAttribute('aria-pressed', 'false');

    await page.reload();
    await expect(page.getByText('You have not marked any project yet.')).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'interests-empty-en');
  });

  test('a guest is asked to sign in, and copies the link to share', async ({
    page,
    request,
    context,
  }, testInfo) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const project = await openProject(request);
    await page.goto(`/projects/${project.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(project.title);
    // The server wrote the project into the page's preview tags.
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
      'content',
      project.title,
    );

    await page.getByRole('button', { name: '興味あり', exact: true }).click();
    await expect(
      page.getByRole('link', { name: '興味ありを付けるにはログインしてください' }),
    ).toBeVisible();

    const url = `${new URL(page.url()).origin}/projects/${project.id}`;
    const line = page.getByRole('link', { name: /LINEで送る/ });
    expect(new URL((await line.getAttribute('href'))!).searchParams.get('url')).toBe(url);
    const x = page.getByRole('link', { name: /Xでポスト/ });
    expect(new URL((await x.getAttribute('href'))!).searchParams.get('text')).toBe(project.title);
    await page.getByRole('button', { name: 'リンクをコピー' }).click();
    await expect(page.getByText('リンクをコピーしました')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'project-share');

    await page.getByRole('link', { name: '興味ありを付けるにはログインしてください' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
  });
});
