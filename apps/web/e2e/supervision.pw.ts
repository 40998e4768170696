import { expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD, expectAccessible, saveScreenshot } from './support/helpers';
import { newOrganization } from './support/organizations';
import { signInThroughPage } from './support/participants';

async function useEnglish(page: Page) {
  await page.addInitScript(() => localStorage.setItem('tsunagu.language', 'en'));
}

// The demo intermediary's own workspace (one organisation: /manage goes straight into it).
async function openWorkspace(page: Page) {
  await page.goto('/manage');
  await expect(page).toHaveURL(/\/manage\/[0-9a-f-]{36}$/);
  return page.url().split('/').pop()!;
}

test.describe('an intermediary supervises and tunes its programs', () => {
  test('a demo coordinator reads the supervision dashboard in Japanese', async ({
    page,
  }, testInfo) => {
    test.setTimeout(60_000);
    await signInThroughPage(page, 'hokkaido@demo.tsunagu.jp', DEMO_PASSWORD);
    const orgId = await openWorkspace(page);
    await page
      .getByRole('link', { name: '伴走ダッシュボード' })
      .locator('visible=true')
      .first()
      .click();
    await expect(page).toHaveURL(new RegExp(`/manage/${orgId}/supervision$`));
    await expect(page.getByRole('heading', { level: 2, name: '伴走ダッシュボード' })).toBeVisible();
    // One tile per health, each with a count; a tile filters the list (kept in the address).
    const tiles = page.getByRole('list', { name: '状況ごとの件数' });
    await expect(tiles.getByRole('listitem')).toHaveCount(3);
    await expect(page.getByTestId('health-tile-STALE')).toContainText(/\d+件/);
    await page.getByTestId('health-tile-STALE').click();
    await expect(page).toHaveURL(/health=STALE/);
    await expect(page.getByRole('radio', { name: '連絡が途絶えている' })).toBeChecked();
    await page.getByText('すべて', { exact: true }).click();
    await expect(page).not.toHaveURL(/health=/);
    for (const heading of [
      '進行中の活動',
      '期限切れの目標',
      '返事を待っている応募',
      'その後の聞き取り',
      'プログラムごとの活動報告の目安',
    ])
      await expect(page.getByRole('heading', { level: 3, name: heading })).toBeVisible();
    await expect(
      page.getByTestId('due-follow-up').or(page.getByText('今、聞き取りが必要な人はいません。')),
    ).not.toHaveCount(0);
    await expect(
      page
        .getByTestId('overdue-application')
        .or(page.getByText('返事が遅れている応募はありません。')),
    ).not.toHaveCount(0);
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'supervision-ja');
  });

  test('a demo coordinator reads it in English', async ({ page }, testInfo) => {
    test.setTimeout(60_000);
    await useEnglish(page);
    await signInThroughPage(page, 'tottori@demo.tsunagu.jp', DEMO_PASSWORD);
    const orgId = await openWorkspace(page);
    await page.goto(`/manage/${orgId}/supervision?health=NEEDS_ATTENTION`);
    await expect(
      page.getByRole('heading', { level: 2, name: 'Supervision dashboard' }),
    ).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Needs attention' })).toBeChecked();
    await expect(page.getByRole('heading', { level: 3, name: 'Follow-ups due' })).toBeVisible();
    await expect(
      page.getByRole('heading', { level: 3, name: 'Applications waiting for an answer' }),
    ).toBeVisible();
    await expect(
      page.getByTestId('due-follow-up').or(page.getByText('No follow-up is due.')),
    ).not.toHaveCount(0);
    await expect(
      page.getByTestId('supervised-engagement').or(page.getByText('No engagements in this state.')),
    ).not.toHaveCount(0);
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'supervision-en');
  });

  test('a new intermediary creates a program, previews and saves weights, sets the rhythm', async ({
    page,
    request,
  }, testInfo) => {
    test.setTimeout(90_000);
    // Hokkaido: its demo projects stand in for the new program's preview.
    const staff = await newOrganization(request, {
      kind: 'INTERMEDIARY',
      name: '道南つなぐ協議会',
      staffName: '石川 由紀',
      remitPrefectures: ['01'],
    });
    await signInThroughPage(page, staff.email, staff.password);
    await page.goto(`/manage/${staff.organizationId}/programs`);
    await expect(page.getByRole('heading', { level: 2, name: 'プログラム' })).toBeVisible();
    await expect(page.getByText('プログラムはまだありません。')).toBeVisible();
    await expectAccessible(page);

    // A name is required, on its field.
    await page.getByRole('button', { name: '作成する' }).click();
    await expect(page.getByLabel('プログラム名')).toHaveAccessibleDescription(
      /プログラム名を入力してください/,
    );
    await page.getByLabel('プログラム名').fill('道南ワーケーション2027');
    await page.getByLabel('説明（任意）').fill('函館周辺で副業人材と地域をつなぎます。');
    await page.getByRole('button', { name: '作成する' }).click();
    await expect(page.getByText('プログラムを作成しました')).toBeVisible();
    await page.getByRole('button', { name: /道南ワーケーション2027/ }).click();

    // Theme counts for everything: the preview shows who moves, before anything is saved.
    await expect(page.getByTestId('weights-version')).toContainText('標準の設定');
    for (const factor of ['skills', 'availability', 'distance', 'goal', 'tie', 'fairness'])
      await page.getByTestId(`weight-${factor}`).fill('0');
    await page.getByTestId('weight-theme').fill('1');
    await page.getByRole('button', { name: '順位の変化を見る' }).click();
    await expect(page.getByRole('heading', { name: '順位の変化（保存前の試算）' })).toBeVisible();
    await expect(
      page.getByText('このプログラムにはまだ公開中のプロジェクトがないため'),
    ).toBeVisible();
    await expect(page.getByTestId('preview-project').first()).toBeVisible();
    await page.getByRole('switch', { name: '変わらない人も表示' }).check();
    await expect(page.getByTestId('rank-change').first()).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'programs-preview');

    await page.getByRole('button', { name: 'この重みで保存する' }).click();
    await expect(page.getByText('保存しました。おすすめを計算し直しています。')).toBeVisible();
    await expect(page.getByTestId('weights-version')).toContainText('-v1');

    // The check-in rhythm: out of range is refused, 10 days saved.
    const days = page.getByLabel('何日報告がなければ「連絡が途絶えている」とするか');
    await days.fill('400');
    await page.getByRole('button', { name: '保存する', exact: true }).click();
    await expect(page.getByText('1〜365の整数を入力してください')).toBeVisible();
    await days.fill('10');
    await page.getByRole('button', { name: '保存する', exact: true }).click();
    await expect(page.getByTestId('rhythm-current')).toHaveText('今の目安：10日');

    // The dashboard lists the program's rhythm.
    await page.goto(`/manage/${staff.organizationId}/supervision`);
    const rhythm = page.getByRole('region', { name: 'プログラムごとの活動報告の目安' });
    await expect(rhythm.getByText('道南ワーケーション2027')).toBeVisible();
    await expect(rhythm.getByText('10日')).toBeVisible();
    await saveScreenshot(page, testInfo, 'supervision-new');
  });
});
