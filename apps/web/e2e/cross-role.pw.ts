import {
  type Browser,
  expect,
  type Locator,
  type Page,
  test,
  type TestInfo,
} from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expectAccessible, openMenuOnPhone, saveScreenshot } from './support/helpers';
import { newOrganization } from './support/organizations';
import { signInThroughPage, signUpParticipant } from './support/participants';

// What follows a save waits longer: a write and its notifications queue behind other journeys'.
const SLOW = { timeout: 30_000 };

// A prefecture nobody else's journeys use (Tokushima, 神山町), so the new intermediary's review
// queue and reports hold this journey's projects only; the names take the walk's tag, so a retry
// (a second region and intermediary there) still picks its own.
const PLACE = {
  prefecture: '36',
  prefectureName: '徳島県',
  municipality: '363421',
  place: '徳島県神山町',
  region: '神山町 まちづくり課',
  hub: '阿波つなぐ伴走センター',
} as const;

// One person on a browser of their own: staff at a desk, the participant on a phone, each as the
// config's project of that name sets its browsers up.
async function signedInAs(
  browser: Browser,
  testInfo: TestInfo,
  person: { email: string; password: string },
  device: 'desktop' | 'phone',
): Promise<Page> {
  const use = testInfo.config.projects.find((p) => p.name === device)!.use;
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    viewport: use.viewport,
    userAgent: use.userAgent,
    deviceScaleFactor: use.deviceScaleFactor,
    isMobile: use.isMobile,
    hasTouch: use.hasTouch,
    locale: testInfo.project.use.locale,
    timezoneId: testInfo.project.use.timezoneId,
  });
  const page = await context.newPage();
  await signInThroughPage(page, person.email, person.password);
  return page;
}

// The workspace menu of one organisation (a column on a desktop, a row of links on a phone).
function workspaceLink(page: Page, staff: { organizationName: string }, name: string): Locator {
  return page
    .getByRole('navigation', { name: `${staff.organizationName}のページ` })
    .getByRole('link', { name, exact: true });
}

// A star of a rating: its radio is visually hidden, its label is the star people click.
async function rate(scope: Locator, page: Page, stars: number) {
  const radio = scope.getByRole('radio', { name: `5段階中 ${stars}`, exact: true });
  await page.locator(`label[for="${await radio.getAttribute('id')}"]`).click();
  await expect(radio).toBeChecked();
}

// The CSV's rows without the byte order mark and the final line break.
async function downloadCsv(page: Page): Promise<string[]> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'CSV をダウンロード' }).click(),
  ]);
  const text = await readFile(await download.path(), 'utf8');
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .slice(0, -1);
}

