import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, fillDay, saveScreenshot } from './support/helpers';
import { newOrganization } from './support/organizations';
import { gql } from './support/graphql-requests';
import { signInThroughPage, signUpParticipant } from './support/participants';

// A demo project open to company employees (demo-data.ts): read, and applied to by new people.
const DEMO_PROJECT = '木曽ひのきの端材を使った商品開発';

const ACCEPT = `mutation($input: CompanyInvitationIdInput!) {
  acceptCompanyInvitation(input: $input) { id } }`;
const MY_INVITATIONS = `{ myCompanyInvitations { id company { id } } }`;

// The company's pages are opened by their address: the folded phone menu is another test's.
async function open(page: Page, orgId: string, path: string, heading: string | RegExp) {
  await page.goto(`/manage/${orgId}/company/${path}`);
  await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
}

test.describe('a company and its employees', () => {
  test('enrols employees, runs a program, applies as a team and reads its impact', async ({
    page,
    request,
    browser,
  }, testInfo) => {
    // Seven screens, two accounts in the browser and a dozen API steps on a shared machine.
    test.setTimeout(180_000);
    const suffix = `${testInfo.project.name}-${Date.now()}`;
    const owner = await newOrganization(request, {
      kind: 'COMPANY',
      name: `つなぐ商事 ${suffix}`,
      staffName: '人事 花子',
    });
    const orgId = owner.organizationId;
    const [aoi, ren] = await Promise.all([
      signUpParticipant(request, { label: 'company-aoi', displayName: '青井 葵' }),
      signUpParticipant(request, { label: 'company-ren', displayName: '山田 蓮' }),
    ]);

    // Employees: nobody yet; invite two addresses.
    await signInThroughPage(page, owner.email, owner.password);
    await open(page, orgId, 'employees', '社員');
    await expect(page.getByText('まだ登録された社員はいません。')).toBeVisible();
    for (const person of [aoi, ren]) {
      await page.getByLabel(/^メールアドレス/).fill(person.email);
      await page.getByRole('button', { name: '招待する' }).click();
      await expect(page.getByText(`${person.email} に招待を送りました。`)).toBeVisible();
    }
    const pending = page.getByRole('region', { name: '承認待ちの招待' });
    await expect(pending.getByText(aoi.email)).toBeVisible();
    await expect(pending.getByText(ren.email)).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'company-employees-invited');

    // Aoi accepts on her profile page, told what the company will see; Ren through the API.
    const context = await browser.newContext({
      baseURL: testInfo.project.use.baseURL,
      viewport: testInfo.project.use.viewport,
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
    });
    const aoiPage = await context.newPage();
    await signInThroughPage(aoiPage, aoi.email, aoi.password);
    await aoiPage.goto('/profile');
    const invitation = aoiPage.getByTestId('company-invitation');
    await expect(invitation).toContainText(`つなぐ商事 ${suffix}から、社員として登録する招待`);
    await expect(invitation).toContainText('名前と応募・活動の件数が表示されます');
    await expectAccessible(aoiPage);
    await saveScreenshot(aoiPage, testInfo, 'company-invitation');
    await invitation.getByRole('button', { name: '承認する' }).click();
    await expect(
      aoiPage.getByText(`つなぐ商事 ${suffix}の社員として登録されました。`),
    ).toBeVisible();
    await context.close();
    const { myCompanyInvitations } = await gql<{ myCompanyInvitations: Array<{ id: string }> }>(
      request,
      MY_INVITATIONS,
      {},
      ren.token,
    );
    await gql(request, ACCEPT, { input: { invitationId: myCompanyInvitations[0].id } }, ren.token);

    await page.reload();
    const employees = page.getByTestId('employees');
    await expect(employees.getByRole('listitem').filter({ hasText: '青井 葵' })).toContainText(
      '0件',
    );
    await expect(employees.getByRole('listitem').filter({ hasText: '山田 蓮' })).toBeVisible();
    // Found by part of a name: the list narrows to them.
    await page.getByRole('searchbox', { name: '名前で探す' }).fill('蓮');
    await expect(employees.getByRole('listitem')).toHaveCount(1);
    await expect(employees.getByRole('listitem')).toContainText('山田 蓮');
    await page.getByRole('searchbox', { name: '名前で探す' }).fill('');
    await expect(employees.getByRole('listitem')).toHaveCount(2);
    await expect(page.getByText('承認待ちの招待はありません。')).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'company-employees');

    // Programs: create one and add the demo project from the search.
    await open(page, orgId, 'programs', '企業プログラム');
    await expect(page.getByText('まだプログラムはありません。')).toBeVisible();
    await page.getByLabel(/^プログラム名/).fill('2027年度 地域留職プログラム');
    await page.getByLabel(/^説明/).fill('社員が週末に地域の商品開発を手伝います。');
    // Days typed as the page writes them.
    await fillDay(page.getByRole('textbox', { name: /^開始日/ }), '2027年4月1日');
    await fillDay(page.getByRole('textbox', { name: /^終了日/ }), '2027年3月31日');
    await page.getByRole('button', { name: '作成する' }).click();
    await expect(page.getByRole('textbox', { name: /^終了日/ })).toHaveAccessibleDescription(
      /2027年4月1日以降の日付を入力してください/,
    );
    await fillDay(page.getByRole('textbox', { name: /^終了日/ }), '2028-03-31');
    await page.getByRole('button', { name: '作成する' }).click();
    const program = page.getByTestId('company-program');
    await expect(
      program.getByRole('heading', { name: '2027年度 地域留職プログラム' }),
    ).toBeVisible();
    await expect(program.getByText('対象のプロジェクトはまだありません。')).toBeVisible();
    await program.getByLabel(/^プロジェクトを検索/).fill('木曽ひのき');
    // The search settles on the one demo project so named before its button is pressed.
    await expect(program.getByRole('button', { name: /^加える: / })).toHaveCount(1);
    await program.getByRole('button', { name: `加える: ${DEMO_PROJECT}` }).click();
    await expect(program.getByRole('link', { name: DEMO_PROJECT })).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'company-programs');

    // Teams: both employees, in the program; apply together to the demo project.
    await open(page, orgId, 'teams', 'チーム');
    await page.getByLabel(/^チーム名/).fill('商品開発チーム');
    await page
      .getByRole('combobox', { name: 'プログラム' })
      .selectOption({ label: '2027年度 地域留職プログラム' });
    // Members are found by name as one types (a company may have thousands), shown as chips.
    const members = page.getByRole('textbox', { name: 'メンバー' });
    for (const [typed, name] of [
      ['青井', '青井 葵'],
      ['蓮', '山田 蓮'],
    ]) {
      await members.fill(typed);
      // On a phone a tap on an option that has just appeared was sometimes lost (the list stayed
      // open with it; 1–2 runs in 6; cause not yet found): tap again until its chip shows.
      await expect(async () => {
        if (await page.getByRole('option', { name }).isVisible())
          await page.getByRole('option', { name }).click({ timeout: 2000 });
        await expect(page.getByRole('button', { name: `${name}さんを外す` })).toBeVisible({
          timeout: 1000,
        });
      }).toPass();
    }
    await page.getByRole('button', { name: '作成する' }).click();
    const team = page.getByTestId('company-team');
    await expect(team.getByRole('heading', { name: '商品開発チーム' })).toBeVisible();
    await expect(team).toContainText('青井 葵');
    await expect(team.getByText('まだ応募はありません。')).toBeVisible();
    await team
      .getByRole('combobox', { name: /^応募するプロジェクト/ })
      .selectOption({ label: DEMO_PROJECT });
    await team
      .getByLabel(/^応募の動機/)
      .fill('端材を使った商品の企画を、社内のデザイナーと一緒に手伝いたいです。');
    await team.getByRole('button', { name: 'チームで応募する' }).click();
    await expect(team.getByText('2人分の応募を送りました。')).toBeVisible();
    const applications = team.getByTestId('team-applications');
    await expect(applications.getByRole('row', { name: /青井 葵/ })).toContainText('応募済み');
    await expect(applications.getByRole('row', { name: /山田 蓮/ })).toContainText('応募済み');
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'company-teams');

    // Impact: this fiscal year's figures, the CSV file, and the page as printed.
    await open(page, orgId, 'impact', '活動実績');
    const figures = page.getByTestId('impact-figures');
    await expect(figures).toContainText('参加した社員2人');
    await expect(figures).toContainText('応募2');
    await expect(page.getByTestId('impact-by-month')).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'company-impact');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'CSVをダウンロード' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^impact-\d{4}-04-01_\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv).toContain('応募,2');
    expect(csv).toContain('応募済み,2');
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: '印刷する' })).toBeHidden();
    await saveScreenshot(page, testInfo, 'company-impact-print');
    await page.emulateMedia({ media: 'screen' });

    // English once, on the desktop: the impact page's words follow the language.
    if (testInfo.project.name === 'desktop') {
      await page.evaluate(() => localStorage.setItem('tsunagu.language', 'en'));
      await page.reload();
      await expect(page.getByRole('heading', { level: 2, name: 'Impact' })).toBeVisible();
      await expect(page.getByTestId('impact-figures')).toContainText('Employees taking part2');
      await expectAccessible(page);
      await saveScreenshot(page, testInfo, 'company-impact-en');
    }
  });
});
