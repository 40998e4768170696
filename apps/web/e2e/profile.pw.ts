import { expect, type Page, test } from '@playwright/test';
import {
  expectAccessible,
  fillDay,
  openMenuOnPhone,
  saveScreenshot,
  uniqueEmail,
} from './support/helpers';

// The worker scores a saved profile within seconds; the page polls on its own.
const SCORING_TIMEOUT_MS = 60_000;

async function signUp(page: Page, name: string) {
  await page.goto('/sign-up');
  await page.getByLabel('表示名').fill(name);
  await page.getByLabel('メールアドレス').fill(uniqueEmail('profile'));
  await page.getByLabel('パスワード').fill('long-enough-password');
  await page.getByRole('button', { name: '登録する' }).click();
  await expect(page).toHaveURL(/\/projects$/);
}

// Changing the language leaves the phone menu open over the page: close it.
async function closeMenuOnPhone(page: Page) {
  const burger = page.getByRole('button', { name: /メニュー|Menu/ });
  if ((await burger.isVisible()) && (await burger.getAttribute('aria-expanded')) === 'true')
    await burger.click();
}

async function goByMenu(page: Page, name: string) {
  await openMenuOnPhone(page);
  await page.getByRole('link', { name, exact: true }).locator('visible=true').first().click();
}

