import { expect, test } from '@playwright/test';
import { expectAccessible, openMenuOnPhone, saveScreenshot } from './support/helpers';
import { newOrganization } from './support/organizations';
import { signInThroughPage, signUpParticipant } from './support/participants';

test.describe('the workspace', () => {
  test('a region’s staff member finds their organisation behind 管理', async ({
    page,
    request,
  }, testInfo) => {
    const staff = await newOrganization(request, {
      kind: 'REGION',
      name: '苫小牧市 地域振興課',
      staffName: '田中 陽介',
    });
    await signInThroughPage(page, staff.email, staff.password);
    await openMenuOnPhone(page);
    await page.getByRole('link', { name: '管理', exact: true }).click();
    // With one organisation the list is skipped.
    await expect(page).toHaveURL(new RegExp(`/manage/${staff.organizationId}$`));
    await expect(
      page.getByRole('heading', { level: 1, name: '苫小牧市 地域振興課' }),
    ).toBeVisible();
    await expect(page.getByText('地域', { exact: true })).toBeVisible();
    await expect(
      page.getByRole('navigation', { name: '苫小牧市 地域振興課のページ' }),
    ).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'workspace-overview');
  });

  test('a participant has no workspace and cannot open an organisation’s', async ({
    page,
    request,
  }) => {
    const region = await newOrganization(request, {
      kind: 'REGION',
      name: '苫小牧市 観光課',
      staffName: '佐々木 恵',
    });
    const person = await signUpParticipant(request, {
      label: 'no-workspace',
      displayName: '小川 葵',
    });
    await signInThroughPage(page, person.email, person.password);
    await openMenuOnPhone(page);
    await expect(page.getByRole('link', { name: 'プロフィール', exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: '管理', exact: true })).toHaveCount(0);
    await page.goto(`/manage/${region.organizationId}`);
    await expect(page.getByText('この組織のメンバーではないため、表示できません。')).toBeVisible();
    await page.goto('/manage');
    await expect(page.getByText('所属している組織はありません。')).toBeVisible();
  });
});
