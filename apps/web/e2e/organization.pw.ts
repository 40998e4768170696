import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectAccessible, saveScreenshot, uniqueEmail } from './support/helpers';
import { signUpVerified } from './support/mail';
import { newOrganization } from './support/organizations';
import { gql } from './support/graphql-requests';
import { signInThroughPage } from './support/participants';

// An intermediary of its own covering Hokkaido, with a program of its own: what a region in
// Tomakomai (012131) sees among those supervising it.
async function intermediaryWithProgram(request: APIRequestContext, label: string) {
  const hub = await newOrganization(request, {
    kind: 'INTERMEDIARY',
    name: `北海道みらい伴走ネット ${label}`,
    staffName: '高橋 さくら',
    remitPrefectures: ['01'],
  });
  const program = {
    name: `苫東ワーケーション ${label}`,
    description: '都市の人が週末に苫小牧の農園や港の仕事を手伝う、関係人口づくりのプログラムです。',
  };
  await gql(
    request,
    'mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }',
    { input: { intermediaryOrganizationId: hub.organizationId, ...program } },
    hub.token,
  );
  return { hub, program };
}

function workspaceLink(page: Page, orgName: string, name: string) {
  return page
    .getByRole('navigation', { name: new RegExp(`^${orgName}`) })
    .getByRole('link', { name, exact: true });
}

