import { expect, type Locator, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD, expectAccessible, saveScreenshot } from './support/helpers';
import { gql } from './support/graphql-requests';
import { signInThroughApi, signInThroughPage, signUpParticipant } from './support/participants';

const DEMO_ADMIN_EMAIL = 'admin@demo.tsunagu.jp';

// Picks an option of a Mantine Select by its label.
async function choose(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name, exact: true }).locator('visible=true').first().click();
}

test.describe('the platform admins’ pages', () => {
  test('an admin registers an intermediary, adds its member, sets its remit, adds a skill and checks failed deliveries', async ({
    page,
    request,
  }, testInfo) => {
    test.setTimeout(120_000);
    const suffix = `${testInfo.project.name}${Date.now().toString(36)}`;
    const hubName = `北の架け橋 ${suffix}`;
    const adminToken = await signInThroughApi(request, DEMO_ADMIN_EMAIL, DEMO_PASSWORD);
    const { me } = await gql<{
      me: { memberships: Array<{ organization: { id: string; kind: string } }> };
    }>(request, '{ me { memberships { organization { id kind } } } }', {}, adminToken);
    const platformId = me.memberships.find((m) => m.organization.kind === 'PLATFORM')!.organization
      .id;
    const newcomer = await signUpParticipant(request, {
      label: 'hub-member',
      displayName: '北村 悠斗',
    });

    await signInThroughPage(page, DEMO_ADMIN_EMAIL, DEMO_PASSWORD);
    await page.goto(`/manage/${platformId}`);
    await openSection(page, '組織の管理');
    await expect(page.getByRole('heading', { name: '組織の管理', level: 2 })).toBeVisible();

    // Register the intermediary.
    const create = page.getByRole('form', { name: '組織を登録する' });
    await choose(page, create.getByRole('combobox', { name: '種類' }), '中間支援組織');
    await create.getByRole('textbox', { name: '組織名' }).fill(hubName);
    await create.getByRole('button', { name: '登録する' }).click();
    await expect(create.getByRole('status')).toHaveText(`「${hubName}」を登録しました。`);

    // Find it by part of its name.
    await page.getByRole('searchbox', { name: '組織名で探す' }).fill(suffix);
    const card = page.getByRole('link', { name: hubName, exact: true });
    await expect(card).toBeVisible();
    await expect(page.getByRole('listitem')).toHaveCount(1);
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'admin-organizations');
    await card.click();

    // Its members: none yet, then the newcomer by e-mail.
    await expect(page.getByRole('heading', { name: hubName, level: 2 })).toBeVisible();
    await expect(page.getByText('まだメンバーはいません。')).toBeVisible();
    const addMember = page.getByRole('form', { name: 'メンバーを追加する' });
    await addMember.getByRole('textbox', { name: /メールアドレス/ }).fill('nobody@example.jp');
    await addMember.getByRole('button', { name: '追加する' }).click();
    await expect(addMember.getByText('このメールアドレスのアカウントはありません。')).toBeVisible();
    await addMember.getByRole('textbox', { name: /メールアドレス/ }).fill(newcomer.email);
    await addMember.getByRole('button', { name: '追加する' }).click();
    await expect(addMember.getByRole('status')).toHaveText('メンバーに追加しました。');
    await expect(page.getByText('北村 悠斗')).toBeVisible();
    await expect(page.getByText(newcomer.email)).toBeVisible();

    // Its remit: all of Hokkaido and Ichinoseki in Iwate, chosen with the picker.
    await expect(page.getByText('担当エリアはまだありません。')).toBeVisible();
    await choose(page, page.getByRole('combobox', { name: '都道府県' }), '北海道');
    await page.getByRole('button', { name: '北海道全域を追加' }).click();
    await choose(page, page.getByRole('combobox', { name: '都道府県' }), '岩手県');
    await choose(page, page.getByRole('combobox', { name: '市区町村' }), '一関市');
    await page.getByRole('button', { name: 'この市区町村を追加' }).click();
    await page.getByRole('button', { name: '担当エリアを保存する' }).click();
    await expect(page.getByText('担当エリアを保存しました。')).toBeVisible();
    await expect(page.getByRole('button', { name: '北海道を外す' })).toBeVisible();
    await expect(page.getByRole('button', { name: '岩手県 一関市を外す' })).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'admin-organization');

    // The API agrees.
    const { organization } = await gql<{
      organization: {
        remit: { prefectures: { code: string }[]; municipalities: { code: string }[] };
      };
    }>(
      request,
      'query($id: ID!) { organization(id: $id) { remit { prefectures { code } municipalities { code } } } }',
      { id: new URL(page.url()).pathname.split('/').pop() },
    );
    expect(organization.remit).toEqual({
      prefectures: [{ code: '01' }],
      municipalities: [{ code: '032093' }],
    });

    // A skill with an alias, found by the alias.
    await openSection(page, 'スキルの管理');
    const addSkill = page.getByRole('form', { name: 'スキルを追加する' });
    await addSkill.getByRole('combobox', { name: 'カテゴリ' }).click();
    await page.getByRole('option').first().click();
    await addSkill.getByRole('textbox', { name: '名前（日本語）' }).fill(`ドローン撮影${suffix}`);
    await addSkill.getByRole('textbox', { name: '名前（英語）' }).fill(`Drone filming ${suffix}`);
    await addSkill.getByRole('textbox', { name: 'コード' }).fill(`drone-${suffix.toLowerCase()}`);
    await addSkill.getByRole('textbox', { name: '別名' }).fill(`空撮${suffix}`);
    await addSkill.getByRole('button', { name: '追加する' }).click();
    await expect(addSkill.getByRole('status')).toHaveText(
      `「ドローン撮影${suffix}」を追加しました。`,
    );
    await page.getByRole('searchbox', { name: '名前・別名で探す' }).fill(`空撮${suffix}`);
    await expect(page.getByRole('listitem')).toHaveCount(1);
    await expect(page.getByRole('listitem').getByText(`ドローン撮影${suffix}`)).toBeVisible();
    await expect(page.getByText(`別名：空撮${suffix}`)).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'admin-skills');

    // Failed deliveries and the way to the queues.
    await openSection(page, '届かなかった通知');
    await expect(page.getByRole('heading', { name: '届かなかった通知', level: 2 })).toBeVisible();
    // The pointer still rests on the menu entry just clicked: its hover shade is not what
    // anyone reading the page sees.
    await page.mouse.move(0, 0);
    await expect(page.getByRole('heading', { name: 'Webhook', level: 3 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'ジョブキューを開く' })).toHaveAttribute(
      'href',
      '/admin/queues',
    );
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'admin-deliveries');

    // In English (the screen's language only: the demo admin's account keeps its own).
    await page.evaluate(() => localStorage.setItem('tsunagu.language', 'en'));
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Failed deliveries', level: 2 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Open the job queues' })).toBeVisible();
    await openSection(page, 'Skills');
    await page.getByRole('searchbox', { name: 'Search names and aliases' }).fill(`空撮${suffix}`);
    await expect(page.getByText(`Also: 空撮${suffix}`)).toBeVisible();
    await saveScreenshot(page, testInfo, 'admin-skills-en');
  });
});
