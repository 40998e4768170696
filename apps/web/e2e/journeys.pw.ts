import { expect, test } from '@playwright/test';
import {
  DEMO_PASSWORD,
  expectAccessible,
  openMenuOnPhone,
  saveScreenshot,
  uniqueEmail,
} from './support/helpers';
import { signUpVerified } from './support/mail';

test.describe('a guest', () => {
  test('browses the published projects', async ({ page }, testInfo) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/projects$/);
    await expect(page.getByRole('heading', { level: 1, name: 'プロジェクトを探す' })).toBeVisible();
    await expect(page.getByRole('article').first()).toBeVisible();
    expect(await page.getByRole('article').count()).toBeGreaterThan(1);
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'projects');
  });

  test('searches in Japanese and filters by prefecture', async ({ page }, testInfo) => {
    await page.goto('/projects');
    await page.getByRole('searchbox', { name: 'キーワード' }).fill('空き家');
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await expect(page).toHaveURL(/q=%E7%A9%BA/);
    const titles = page.getByRole('article').getByRole('heading');
    await expect(titles.first()).toContainText('空き家');
    await saveScreenshot(page, testInfo, 'search');

    await page.goto(
      '/projects?q=%E3%81%82%E3%82%8A%E3%81%88%E3%81%AA%E3%81%84%E8%A8%80%E8%91%89xyz',
    );
    await expect(page.getByText('条件に合うプロジェクトはありません。')).toBeVisible();
    await expectAccessible(page);

    await page.goto('/projects?pref=03');
    await expect(page.getByRole('article').first()).toBeVisible();
    for (const place of await page
      .getByRole('article')
      .getByText(/岩手県|北海道|長野県|新潟県|鳥取県/)
      .allTextContents()) {
      expect(place).toContain('岩手県');
    }
  });

  test('opens a project and sees what to decide on', async ({ page }, testInfo) => {
    await page.goto('/projects');
    const first = page.getByRole('article').first().getByRole('link');
    const title = (await first.textContent())!;
    await first.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    for (const label of [
      '期間',
      '活動時間',
      '場所',
      '受け入れ地域',
      '伴走する中間支援組織',
      '対象',
      '募集人数',
      '求めるスキル',
    ]) {
      await expect(page.getByText(label, { exact: true })).toBeVisible();
    }
    await expect(page.getByText(/\d{4}年\d{1,2}月\d{1,2}日/).first()).toBeVisible();
    // The map of Japan, drawn from bundled geometry with no tile server.
    await expect(page.getByTestId('project-map').locator('svg path').first()).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'project');

    // A deep link works on its own (the API answers index.html, the app routes it).
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  });

  test('gets a not-found page for an unknown address and project', async ({ page }) => {
    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { name: 'ページが見つかりません' })).toBeVisible();
    await page.goto('/projects/00000000-0000-4000-8000-000000000000');
    await expect(page.getByText('このプロジェクトは公開されていません。')).toBeVisible();
  });

  test('switches to English, which a reload keeps', async ({ page }, testInfo) => {
    await page.goto('/projects');
    await openMenuOnPhone(page);
    await page.getByText('English', { exact: true }).locator('visible=true').first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Find projects' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Find projects' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('article').first().getByRole('link').click();
    await expect(page.getByText('Period', { exact: true })).toBeVisible();
    await expect(
      page
        .getByText(
          /(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}/,
        )
        .first(),
    ).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'project-en');
  });
});

