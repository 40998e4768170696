import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, saveScreenshot } from './support/helpers';
import { newOrganization, type StaffMember } from './support/organizations';
import { gql } from './support/graphql-requests';
import { signInThroughPage } from './support/participants';

// The fiscal year the report opens on: April to March, in Japan.
function currentFiscalYear(): number {
  const japan = new Date(Date.now() + 9 * 3600_000);
  return japan.getUTCMonth() < 3 ? japan.getUTCFullYear() - 1 : japan.getUTCFullYear();
}

async function newProgram(request: Parameters<typeof gql>[0], staff: StaffMember, name: string) {
  const { createProgram } = await gql<{ createProgram: { id: string } }>(
    request,
    'mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }',
    {
      input: {
        intermediaryOrganizationId: staff.organizationId,
        name,
        description: '山形県内の農山村と都市の副業人材をつなぎ、関係人口の創出を図ります。',
      },
    },
    staff.token,
  );
  return createProgram.id;
}

async function stubPrint(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { printed: number; print: () => void };
    w.printed = 0;
    w.print = () => {
      w.printed += 1;
    };
  });
}

test.describe('the program report an intermediary hands to the prefecture', () => {
  test('a new intermediary sets targets and notes, sees results against them and prints', async ({
    page,
    request,
  }, testInfo) => {
    test.setTimeout(120_000);
    const staff = await newOrganization(request, {
      kind: 'INTERMEDIARY',
      name: 'やまがた関係人口推進機構',
      staffName: '斎藤 真理',
      remitPrefectures: ['06'],
    });
    const year = currentFiscalYear();
    await newProgram(request, staff, `やまがた副業人材${year}`);
    await signInThroughPage(page, staff.email, staff.password);

    // From the programs page, by its link.
    await page.goto(`/manage/${staff.organizationId}/programs`);
    await page.getByRole('button', { name: new RegExp(`やまがた副業人材${year}`) }).click();
    await page.getByRole('link', { name: '事業実績報告書' }).click();
    await expect(page).toHaveURL(/\/programs\/[0-9a-f-]{36}\/report$/);
    await expect(
      page.getByRole('heading', { level: 2, name: `${year}年度 事業実績報告書` }),
    ).toBeVisible();
    await expect(page.getByTestId('kpi-MATCHES')).toContainText('未設定');
    await expect(page.getByText('この年度の振り返りはまだ記入されていません。')).toBeVisible();

    // Counts are whole numbers: said on the field, nothing sent.
    const matches = page.getByRole('textbox', { name: 'マッチング成立数（件）' });
    await matches.fill('0');
    await page.getByRole('button', { name: '目標を保存' }).click();
    await expect(matches).toHaveAccessibleDescription(/1 以上の整数で入力してください/);
    await matches.fill('12');
    await page.getByRole('textbox', { name: '参加者数（関係人口）（人）' }).fill('10');
    await page.getByRole('textbox', { name: '活動時間（時間）' }).fill('120.5');
    await page.getByRole('button', { name: '目標を保存' }).click();
    await expect(page.getByText('目標を保存しました。')).toBeVisible();
    const matchesRow = page.getByTestId('kpi-MATCHES');
    await expect(matchesRow).toContainText('12');
    await expect(matchesRow).toContainText('0%');
    await expect(page.getByTestId('kpi-HOURS_CONTRIBUTED')).toContainText('120.5');
    await expect(page.getByTestId('kpi-APPLICATIONS')).toContainText('未設定');

    // The year's review, in the report with who wrote it.
    await page
      .getByRole('textbox', { name: '計画（Plan）' })
      .fill('県内5市町と連携し、副業人材の受入れを始める。');
    await page.getByRole('textbox', { name: '実行（Do）' }).fill('募集説明会を2回開いた。');
    await page.getByRole('textbox', { name: '評価（Check）' }).fill('応募は目標に届いていない。');
    await page.getByRole('textbox', { name: '改善（Act）' }).fill('大学との連携を次年度に始める。');
    await page.getByRole('button', { name: '振り返りを保存' }).click();
    await expect(page.getByText('振り返りを保存しました。')).toBeVisible();
    const sheet = page.locator('article.program-report-sheet');
    await expect(sheet.getByText('大学との連携を次年度に始める。')).toBeVisible();
    await expect(sheet.getByText(/最終更新：斎藤 真理/)).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'program-report');

    // The print button prints; printing shows the report alone.
    await stubPrint(page);
    await page.getByRole('button', { name: '印刷する' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: /のページ/ })).toBeHidden();
    await expect(page.getByRole('banner')).toBeHidden();
    await expect(page.getByRole('button', { name: '目標を保存' })).toBeHidden();
    await expect(
      page.getByRole('heading', { level: 1, name: 'やまがた関係人口推進機構' }),
    ).toBeHidden();
    await expect(
      page.getByRole('heading', { level: 2, name: `${year}年度 事業実績報告書` }),
    ).toBeVisible();
    await expect(sheet.getByRole('table', { name: 'KPI の目標と実績（表）' })).toBeVisible();
    await saveScreenshot(page, testInfo, 'program-report-print');
    if (testInfo.project.name === 'desktop') {
      await page.pdf({
        path: 'test-results/screenshots/program-report.pdf',
        format: 'A4',
        printBackground: true,
      });
    }
    await page.emulateMedia({ media: 'screen' });
  });

  test('the report reads in English', async ({ page, request }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'English once');
    test.setTimeout(90_000);
    const staff = await newOrganization(request, {
      kind: 'INTERMEDIARY',
      name: 'Shonai Relations Hub',
      staffName: 'Mari Saito',
      remitPrefectures: ['06'],
    });
    const programId = await newProgram(request, staff, 'Shonai side jobs');
    await gql(
      request,
      `mutation($input: SetProgramKpiTargetsInput!) { setProgramKpiTargets(input: $input) { metric } }`,
      {
        input: {
          programId,
          fiscalYear: currentFiscalYear(),
          targets: [{ metric: 'PARTICIPANTS', target: 20 }],
        },
      },
      staff.token,
    );
    await page.addInitScript(() => localStorage.setItem('tsunagu.language', 'en'));
    await signInThroughPage(page, staff.email, staff.password);
    await page.goto(`/manage/${staff.organizationId}/programs/${programId}/report`);
    const year = currentFiscalYear();
    // Five reports' figures in one request: slow on a loaded machine.
    await expect(
      page.getByRole('heading', { level: 2, name: `FY${year} program report` }),
    ).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('columnheader', { name: 'Indicator' })).toBeVisible();
    await expect(page.getByTestId('kpi-PARTICIPANTS')).toContainText('20');
    await expect(page.getByTestId('kpi-PARTICIPANTS')).toContainText('0%');
    await expect(page.getByText('No review has been written for this year yet.')).toBeVisible();

    // Another year from the list: nothing planned there yet.
    await page.getByRole('combobox', { name: 'Fiscal year' }).click();
    await page.getByRole('option', { name: `FY${year - 1}` }).click();
    await expect(page).toHaveURL(new RegExp(`fiscalYear=${year - 1}`));
    await expect(
      page.getByRole('heading', { level: 2, name: `FY${year - 1} program report` }),
    ).toBeVisible();
    await expect(page.getByTestId('kpi-PARTICIPANTS')).toContainText('Not set');
    await expect(
      page.getByRole('textbox', { name: 'People matched (relationship population)' }),
    ).toHaveValue('');
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'program-report-en');
  });
});
