import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { expectAccessible, openMenuOnPhone, saveScreenshot } from './support/helpers';
import { newOrganization, type StaffMember } from './support/organizations';
import { gql } from './support/graphql-requests';
import { signInThroughPage } from './support/participants';

// Each viewport's journey has a prefecture of its own, so the two running side by side never see
// each other's submissions in their queue: Okinawa (那覇市) on a desktop, Kagoshima (鹿児島市) on a
// phone.
const PLACES = {
  desktop: { prefecture: '47', municipality: '472018', region: '那覇市 まちづくり課' },
  phone: { prefecture: '46', municipality: '462012', region: '鹿児島市 地域振興課' },
} as const;

async function submitProject(
  request: APIRequestContext,
  region: StaffMember,
  title: string,
): Promise<string> {
  const { createProject } = await gql<{ createProject: { id: string } }>(
    request,
    `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`,
    {
      input: {
        regionOrganizationId: region.organizationId,
        title,
        description: '商店街の空き店舗を、週末だけ開くまちの案内所にします。',
        themeCode: 'work',
        mode: 'HYBRID',
        startDate: '2027-04-01',
        endDate: '2027-09-30',
        capacity: 2,
      },
    },
    region.token,
  );
  await resubmit(request, region, createProject.id);
  return createProject.id;
}

async function resubmit(request: APIRequestContext, region: StaffMember, id: string) {
  await gql(
    request,
    `mutation($id: ID!) { submitProject(id: $id) { status } }`,
    { id },
    region.token,
  );
}

// The types of the region's notifications about the project, newest first.
async function regionHeard(request: APIRequestContext, region: StaffMember, projectId: string) {
  const { myNotifications } = await gql<{
    myNotifications: { edges: Array<{ node: { type: string; projectId: string | null } }> };
  }>(
    request,
    `{ myNotifications(first: 20) { edges { node { type projectId } } } }`,
    {},
    region.token,
  );
  return myNotifications.edges.map((e) => e.node).filter((n) => n.projectId === projectId);
}

async function openQueueItem(page: Page, title: string) {
  const item = page.getByTestId('review-item').filter({ hasText: title });
  await expect(item).toBeVisible();
  await item.getByRole('link', { name: title }).click();
}

test.describe('an intermediary reviews what regions submit', () => {
  test('hears of a submission, sends it back with a comment, then publishes it', async ({
    page,
    request,
  }, testInfo) => {
    test.setTimeout(120_000);
    const place = PLACES[testInfo.project.name as keyof typeof PLACES];
    const tag = `${testInfo.project.name}-${Date.now()}`;
    const hub = await newOrganization(request, {
      kind: 'INTERMEDIARY',
      name: `南の島つなぎ ${tag}`,
      staffName: '比嘉 みなみ',
      remitPrefectures: [place.prefecture],
    });
    const region = await newOrganization(request, {
      kind: 'REGION',
      name: place.region,
      staffName: '前田 ゆい',
      municipalityCode: place.municipality,
    });
    const title = `週末のまち案内所 ${tag}`;
    const projectId = await submitProject(request, region, title);

    // The bell tells the intermediary, and leads to the review page of its own workspace.
    await signInThroughPage(page, hub.email, hub.password);
    await page.getByTestId('notification-bell').click();
    const notice = page.getByRole('link', {
      name: `${place.region}から「${title}」の審査依頼が届きました。`,
    });
    await expect(notice).toBeVisible();
    await notice.click();
    await expect(page).toHaveURL(`/manage/${hub.organizationId}/review/${projectId}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText('審査に提出')).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'review-project');

    // The queue lists it with its region and waiting time.
    await page.getByRole('link', { name: '審査待ちの一覧へ戻る' }).click();
    await expect(page.getByRole('heading', { name: '審査待ちのプロジェクト' })).toBeVisible();
    const item = page.getByTestId('review-item').filter({ hasText: title });
    await expect(item).toContainText(place.region);
    await expect(item).toContainText('今日届きました');
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'review-queue');

    // Sending back needs a comment.
    await openQueueItem(page, title);
    await page.getByRole('button', { name: '修正を依頼する' }).click();
    await expect(page.getByText('差し戻す理由や直してほしい点を書いてください。')).toBeVisible();
    await page.getByLabel('コメント').fill('集合場所と雨の日の予定を書き足してください。');
    await page.getByRole('button', { name: '修正を依頼する' }).click();
    await expect(page.getByTestId('review-outcome')).toHaveText(
      `「${title}」を地域に差し戻しました。`,
    );
    await expect(page.getByText('審査待ちのプロジェクトはありません')).toBeVisible();
    await saveScreenshot(page, testInfo, 'review-queue-empty');
    await expect
      .poll(async () => (await regionHeard(request, region, projectId)).map((n) => n.type))
      .toEqual(['PROJECT_CHANGES_REQUESTED']);

    // Resubmitted, it is back in the queue; in English this time, the intermediary publishes it.
    await resubmit(request, region, projectId);
    await openMenuOnPhone(page);
    await page.getByText('English', { exact: true }).locator('visible=true').first().click();
    await page.reload();
    const again = page.getByTestId('review-item').filter({ hasText: title });
    await expect(again).toContainText('Resubmitted after 1 request(s) for changes');
    await openQueueItem(page, title);
    await expect(page.getByText('Changes requested', { exact: true })).toBeVisible();
    await expect(page.getByText('集合場所と雨の日の予定を書き足してください。')).toBeVisible();
    await page.getByLabel('Comment').fill('Thank you, it reads well now.');
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'review-project-en');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(page.getByTestId('review-outcome')).toHaveText(`"${title}" is published.`);
    await expect(page.getByTestId('review-item').filter({ hasText: title })).toHaveCount(0);
    await expect(page.getByText('No projects are waiting for review')).toBeVisible();
    await expect
      .poll(async () => (await regionHeard(request, region, projectId)).map((n) => n.type))
      .toEqual(['PROJECT_PUBLISHED', 'PROJECT_CHANGES_REQUESTED']);
  });
});
