import { expect, test } from '@playwright/test';
import { gql } from './support/graphql-requests';
import { expectAccessible, saveScreenshot } from './support/helpers';
import { newOrganization } from './support/organizations';
import { signInThroughPage } from './support/participants';

// An ageing town in the census' own shape: full-width ranges, a total column, 90歳以上.
const MALE = [
  120, 140, 160, 150, 60, 70, 110, 130, 150, 170, 200, 240, 300, 330, 310, 260, 190, 120, 50,
];
const FEMALE = [
  110, 130, 150, 140, 55, 65, 100, 125, 150, 175, 210, 260, 320, 360, 350, 320, 280, 210, 130,
];
function censusCsv(badLine = false): string {
  const rows = ['年齢,総数,男,女'];
  MALE.forEach((m, i) => {
    const label = i === 18 ? '90歳以上' : `${i * 5}～${i * 5 + 4}歳`;
    const men = badLine && i === 1 ? '百四十' : String(m);
    rows.push(`${label},${m + FEMALE[i]},${men},${FEMALE[i]}`);
  });
  return rows.join('\r\n');
}
const TOTAL = [...MALE, ...FEMALE].reduce((s, v) => s + v, 0);

test.describe('a region’s profile', () => {
  // The editor is a long page on a phone: its full-page screenshot takes a while on a busy machine.
  test.use({ actionTimeout: 30_000 });
  test('uploads its census population, sees the outlook, and a guest reads the public page', async ({
    page,
    browser,
    request,
  }, testInfo) => {
    test.setTimeout(300_000);
    const region = await newOrganization(request, {
      kind: 'REGION',
      name: '苫小牧市 地域振興課',
      staffName: '佐藤 由美',
      municipalityCode: '012131',
    });
    await signInThroughPage(page, region.email, region.password);
    await page.goto(`/manage/${region.organizationId}/profile`);
    await expect(page.getByRole('heading', { name: '地域のページ', level: 2 })).toBeVisible();
    await expect(page.getByText('この地域の人口はまだ登録されていません。')).toBeVisible();

    await page
      .getByRole('textbox', { name: '地域の紹介' })
      .fill('海と森にかこまれた港町です。週末に関わってくれる人を探しています。');
    await page.getByRole('button', { name: '紹介を保存' }).click();
    await expect(page.getByRole('status').filter({ hasText: '保存しました。' })).toBeVisible();

    // A bad line first: named, and nothing saved.
    const file = page.locator('input[type="file"]');
    await file.setInputFiles({
      name: 'population.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(censusCsv(true)),
    });
    await expect(page.getByRole('textbox', { name: 'または CSV を貼り付け' })).toHaveValue(
      /百四十/,
    );
    await page.getByRole('button', { name: 'CSV を読み込む' }).click();
    const problems = page.getByTestId('csv-problems');
    await expect(problems).toContainText('CSV に直してほしい行があります。何も保存していません。');
    await expect(problems).toContainText('3行目：人数が0以上の整数になっていません。');
    await expect(page.getByText('この地域の人口はまだ登録されていません。')).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'region-profile-csv-error');

    // The census file as it is: saved, and the outlook drawn.
    await file.setInputFiles({
      name: 'population.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(censusCsv()),
    });
    await page.getByRole('button', { name: 'CSV を読み込む' }).click();
    await expect(page.getByTestId('population-saved')).toBeVisible();
    await expect(page.getByTestId('csv-problems')).toHaveCount(0);
    await expect(page.getByTestId('population-total')).toContainText(
      `総人口 ${TOTAL.toLocaleString('ja-JP')}人（2020年）`,
    );
    await expect(page.getByTestId('settlement-TOTAL')).toHaveText(
      /^毎年 [\d.,]+世帯（[\d.,]+人）$/,
      { timeout: 30_000 },
    );
    await expect(page.getByTestId('settlement-CHILDREN')).toHaveText(
      /^毎年 [\d.,]+世帯（[\d.,]+人）$/,
    );
    await expect(page.getByTestId('chart-total').getByRole('table')).toContainText('2050');
    await expect(page.getByRole('textbox', { name: '0〜4歳 男性' })).toHaveValue('120');
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'region-profile-edit');

    // Another assumption: a higher fertility rate asks for fewer families.
    const before = await page.getByTestId('settlement-CHILDREN').textContent();
    await page.getByRole('textbox', { name: /合計特殊出生率/ }).fill('2.1');
    await expect(page.getByText('入力した出生率で計算しています。')).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.getByTestId('settlement-CHILDREN')).not.toHaveText(before ?? '');

    // A guest, signed in to nothing, reads the public page.
    const guestContext = await browser.newContext({
      ...testInfo.project.use,
      baseURL: testInfo.project.use.baseURL,
    });
    const guest = await guestContext.newPage();
    await guest.goto(`/regions/${region.organizationId}`);
    await expect(
      guest.getByRole('heading', { name: '苫小牧市 地域振興課', level: 1 }),
    ).toBeVisible();
    await expect(guest.getByText('海と森にかこまれた港町です。', { exact: false })).toBeVisible();
    await expect(guest.getByTestId('population-total')).toContainText(
      TOTAL.toLocaleString('ja-JP'),
    );
    await expect(guest.getByTestId('settlement-TOTAL')).toHaveText(/^毎年 [\d.,]+世帯/, {
      timeout: 30_000,
    });
    await expect(guest.getByTestId('model')).toContainText('コーホート要因法');
    await expect(guest.getByText('公開中・終了したプロジェクトはまだありません。')).toBeVisible();
    await expectAccessible(guest);
    await saveScreenshot(guest, testInfo, 'region-profile-public');

    // In English.
    await guest.evaluate(() => localStorage.setItem('tsunagu.language', 'en'));
    await guest.reload();
    await expect(guest.getByRole('heading', { name: 'Population and outlook' })).toBeVisible();
    await expect(guest.getByTestId('settlement-TOTAL')).toHaveText(
      /^[\d.,]+ households \([\d.,]+ people\) a year$/,
      { timeout: 30_000 },
    );
    await expect(guest.getByTestId('model')).toContainText('cohort-component method');
    await expectAccessible(guest);
    await saveScreenshot(guest, testInfo, 'region-profile-public-en');
    await guestContext.close();
  });

  test('a project’s page leads to its region’s page', async ({ page, request }) => {
    const title = '美幌町の空き家バンクを一緒に立て直すプロジェクト';
    const { projects } = await gql<{
      projects: { edges: Array<{ node: { id: string; title: string } }> };
    }>(
      request,
      'query($m: String!) { projects(filter: { municipalityCode: $m }, first: 20) { edges { node { id title } } } }',
      { m: '015431' },
    );
    const project = projects.edges.find((e) => e.node.title === title);
    expect(project).toBeDefined();
    await page.goto(`/projects/${project!.node.id}`);
    await page.getByRole('link', { name: '美幌町 まちづくりグループ' }).click();
    await expect(
      page.getByRole('heading', { name: '美幌町 まちづくりグループ', level: 1 }),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: title })).toBeVisible();
  });
});
