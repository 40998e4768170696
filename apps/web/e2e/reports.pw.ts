import { expect, type Page, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { DEMO_PASSWORD, expectAccessible, saveScreenshot } from './support/helpers';
import { signInThroughPage } from './support/participants';

// The CSV's rows without the byte order mark and the final line break.
async function csvLines(page: Page, click: () => Promise<void>): Promise<string[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  expect(download.suggestedFilename()).toMatch(/^tsunagu-kpi-\d{4}-04-01_\d{4}-03-31-theme\.csv$/);
  const text = await readFile(await download.path(), 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return text.slice(1).split('\r\n').slice(0, -1);
}

// The reports of a demo intermediary, read only: its workspace's 実績レポート page.
async function openReports(page: Page, email: string, menuEntry: string): Promise<void> {
  await signInThroughPage(page, email, DEMO_PASSWORD);
  await page.goto('/manage');
  await expect(page).toHaveURL(/\/manage\/[0-9a-f-]{36}$/);
  await page.getByRole('link', { name: menuEntry, exact: true }).first().click();
  await expect(page).toHaveURL(/\/reports$/);
  // The pointer leaves the menu: a hovered link is shaded darker than its resting colours.
  await page.mouse.move(0, 0);
}

test.describe('reports', () => {
  test('an intermediary reads its figures as charts, a map and tables, filters them and downloads the CSV', async ({
    page,
  }, testInfo) => {
    test.setTimeout(90_000);
    await openReports(page, 'hokkaido@demo.tsunagu.jp', '実績レポート');
    await expect(page.getByRole('heading', { name: '実績レポート', level: 2 })).toBeVisible();
    const summary = page.getByRole('region', { name: '期間の実績' });
    await expect(summary.getByText('応募', { exact: true })).toBeVisible();

    // Each chart is drawn (on a canvas) with its table beside it.
    for (const id of ['chart-over-time', 'chart-by-theme', 'chart-hours', 'chart-map']) {
      const figure = page.getByTestId(id);
      await expect(figure.locator('.report-chart canvas')).toBeVisible();
      await expect(figure.getByRole('table')).toBeVisible();
    }
    const map = page.getByTestId('chart-map');
    await expect(map.getByRole('rowheader', { name: '北海道' })).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'reports');

    // A filter narrows every figure and stays in the address.
    const themeRows = page.getByTestId('chart-by-theme').getByRole('row');
    const themes = (await themeRows.count()) - 1;
    expect(themes).toBeGreaterThan(0);
    await page.getByRole('combobox', { name: '参加者の種類' }).click();
    await page.getByRole('option', { name: '大学生' }).click();
    await expect(page).toHaveURL(/kind=UNIVERSITY_STUDENT/);
    await expect(
      page
        .getByText('この条件に当てはまる実績はまだありません。')
        .or(page.getByTestId('chart-by-kind').getByRole('rowheader', { name: '大学生' })),
    ).toBeVisible();
    await page.getByRole('combobox', { name: '参加者の種類' }).click();
    await page.getByRole('option', { name: 'すべて' }).click();
    await expect(page).not.toHaveURL(/kind=/);
    await expect(page.getByTestId('chart-by-theme').getByRole('row')).toHaveCount(themes + 1);

    // The CSV by theme: the header row, then one row per theme with figures.
    await page.getByRole('combobox', { name: 'CSV の集計単位' }).click();
    await page.getByRole('option', { name: 'テーマごと' }).click();
    const lines = await csvLines(page, () =>
      page.getByRole('button', { name: 'CSV をダウンロード' }).click(),
    );
    expect(lines[0]).toMatch(/^区分キー \(key\),区分 \(label\),/);
    // Other journeys publish projects in the same demo remit meanwhile: a theme may have gained
    // its first figures since the table was read, never lost them.
    const keys = lines.slice(1).map((line) => line.split(',')[0]);
    expect(keys.length).toBeGreaterThanOrEqual(themes);
    for (const key of keys) expect(['agriculture', 'learning', 'local', 'work']).toContain(key);
    expect(new Set(keys).size).toBe(keys.length);
    await expect(page.getByText('CSV を保存しました。')).toBeVisible();
  });

  // The demo's Tottori intermediary has no applications yet: the figures read as zeros, in English.
  test('in English, an intermediary’s reports read in English, empty ones too', async ({
    page,
  }, testInfo) => {
    test.setTimeout(90_000);
    await page.addInitScript(() => localStorage.setItem('tsunagu.language', 'en'));
    await openReports(page, 'tottori@demo.tsunagu.jp', 'Reports');
    await expect(page.getByRole('heading', { name: 'Reports', level: 2 })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Period (fiscal year)' })).toHaveValue(
      /^FY\d{4}$/,
    );
    await expect(page.getByText(/^April 1, \d{4} – March 31, \d{4}$/)).toBeVisible();
    const summary = page.getByRole('region', { name: 'Figures for the period' });
    await expect(summary.getByText('Hours contributed', { exact: true })).toBeVisible();
    await expect(
      page.getByText('Nothing matches these filters yet.').or(page.getByTestId('chart-map')),
    ).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'reports-en');

    await page.getByRole('combobox', { name: 'CSV rows' }).click();
    await page.getByRole('option', { name: 'By theme' }).click();
    const lines = await csvLines(page, () =>
      page.getByRole('button', { name: 'Download CSV' }).click(),
    );
    expect(lines[0]).toMatch(/^区分キー \(key\),区分 \(label\),/);
    await expect(page.getByText('The CSV file has been saved.')).toBeVisible();
  });
});
