import { type Browser, expect, type Page, test } from '@playwright/test';
import {
  DEMO_PASSWORD,
  expectAccessible,
  headerIsFolded,
  openMenuOnPhone,
  saveScreenshot,
} from './support/helpers';
import { newOrganization } from './support/organizations';
import { gql } from './support/graphql-requests';
import { signInThroughApi, signInThroughPage } from './support/participants';

const DEMO_ADMIN = 'admin@demo.tsunagu.jp';
// The demo company is an approved member offering participants (apps/cli/src/demo).
const DEMO_COMPANY = '株式会社みらいワークス（越境研修プログラム）';

// Ticks options in a group of checkboxes (offers, seeks) found by its label.
async function pick(page: Page, label: string, options: string[]) {
  const group = page.getByRole('group', { name: label, exact: true });
  for (const option of options) {
    await group.getByRole('checkbox', { name: option, exact: true }).check();
  }
}

// The demo admin approves the organisation's application in the admin area's queue.
async function approveAsAdmin(browser: Browser, organizationName: string, platformId: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInThroughPage(page, DEMO_ADMIN, DEMO_PASSWORD);
  await page.goto(`/manage/${platformId}/admin/council`);
  await expect(
    page.getByRole('heading', { name: 'かかわりラボの入会申請', level: 2 }),
  ).toBeVisible();
  const application = page.getByRole('article').filter({ hasText: organizationName });
  await expect(application).toBeVisible();
  await expectAccessible(page);
  await saveScreenshot(page, test.info(), 'council-admin-queue');
  await application.getByRole('button', { name: '承認する' }).click();
  await expect(application.getByText('会員', { exact: true })).toBeVisible();
  await context.close();
}

test.describe('the council', () => {
  test.use({ actionTimeout: 30_000 });

  test('an organisation applies, is approved, fills its profile, is listed, sees partners and writes to one', async ({
    page,
    browser,
    request,
  }, testInfo) => {
    test.setTimeout(300_000);
    const name = `苫小牧 関係人口ラボ ${testInfo.project.name}-${Date.now()}`;
    const region = await newOrganization(request, {
      kind: 'REGION',
      name,
      staffName: '佐藤 由美',
      municipalityCode: '012131',
    });
    const adminToken = await signInThroughApi(request, DEMO_ADMIN, DEMO_PASSWORD);
    const { me } = await gql<{
      me: { memberships: Array<{ organization: { id: string; kind: string } }> };
    }>(request, '{ me { memberships { organization { id kind } } } }', {}, adminToken);
    const platformId = me.memberships.find((m) => m.organization.kind === 'PLATFORM')!.organization
      .id;

    // Applies from the workspace.
    await signInThroughPage(page, region.email, region.password);
    await page.goto(`/manage/${region.organizationId}/council`);
    await expect(page.getByRole('heading', { name: 'かかわりラボ', level: 2 })).toBeVisible();
    await expect(page.getByText('まだ申請していません。')).toBeVisible();
    await page.getByRole('button', { name: '申請する' }).click();
    await expect(page.getByText('入力してください')).toBeVisible();
    await page
      .getByRole('textbox', { name: '団体の紹介（日本語）' })
      .fill('港町で、週末に関わってくれる人と一緒にまちの発信をしています。');
    await page.getByRole('button', { name: '申請する' }).click();
    await expect(page.getByText(/に申請しました。運営者の確認をお待ちください。/)).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'council-applied');

    await approveAsAdmin(browser, name, platformId);

    // A member now: fills in what it offers and seeks.
    await page.reload();
    await expect(page.getByText(/から会員です。会員名簿に載っています。/)).toBeVisible();
    await pick(page, '提供できること', ['拠点・場所', '地域資源']);
    await pick(page, '求めていること', ['参加する人材']);
    // The place: the town's own to begin with, picked by prefecture and municipality.
    await expect(page.getByRole('combobox', { name: '所在地の都道府県（任意）' })).toHaveValue(
      '北海道',
    );
    const municipality = page.getByRole('combobox', { name: '市区町村' });
    await expect(municipality).toHaveValue('苫小牧市');
    await municipality.fill('美幌');
    await page.getByRole('option', { name: '美幌町', exact: true }).click();
    await expect(municipality).toHaveValue('美幌町');
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'council-profile-form');
    await page.getByRole('button', { name: '保存する' }).click();
    await expect(page.getByRole('status').filter({ hasText: '保存しました' })).toBeVisible();

    // Partners: the demo company offers the people this town seeks.
    const partners = page.getByRole('region', { name: 'おすすめの連携先' });
    const company = partners.getByRole('article').filter({ hasText: DEMO_COMPANY });
    await expect(company).toBeVisible();
    await expect(company).toContainText('あなたが求める「参加する人材」を提供しています');
    // A factor that adds nothing is not given as a reason.
    await expect(company).not.toContainText('共通のテーマはありません');
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'council-workspace');

    // Listed in the public directory, found by words.
    await page.goto('/council');
    await page.getByRole('searchbox', { name: 'キーワード' }).fill(name);
    await page.getByRole('button', { name: '検索', exact: true }).click();
    const listed = page.getByRole('article').filter({ hasText: name });
    await expect(listed).toBeVisible();
    await expect(listed).toContainText('拠点・場所');
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'council-directory');

    // Writes to the demo company from its member page.
    await page.goto('/council');
    await page.getByRole('link', { name: DEMO_COMPANY }).first().click();
    await expect(page.getByRole('heading', { name: DEMO_COMPANY, level: 1 })).toBeVisible();
    await page
      .getByRole('textbox', { name: 'メッセージ' })
      .fill('社員研修の受け入れについて、一度お話しできればうれしいです。');
    await page.getByRole('button', { name: '送る' }).click();
    await expect(page.getByRole('status').filter({ hasText: '送りました。' })).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'council-member');
  });

  test('reads the directory in English', async ({ page }, testInfo) => {
    // The directory's first load and the language switch are slow on a busy phone run.
    test.setTimeout(120_000);
    await page.goto('/council');
    await openMenuOnPhone(page);
    await page.getByText('English', { exact: true }).locator('visible=true').first().click();
    if (headerIsFolded(page)) await page.getByRole('button', { name: 'Menu' }).click();
    await expect(page.getByRole('heading', { name: 'The council (Kakawari Lab)' })).toBeVisible();
    const company = page.getByRole('article').filter({ hasText: DEMO_COMPANY });
    await expect(company).toContainText('Participants');
    await expect(company).toContainText('Company');
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'council-directory-en');
  });
});