test.describe('an organisation’s own page', () => {
  test.use({ actionTimeout: 15_000 });

  test('a new region sees itself, adds a member, sees who supports it, and joins a program', async ({
    page,
    request,
  }, testInfo) => {
    // A slow step under a loaded machine: the whole journey, not one wait, gets more time.
    test.setTimeout(300_000);
    const label = String(Date.now());
    const regionName = `苫小牧市 企画課 ${label}`;
    const region = await newOrganization(request, {
      kind: 'REGION',
      name: regionName,
      staffName: '中村 悠斗',
      municipalityCode: '012131',
    });
    const { program } = await intermediaryWithProgram(request, label);
    const colleague = { email: uniqueEmail('colleague'), displayName: '森 千尋' };
    await signUpVerified(request, { ...colleague, password: 'long-enough-password' });

    await signInThroughPage(page, region.email, region.password);
    await page.goto(`/manage/${region.organizationId}`);
    // First of a region's pages, after the overview.
    const menu = page.getByRole('navigation', { name: `${regionName}のページ` });
    await expect(menu.getByRole('link').nth(1)).toHaveText('組織の情報');
    await workspaceLink(page, regionName, '組織の情報').click();

    await expect(page.getByRole('heading', { level: 2, name: '組織の情報' })).toBeVisible();
    await expect(page.getByText('所在地：北海道苫小牧市')).toBeVisible();
    const members = page.getByRole('listitem').filter({ hasText: '中村 悠斗' });
    await expect(members.getByText('あなた', { exact: true })).toBeVisible();
    await expect(members.getByText('管理者', { exact: true })).toBeVisible();
    await expect(members.getByText(region.email)).toBeVisible();
    // Who supports the region: the demo hub covering Hokkaido and this test's, with its program.
    const supporters = page.getByRole('region', { name: '伴走してくれる中間支援組織' });
    await expect(supporters.getByText('一般社団法人 北海道関係人口つなぐネット')).toBeVisible();
    const ours = supporters
      .getByRole('listitem')
      .filter({ hasText: `北海道みらい伴走ネット ${label}` });
    await expect(ours.getByText(program.name)).toBeVisible();
    await expect(ours.getByText(program.description)).toBeVisible();
    await expect(
      supporters.getByText('連絡は Tsunagu の中でとれます。', { exact: false }),
    ).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'organization-region');

    // An owner adds a colleague by e-mail, as staff.
    const addMember = page.getByRole('form', { name: 'メンバーを追加する' });
    await addMember.getByRole('textbox', { name: /メールアドレス/ }).fill('nobody@example.jp');
    await addMember.getByRole('button', { name: '追加する' }).click();
    await expect(addMember.getByText('このメールアドレスのアカウントはありません。')).toBeVisible();
    await addMember.getByRole('textbox', { name: /メールアドレス/ }).fill(colleague.email);
    await addMember.getByRole('button', { name: '追加する' }).click();
    await expect(addMember.getByRole('status')).toHaveText('メンバーに追加しました。');
    const added = page.getByRole('listitem').filter({ hasText: colleague.displayName });
    await expect(added.getByText('担当者', { exact: true })).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'organization-member-added');

    // …and takes them off again, after confirming.
    await page
      .getByRole('button', { name: `${colleague.displayName}さんをメンバーから外す` })
      .click();
    const dialog = page.getByRole('dialog', { name: 'メンバーから外す' });
    await expect(dialog).toBeVisible();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: '外す' }).click();
    await expect(
      page.getByText(`${colleague.displayName}さんをメンバーから外しました。`),
    ).toBeVisible();
    await expect(added).toHaveCount(0);

    // A draft that joins the program.
    await page.goto(`/manage/${region.organizationId}/projects/new`);
    await expect(page.getByRole('heading', { name: '新しいプロジェクト' })).toBeVisible();
    const projectTitle = `港の朝市の手伝い ${label}`;
    await page.getByRole('textbox', { name: 'タイトル' }).fill(projectTitle);
    await page
      .getByRole('textbox', { name: '内容' })
      .fill('苫小牧港の朝市で、出店の準備と来場者の案内を手伝ってください。');
    await page.getByRole('combobox', { name: 'テーマ' }).selectOption({ index: 1 });
    await page.getByRole('checkbox', { name: '終了日を決めない（継続して募集）' }).check();
    const programField = page.getByRole('combobox', { name: '参加するプログラム' });
    await programField.selectOption({ label: program.name });
    await expect(page.getByText(program.description)).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'organization-project-program');

    // The API's refusal of a program the region may not join shows on the field: the request
    // is changed on its way to name a program that is not one of the covering intermediaries'.
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as {
        operationName?: string;
        variables?: { input?: { programId?: string } };
      };
      if (body?.operationName === 'CreateProject' && body.variables?.input) {
        body.variables.input.programId = randomUUID();
        await route.continue({ postData: JSON.stringify(body) });
        return;
      }
      await route.continue();
    });
    await page.getByRole('button', { name: '下書きを保存' }).click();
    await expect(
      page.getByText('このプログラムには参加できません。', { exact: false }),
    ).toBeVisible();
    await expect(programField).toHaveAttribute('aria-invalid', 'true');
    await page.unroute('**/graphql');

    await page.getByRole('button', { name: '下書きを保存' }).click();
    await expect(page.getByText('下書きを保存しました。')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: projectTitle })).toBeVisible();
    await expect(page.getByText(program.name)).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'organization-project-overview');
  });

  test('an intermediary reads its remit and programs, in English', async ({
    page,
    request,
  }, testInfo) => {
    test.setTimeout(120_000);
    const label = String(Date.now());
    const { hub, program } = await intermediaryWithProgram(request, label);
    await page.addInitScript(() => localStorage.setItem('tsunagu.language', 'en'));
    await signInThroughPage(page, hub.email, hub.password);
    await page.goto(`/manage/${hub.organizationId}/organization`);
    await expect(
      page.getByRole('heading', { level: 1, name: `北海道みらい伴走ネット ${label}` }),
    ).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Organisation' })).toBeVisible();
    const remit = page.getByRole('region', { name: 'Area covered' });
    await expect(remit.getByText('Hokkaido', { exact: true })).toBeVisible();
    await expect(page.getByText(program.name)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Program settings' })).toHaveAttribute(
      'href',
      `/manage/${hub.organizationId}/programs`,
    );
    const me = page.getByRole('listitem').filter({ hasText: '高橋 さくら' });
    await expect(me.getByText('Owner', { exact: true })).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'organization-intermediary-en');
  });
});