test.describe('a participant', () => {
  test('signs up, and a reload keeps them signed in', async ({ page }, testInfo) => {
    const email = uniqueEmail('signup');
    await page.goto('/sign-up');
    await expect(page.getByRole('heading', { name: '新規登録' })).toBeVisible();
    await page.getByRole('button', { name: '登録する' }).click();
    await expect(page.getByText('入力してください').first()).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'sign-up-errors');

    await page.getByLabel('表示名').fill('山田 つなぐ');
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByLabel('パスワード').fill('long-enough-password');
    await page.getByRole('button', { name: '登録する' }).click();
    await expect(page).toHaveURL(/\/projects$/);
    await openMenuOnPhone(page);
    await expect(page.getByTestId('signed-in-as').locator('visible=true')).toHaveText(
      /山田 つなぐ/,
    );
    await expect(page.getByTestId('notification-bell')).toBeVisible();

    await page.reload();
    // The bell shows once the session is restored from the cookie.
    await expect(page.getByTestId('notification-bell')).toBeVisible();
    await openMenuOnPhone(page);
    await expect(page.getByTestId('signed-in-as').locator('visible=true')).toHaveText(
      /山田 つなぐ/,
    );

    // The same address again: the API's refusal lands on the e-mail field.
    await page.getByRole('button', { name: 'ログアウト' }).locator('visible=true').click();
    await page.goto('/sign-up');
    await page.getByLabel('表示名').fill('山田 二郎');
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByLabel('パスワード').fill('long-enough-password');
    await page.getByRole('button', { name: '登録する' }).click();
    await expect(page.getByLabel('メールアドレス')).toHaveAccessibleDescription(/登録済み/);
  });

  test('signs in, stays signed in across a reload, and signs out', async ({ page }, testInfo) => {
    await page.goto('/sign-in');
    await page.getByLabel('メールアドレス').fill('student@demo.tsunagu.jp');
    await page.getByLabel('パスワード').fill('wrong-password');
    await page
      .getByRole('button', { name: 'ログイン', exact: true })
      .locator('visible=true')
      .last()
      .click();
    await expect(page.getByRole('alert')).toHaveText('メールアドレスまたはパスワードが違います');
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'sign-in');

    await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
    await page
      .getByRole('button', { name: 'ログイン', exact: true })
      .locator('visible=true')
      .last()
      .click();
    await expect(page).toHaveURL(/\/projects$/);
    await expect(page.getByTestId('notification-bell')).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('notification-bell')).toBeVisible();
    await saveScreenshot(page, testInfo, 'signed-in');

    await openMenuOnPhone(page);
    await page.getByRole('button', { name: 'ログアウト' }).locator('visible=true').click();
    await expect(page.getByTestId('notification-bell')).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByTestId('notification-bell')).toHaveCount(0);
  });
});

test.describe('region staff', () => {
  test("see the bell's unread count rise as a notification arrives", async ({
    page,
    request,
  }, testInfo) => {
    await page.goto('/sign-in');
    await page.getByLabel('メールアドレス').fill('mukawa@demo.tsunagu.jp');
    await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    const bell = page.getByTestId('notification-bell');
    await expect(bell).toHaveAttribute('aria-label', /未読 \d+ 件/);
    const unread = async () =>
      Number(/未読 (\d+) 件/.exec((await bell.getAttribute('aria-label')) ?? '')?.[1]);
    const before = await unread();

    // Someone applies to one of むかわ町's projects, through the API.
    const gql = async <T = unknown>(query: string, variables: object, token?: string) => {
      const response = await request.post('/graphql', {
        data: { query, variables },
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      const body = (await response.json()) as { data: T; errors?: unknown };
      expect(body.errors).toBeUndefined();
      return body.data;
    };
    // Applying needs a verified e-mail address.
    const signUp = await signUpVerified(request, {
      email: uniqueEmail('applicant'),
      password: 'long-enough-password',
      displayName: '応募 太郎',
    });
    await gql(
      'mutation($input: ParticipantProfileInput!) { saveMyParticipantProfile(input: $input) { kind } }',
      { input: { kind: 'PRO_BONO', homeMunicipalityCode: '131130', bio: '東京から応援します' } },
      signUp.accessToken,
    );
    const { projects } = await gql<{ projects: { edges: Array<{ node: { id: string } }> } }>(
      '{ projects(filter: { municipalityCode: "015865" }, first: 1) { edges { node { id } } } }',
      {},
    );
    await gql(
      'mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id } }',
      {
        input: {
          projectId: projects.edges[0].node.id,
          motivation: 'マルシェの運営を手伝いたいです。',
        },
      },
      signUp.accessToken,
    );

    // No reload: the subscription brings it.
    await expect.poll(unread, { timeout: 20_000 }).toBeGreaterThan(before);
    await bell.click();
    await expect(page.getByRole('dialog').getByText('お知らせ', { exact: true })).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'notifications');
  });
});
