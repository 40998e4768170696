import { expect, type Page, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import {
  expectAccessible,
  headerIsFolded,
  openMenuOnPhone,
  saveScreenshot,
  uniqueEmail,
} from './support/helpers';
import { latestMailTo, linkIn } from './support/mail';

const PASSWORD = 'first-long-password';
const NEW_PASSWORD = 'second-long-password';
const RESET_PASSWORD = 'third-long-password';

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード').fill(password);
  await page
    .getByRole('button', { name: 'ログイン', exact: true })
    .locator('visible=true')
    .last()
    .click();
}

async function signOut(page: Page) {
  await openMenuOnPhone(page);
  await page.getByRole('button', { name: 'ログアウト' }).locator('visible=true').click();
  await expect(page.getByTestId('notification-bell')).toHaveCount(0);
}

test.describe('an account', () => {
  // One journey walks through many screens and two e-mails instead of many short tests.
  test.describe.configure({ timeout: 150_000 });

  test('is verified by its e-mail link, changes its password, downloads its data, resets a forgotten password and is deleted', async ({
    page,
  }, testInfo) => {
    const email = uniqueEmail('account');

    // Sign up: until the link is followed, a banner says what to do.
    await page.goto('/sign-up');
    await page.getByLabel('表示名').fill('佐藤 みどり');
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByLabel('パスワード').fill(PASSWORD);
    await page.getByRole('button', { name: '登録する' }).click();
    await expect(page).toHaveURL(/\/projects$/);
    const banner = page.getByTestId('verify-email-banner');
    await expect(banner).toContainText('メールアドレスの確認がまだです');
    await expect(banner).toContainText(email);
    await banner.getByRole('button', { name: '確認メールを再送' }).click();
    await expect(banner).toContainText('確認メールを送りました');
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'account-verify-banner');

    // The mail, in Japanese, with the link.
    const verification = await latestMailTo(email, { subject: /メールアドレスの確認/ });
    await page.goto(linkIn(verification, '/verify-email'));
    await expect(page.getByText('メールアドレスを確認しました')).toBeVisible();
    // The banner goes once the account is read again, which a loaded machine may take a while.
    await expect(page.getByTestId('verify-email-banner')).toHaveCount(0, { timeout: 30_000 });
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'account-verified');
    // The same link again is refused in words.
    await page.goto(linkIn(verification, '/verify-email'));
    await expect(
      page.getByText(/このリンクはすでに使われています|リンクの有効期限が切れています/),
    ).toBeVisible();

    // The account page from the account menu.
    await page.goto('/projects');
    await openMenuOnPhone(page);
    await page.getByRole('link', { name: 'アカウント設定' }).locator('visible=true').click();
    await expect(page.getByRole('heading', { level: 1, name: 'アカウント設定' })).toBeVisible();
    await expect(page.getByTestId('current-email')).toHaveText(email);
    await expect(page.getByText('✓ 確認済み')).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'account-settings');

    // Download my data.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'データをダウンロード' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^tsunagu-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as {
      sections: { account: unknown };
    };
    expect(exported.sections.account).toMatchObject({ email, displayName: '佐藤 みどり' });

    // Change the password: the wrong current one is refused on its field.
    const passwordCard = page.locator('form', { hasText: 'パスワードの変更' });
    await passwordCard.getByLabel('現在のパスワード').fill('not-my-password');
    await passwordCard.getByLabel(/^新しいパスワード( \*)?$/).fill(NEW_PASSWORD);
    await passwordCard.getByRole('button', { name: 'パスワードを変更する' }).click();
    await expect(passwordCard.getByLabel('現在のパスワード')).toHaveAccessibleDescription(
      /is not your current password|現在のパスワード/,
    );
    await passwordCard.getByLabel('現在のパスワード').fill(PASSWORD);
    await passwordCard.getByRole('button', { name: 'パスワードを変更する' }).click();
    await expect(passwordCard.getByText('パスワードを変更しました。')).toBeVisible();
    // Still signed in with the renewed session.
    await page.reload();
    await expect(page.getByTestId('current-email')).toHaveText(email);

    // Forgot it: the reset link by mail, a new password, signed in with it.
    await signOut(page);
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'パスワードをお忘れの方' }).click();
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByRole('button', { name: '再設定メールを送る' }).click();
    await expect(page.getByTestId('reset-sent')).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'account-forgot-password');
    const reset = await latestMailTo(email, { subject: /パスワードの再設定/ });
    await page.goto(linkIn(reset, '/reset-password'));
    await page.getByLabel(/^新しいパスワード( \*)?$/).fill(RESET_PASSWORD);
    await page.getByLabel('新しいパスワード（確認）').fill('something-else-entirely');
    await page.getByRole('button', { name: 'パスワードを設定する' }).click();
    await expect(page.getByText('同じパスワードを入力してください')).toBeVisible();
    await page.getByLabel('新しいパスワード（確認）').fill(RESET_PASSWORD);
    await page.getByRole('button', { name: 'パスワードを設定する' }).click();
    await expect(page.getByText(/パスワードを再設定しました/)).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'account-reset-password');
    await signIn(page, email, RESET_PASSWORD);
    await expect(page).toHaveURL(/\/projects$/);

    // Delete the account: the dialog says what happens; afterwards no sign-in.
    await page.goto('/settings/account');
    await page.getByRole('button', { name: '退会する' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('名前を伏せて残ります');
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'account-delete-dialog');
    await dialog.getByLabel('パスワード').fill(RESET_PASSWORD);
    await dialog.getByRole('button', { name: '退会する' }).click();
    await expect(page).toHaveURL(/\/account-deleted$/);
    await expect(page.getByRole('heading', { name: '退会しました' })).toBeVisible();
    await signIn(page, email, RESET_PASSWORD);
    await expect(page.getByRole('alert')).toHaveText('メールアドレスまたはパスワードが違います');
  });

  test('speaks English from sign-up to its verification link', async ({ page }, testInfo) => {
    const email = uniqueEmail('account-en');
    await page.goto('/sign-up');
    await openMenuOnPhone(page);
    await page.getByText('English', { exact: true }).locator('visible=true').first().click();
    await expect(page.getByRole('heading', { name: 'Sign up' })).toBeVisible();
    // Changing the language leaves the phone menu open over the form: close it.
    if (headerIsFolded(page)) {
      await page.getByRole('button', { name: 'Menu' }).click();
    }
    await page.getByLabel('Display name').fill('Alex Morgan');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByTestId('verify-email-banner')).toContainText(
      'Please verify your e-mail address',
      { timeout: 30_000 },
    );
    await saveScreenshot(page, testInfo, 'account-verify-banner-en');

    const mail = await latestMailTo(email, { subject: /confirm your e-mail address/i });
    expect(mail.text).toContain('Hello Alex Morgan');
    await page.goto(linkIn(mail, '/verify-email'));
    await expect(page.getByText('Your e-mail address is verified')).toBeVisible();

    await page.goto('/settings/account');
    await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible();
    await expect(page.getByText('✓ Verified', { exact: true })).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'account-settings-en');

    await page.goto('/reset-password?token=not-a-real-token');
    await page.getByLabel(/^New password( \*)?$/).fill(NEW_PASSWORD);
    await page.getByLabel('New password (again)').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Set the password' }).click();
    await expect(page.getByRole('alert')).toHaveText(/This link is not valid/);
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'account-reset-invalid-en');
  });
});