test.describe('a new participant', () => {
  test('fills the profile, finds it saved after a reload, and sees recommendations with reasons in Japanese and English', async ({
    page,
  }, testInfo) => {
    // Two screens filled, checked by axe-core and read in two languages, with the worker's scoring
    // in between: longer than the default.
    test.setTimeout(180_000);
    await signUp(page, '森 つなぐ');

    // No profile yet: recommendations say to fill it in.
    await goByMenu(page, 'おすすめ');
    await expect(
      page.getByRole('heading', { name: 'まずはプロフィールを入力しましょう' }),
    ).toBeVisible();
    await saveScreenshot(page, testInfo, 'recommendations-no-profile');
    await page.getByRole('link', { name: 'プロフィールを入力する' }).click();
    await expect(page).toHaveURL(/\/profile$/);
    await expect(page.getByRole('heading', { level: 1, name: 'プロフィール' })).toBeVisible();
    await expect(page.getByText('まだプロフィールがありません。', { exact: false })).toBeVisible();

    // A check in the browser first, shown on its field.
    const phone = page.getByRole('textbox', { name: '電話番号' });
    await phone.fill('12');
    await page.getByRole('button', { name: '保存する' }).click();
    await expect(phone).toHaveAccessibleDescription(/090-1234-5678 のような電話番号/);
    await phone.fill('');
    await page.getByRole('textbox', { name: '1週間に参加できる時間' }).fill('10');

    // The date of birth is typed, in Japanese or as digits; a day that does not exist, or one in
    // the future, is said so on the field as soon as it is left.
    const birth = page.getByRole('textbox', { name: '生年月日' });
    await fillDay(birth, '1990年2月30日');
    await expect(birth).toHaveAccessibleDescription(/「1990年2月30日」は日付として読めません/);
    await fillDay(birth, '2999-01-01');
    await expect(birth).toHaveAccessibleDescription(/以前の日付を入力してください/);
    await saveScreenshot(page, testInfo, 'profile-date-of-birth-error');
    await fillDay(birth, '1990/5/3');
    await expect(birth).toHaveValue('1990年5月3日');
    await expect(birth).not.toHaveAttribute('aria-invalid', 'true');

    await page.getByLabel('自己紹介').fill('Web制作会社で10年。週末に地域の発信を手伝いたいです。');
    // The skill picker finds Webデザイン by its alias ウェブデザイン.
    const skillSearch = page.getByRole('textbox', { name: 'スキルを探して追加' });
    await skillSearch.fill('ウェブデ');
    await page.getByRole('option', { name: /^Webデザイン/ }).click();
    await page.getByLabel('Webデザイン のレベル').selectOption('4');
    // Theme chips hide their checkbox behind the label.
    await page.getByText('しごと', { exact: true }).click();
    await expect(page.getByRole('checkbox', { name: 'しごと' })).toBeChecked();
    await page.getByRole('checkbox', { name: 'スキルの棚卸し' }).check();
    // Prefecture, then one of its municipalities.
    await page.getByRole('combobox', { name: '住んでいる都道府県' }).fill('北海道');
    await page.getByRole('option', { name: '北海道', exact: true }).click();
    const municipality = page.getByRole('combobox', { name: '市区町村' });
    await expect(municipality).toBeEnabled();
    await municipality.fill('美幌');
    await page.getByRole('option', { name: '美幌町', exact: true }).click();
    await page.getByRole('radio', { name: /中間支援組織と地域に公開/ }).check();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'profile');
    await page.getByRole('button', { name: '保存する' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'プロフィールを保存しました' }),
    ).toBeVisible();

    // Saved: a reload shows what was entered.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'プロフィール' })).toBeVisible();
    await expect(page.getByLabel('Webデザイン のレベル')).toHaveValue('4');
    await expect(page.getByRole('combobox', { name: '市区町村' })).toHaveValue('美幌町');
    await expect(page.getByRole('textbox', { name: '1週間に参加できる時間' })).toHaveValue(/^10/);
    await expect(page.getByRole('radio', { name: /中間支援組織と地域に公開/ })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'しごと' })).toBeChecked();
    await expect(page.getByRole('textbox', { name: '生年月日' })).toHaveValue('1990年5月3日');

    // Recommendations arrive once the worker has scored the profile.
    await goByMenu(page, 'おすすめ');
    await expect(page.getByRole('heading', { level: 1, name: 'あなたへのおすすめ' })).toBeVisible();
    const card = page
      .getByRole('article')
      .filter({ hasText: '美幌町の空き家バンクを一緒に立て直すプロジェクト' });
    await expect(card).toBeVisible({ timeout: SCORING_TIMEOUT_MS });
    await expect(card.getByText(/^相性 \d+%$/)).toBeVisible();
    await expect(card.getByTestId('reasons')).toContainText(
      'あなたの「Webデザイン」のスキルが求められています。',
    );
    await expect(card.getByTestId('reasons')).toContainText('関心のあるテーマ「しごと」');
    await expect(card.getByTestId('reasons')).toContainText('現地の北海道美幌町は');
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'recommendations');

    // The same in English (axe-core checked these screens in Japanese above).
    await openMenuOnPhone(page);
    await page.getByText('English', { exact: true }).locator('visible=true').first().click();
    await closeMenuOnPhone(page);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Recommended for you' }),
    ).toBeVisible();
    const cardEn = page
      .getByRole('article')
      .filter({ hasText: '美幌町の空き家バンクを一緒に立て直すプロジェクト' });
    await expect(cardEn.getByText(/^\d+% match$/)).toBeVisible();
    await expect(cardEn.getByTestId('reasons')).toContainText(
      'It asks for your Web design skills.',
    );
    await expect(cardEn.getByTestId('reasons')).toContainText('Bihoro Town, Hokkaido');
    await expect(cardEn).not.toContainText('skills,');
    await saveScreenshot(page, testInfo, 'recommendations-en');
    await cardEn.getByRole('link').first().click();
    await expect(page).toHaveURL(/\/projects\/[0-9a-f-]+$/);

    await goByMenu(page, 'Profile');
    await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
    await expect(page.getByLabel('Level of Web design')).toHaveValue('4');
    await expect(page.getByRole('combobox', { name: 'City, town or village' })).toHaveValue(
      'Bihoro Town',
    );
    await expect(page.getByText('Intermediaries and regions', { exact: true })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Date of birth' })).toHaveValue('May 3, 1990');
    await saveScreenshot(page, testInfo, 'profile-en');
  });
});