test.describe('one project across every role', () => {
  test('a region posts it, an intermediary publishes and supervises it, a participant takes part, and the reports count it', async ({
    browser,
    request,
  }, testInfo) => {
    // One walk, its browsers sized each for its person: walked twice (once per project) it took
    // twice the time of a loaded machine for nothing more.
    test.skip(testInfo.project.name !== 'desktop', 'the participant walks it on a phone inside');
    // Three people on three browsers through fifteen screens, on a machine shared with others.
    test.setTimeout(600_000);
    const tag = Date.now().toString(36);
    const place = { ...PLACE, region: `${PLACE.region} ${tag}`, hub: `${PLACE.hub} ${tag}` };
    const regionStaff = await newOrganization(request, {
      kind: 'REGION',
      name: place.region,
      staffName: '森口 千里',
      municipalityCode: place.municipality,
    });
    const hubStaff = await newOrganization(request, {
      kind: 'INTERMEDIARY',
      name: place.hub,
      staffName: '吉岡 陽介',
      remitPrefectures: [place.prefecture],
    });
    const region = { ...regionStaff, organizationName: place.region };
    const hub = { ...hubStaff, organizationName: place.hub };
    const participant = await signUpParticipant(request, {
      label: 'cross-role',
      displayName: '青木 ひなた',
      visibility: 'INTERMEDIARIES_AND_REGIONS',
    });
    const title = `棚田の草刈りと縁側カフェの手伝い ${tag}`;

    // 1. The region posts the project through the guided form and sends it for review.
    const regionPage = await signedInAs(browser, testInfo, region, 'desktop');
    await regionPage.goto(`/manage/${region.organizationId}`);
    await workspaceLink(regionPage, region, 'プロジェクト').click();
    await expect(regionPage.getByText('まだプロジェクトはありません。')).toBeVisible();
    await regionPage.getByRole('link', { name: '新しいプロジェクトを作る' }).click();
    await expect(regionPage.getByRole('heading', { name: '新しいプロジェクト' })).toBeVisible();
    await expect(regionPage.getByText(place.place)).toBeVisible();
    await regionPage.getByRole('textbox', { name: 'タイトル' }).fill(title);
    await regionPage
      .getByRole('textbox', { name: '内容' })
      .fill('棚田の草刈りを手伝い、週末だけ開く縁側カフェで地域の人と話す場をつくります。');
    await regionPage.getByRole('combobox', { name: 'テーマ' }).selectOption({ index: 1 });
    await regionPage.getByRole('radio', { name: '現地＋リモート' }).check();
    await regionPage.getByRole('checkbox', { name: '終了日を決めない（継続して募集）' }).check();
    await regionPage.getByRole('textbox', { name: '週あたりの活動時間' }).fill('6');
    await regionPage.getByRole('textbox', { name: '募集人数' }).fill('2');
    await saveScreenshot(regionPage, testInfo, 'cross-role-1-region-form');
    await regionPage.getByRole('button', { name: '保存して確認に出す' }).click();
    await expect(regionPage.getByText('確認に出しました。')).toBeVisible(SLOW);
    await expect(regionPage.getByRole('heading', { level: 2, name: title })).toBeVisible();
    await expectAccessible(regionPage);

    // 2. The intermediary publishes it from its review queue.
    const hubPage = await signedInAs(browser, testInfo, hub, 'desktop');
    await hubPage.goto(`/manage/${hub.organizationId}`);
    await workspaceLink(hubPage, hub, '審査').click();
    await expect(hubPage.getByRole('heading', { name: '審査待ちのプロジェクト' })).toBeVisible();
    const queued = hubPage.getByTestId('review-item').filter({ hasText: title });
    await expect(queued).toContainText(place.region);
    await saveScreenshot(hubPage, testInfo, 'cross-role-2-review-queue');
    await queued.getByRole('link', { name: title }).click();
    await expect(hubPage.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await hubPage.getByLabel('コメント').fill('公開しました。良い出会いがありますように。');
    await hubPage.getByRole('button', { name: '公開する', exact: true }).click();
    await expect(hubPage.getByTestId('review-outcome')).toHaveText(
      `「${title}」を公開しました。`,
      SLOW,
    );

    // 3. A participant, on a phone, finds it by searching, and applies.
    const page = await signedInAs(browser, testInfo, participant, 'phone');
    await page.goto('/projects');
    await page.getByRole('searchbox', { name: 'キーワード' }).fill(tag);
    await page.getByRole('button', { name: '検索', exact: true }).click();
    const found = page.getByRole('article').filter({ hasText: title });
    await expect(found).toHaveCount(1);
    await expect(page.getByRole('article')).toHaveCount(1);
    await saveScreenshot(page, testInfo, 'cross-role-3-phone-search');
    await found.getByRole('link', { name: title }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await page
      .getByLabel('応募の動機')
      .fill('週末に通って草刈りを手伝い、縁側カフェで地域の方と話したいです。');
    await page.getByRole('button', { name: '応募する' }).click();
    await expect(page.getByText('このプロジェクトに応募済みです')).toBeVisible(SLOW);

    // 4. The region finds the application on the project's people page and accepts it.
    await regionPage.goto(`/manage/${region.organizationId}`);
    await workspaceLink(regionPage, region, 'プロジェクト').click();
    await regionPage.getByRole('link', { name: title }).click();
    await regionPage.getByRole('link', { name: '応募者・候補者' }).click();
    const application = regionPage.getByTestId('application');
    await expect(application).toContainText(participant.displayName);
    await saveScreenshot(regionPage, testInfo, 'cross-role-4-people');
    await application.getByRole('link', { name: '詳しく見る・対応する' }).click();
    await expect(
      regionPage.getByRole('heading', { level: 1, name: participant.displayName }),
    ).toBeVisible();
    const engagementId = new URL(regionPage.url()).pathname.split('/').pop()!;
    await regionPage.getByRole('button', { name: '受け入れる' }).click();
    await regionPage.getByRole('button', { name: '決定' }).click();
    await expect(regionPage.getByTestId('engagement-status')).toHaveText('受け入れ決定', SLOW);

    // 5. The intermediary hears of it through the bell and approves it with its terms.
    await hubPage.getByTestId('notification-bell').click();
    const notice = hubPage.getByRole('link', {
      name: `${participant.displayName}さんの「${title}」への参加状況が「受け入れ決定」になりました。`,
    });
    // Notifications go through the worker: slow on a loaded machine.
    await expect(notice).toBeVisible({ timeout: 60_000 });
    await notice.click();
    await expect(hubPage).toHaveURL(
      new RegExp(`/manage/${hub.organizationId}/engagements/${engagementId}$`),
    );
    await hubPage.getByRole('button', { name: '参加を承認する' }).click();
    await hubPage
      .getByRole('textbox', { name: /^目標/ })
      .fill('草刈りの段取りとカフェの発信を担う');
    await hubPage.getByRole('button', { name: '決定' }).click();
    await expect(hubPage.getByTestId('engagement-status')).toHaveText('承認済み', SLOW);
    await saveScreenshot(hubPage, testInfo, 'cross-role-5-approved');

    // 6. The region starts the activity; the participant reports hours from their own pages.
    await regionPage.reload();
    await regionPage.getByRole('button', { name: '活動開始にする' }).click();
    await regionPage.getByRole('button', { name: '決定' }).click();
    await expect(regionPage.getByTestId('engagement-status')).toHaveText('活動中', SLOW);

    await openMenuOnPhone(page);
    await page.getByRole('link', { name: '応募・活動', exact: true }).click();
    await page.getByRole('link', { name: title }).click();
    await expect(page.getByTestId('engagement-status')).toHaveText('活動中', SLOW);
    await page.getByLabel('やったこと').fill('棚田の畦の草刈りと、カフェの看板づくりをしました。');
    await page.getByRole('textbox', { name: /^時間/ }).fill('5.5');
    await page.getByRole('button', { name: '報告する' }).click();
    await expect(page.getByText('報告しました')).toBeVisible(SLOW);
    await expect(page.getByTestId('check-in')).toContainText('承認待ち');
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'cross-role-6-phone-check-in');

    // 7. The region approves the hours, completes the engagement and gives feedback.
    await regionPage.reload();
    const checkIn = regionPage.getByTestId('check-in');
    await expect(checkIn).toContainText('棚田の畦の草刈り');
    await checkIn.getByRole('button', { name: '時間を承認する' }).click();
    await expect(checkIn.getByRole('button', { name: '時間を承認する' })).toHaveCount(0, SLOW);
    await regionPage.getByRole('button', { name: '活動完了にする' }).click();
    await regionPage.getByRole('button', { name: '決定' }).click();
    await expect(regionPage.getByTestId('engagement-status')).toHaveText('完了', SLOW);
    const regionFeedback = regionPage.getByRole('region', { name: 'ふりかえり' });
    await rate(regionFeedback, regionPage, 5);
    await regionFeedback.getByLabel('コメント（任意）').fill('毎週の報告が丁寧で助かりました。');
    await regionFeedback.getByRole('button', { name: '送る' }).click();
    await expect(regionFeedback.getByTestId('feedback-REGION')).toContainText('5段階中 5', SLOW);
    await saveScreenshot(regionPage, testInfo, 'cross-role-7-region-completed');

    // 8. The participant sees it completed with the approved hours, and gives feedback too.
    await page.reload();
    await expect(page.getByTestId('engagement-status')).toHaveText('完了', SLOW);
    await expect(page.getByText('承認された時間の合計：5.5時間')).toBeVisible();
    await rate(page.getByRole('group', { name: '評価' }), page, 4);
    await page.getByLabel('コメント（任意）').fill('地域の方が温かく迎えてくれました。');
    await page.getByRole('button', { name: '送る' }).click();
    await expect(page.getByTestId('feedback-PARTICIPANT')).toContainText('5段階中 4', SLOW);
    await saveScreenshot(page, testInfo, 'cross-role-8-phone-completed');

    // 9. The intermediary's reports count it: in a chart's table, and in the CSV.
    await workspaceLink(hubPage, hub, '実績レポート').click();
    await expect(hubPage.getByRole('heading', { name: '実績レポート', level: 2 })).toBeVisible();
    await hubPage.getByRole('combobox', { name: '地域' }).click();
    await hubPage.getByRole('option', { name: place.region }).click();
    await expect(hubPage).toHaveURL(new RegExp(`region=${region.organizationId}`));
    const map = hubPage.getByTestId('chart-map');
    await expect(
      map.getByRole('row', { name: new RegExp(`^${place.prefectureName} 1 1$`) }),
    ).toBeVisible();
    await expect(hubPage.getByTestId('chart-hours').getByRole('table')).toContainText('5.5 時間');
    await hubPage.mouse.move(0, 0);
    await expectAccessible(hubPage);
    await saveScreenshot(hubPage, testInfo, 'cross-role-9-reports');

    await hubPage.getByRole('combobox', { name: 'CSV の集計単位' }).click();
    await hubPage.getByRole('option', { name: '地域ごと' }).click();
    const lines = await downloadCsv(hubPage);
    const row = lines.find((line) => line.startsWith(`${region.organizationId},`));
    expect(row, lines.join('\n')).toBeDefined();
    const cells = row!.split(',');
    // key, label, published projects, applications, offers, matches, … hours contributed.
    expect(cells.slice(0, 6)).toEqual([region.organizationId, place.region, '1', '1', '0', '1']);
    expect(cells[9]).toBe('5.5');
    await expect(hubPage.getByText('CSV を保存しました。')).toBeVisible();

    for (const each of [regionPage, hubPage, page]) await each.context().close();
  });
});

test.describe('a workspace on a phone', () => {
  test('an organisation whose name is one long phrase still fits the screen', async ({
    page,
    request,
  }, testInfo) => {
    test.skip(testInfo.project.name !== 'phone', 'a width only a phone lacks');
    test.setTimeout(120_000);
    // Japanese wraps between phrases, and a name like this one is a single phrase.
    const hub = await newOrganization(request, {
      kind: 'INTERMEDIARY',
      name: '丹波ローカル伴走センター',
      staffName: '吉岡 陽介',
    });
    await signInThroughPage(page, hub.email, hub.password);
    await page.goto(`/manage/${hub.organizationId}/review`);
    await expect(
      page.getByRole('heading', { level: 1, name: '丹波ローカル伴走センター' }),
    ).toBeVisible();
    await saveScreenshot(page, testInfo, 'workspace-long-name');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      page.viewportSize()!.width,
    );
  });
});
