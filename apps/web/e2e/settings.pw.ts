import { expect, type Page, test } from '@playwright/test';
import {
  expectAccessible,
  headerIsFolded,
  openMenuOnPhone,
  saveScreenshot,
} from './support/helpers';
import { gql, newParticipant, sendScoutOffer } from './support/graphql-requests';

// Each journey walks several screens, checks each with axe and waits for the worker: the
// default 30 s is short on a busy machine.
test.describe.configure({ timeout: 90_000 });

// A region with published projects that other journeys leave alone.
const REGION_STAFF = 'agematsu@demo.tsunagu.jp';

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  await expect(page.getByTestId('notification-bell')).toBeVisible();
}

// On a phone the menu stays open after the choice: closed again here.
async function chooseEnglishInHeader(page: Page) {
  await openMenuOnPhone(page);
  await page.getByText('English', { exact: true }).locator('visible=true').first().click();
  const burger = page.getByRole('button', { name: 'Menu' });
  if (await burger.isVisible()) await burger.click();
}

test.describe('a participant', () => {
  test('is told of a scout offer as it happens, in their language, and reads it', async ({
    page,
    request,
  }, testInfo) => {
    const person = await newParticipant(request, 'notified');
    await signIn(page, person.email, person.password);
    await page.goto('/notifications');
    await expect(page.getByRole('heading', { level: 1, name: 'お知らせ' })).toBeVisible();
    await expect(page.getByText('お知らせはまだありません')).toBeVisible();
    await expectAccessible(page);

    // A region invites them while the page is open: it arrives without a reload.
    const { projectTitle, regionName } = await sendScoutOffer(
      request,
      REGION_STAFF,
      person.id,
      'ぜひ一緒に木曽の森を守りましょう',
    );
    const item = page.getByTestId('notification').first();
    await expect(item).toContainText(
      `${regionName}から「${projectTitle}」へのお誘いが届きました。`,
      {
        timeout: 20_000,
      },
    );
    await expect(item).toHaveAttribute('data-unread', 'true');
    await expect(page.getByTestId('notification-bell')).toHaveAccessibleName(/未読 1 件/);
    await expect(item.getByRole('link')).toHaveAttribute('href', '/scout-offers');
    await expect(item).toContainText(/\d{4}年\d{1,2}月\d{1,2}日/);
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'notifications');

    // Worded again in English from its facts, not left in the language it was stored in.
    await chooseEnglishInHeader(page);
    await expect(item).toContainText(`${regionName} invites you to join "${projectTitle}".`);
    await expect(item).not.toContainText('お誘い');
    await saveScreenshot(page, testInfo, 'notifications-en');

    await item.getByRole('button', { name: 'Mark as read' }).click();
    await expect(item).toHaveAttribute('data-unread', 'false');
    await expect(page.getByTestId('notification-bell')).toHaveAccessibleName(/0 unread/);
    await page.reload();
    await expect(page.getByTestId('notification').first()).toHaveAttribute('data-unread', 'false');

    // The bell lists it too, and leads to the page.
    await page.getByTestId('notification-bell').click();
    await page.getByRole('link', { name: 'See all notifications' }).click();
    await expect(page).toHaveURL(/\/notifications$/);
  });

  test('chooses how notifications reach them, and it is kept', async ({
    page,
    request,
  }, testInfo) => {
    const person = await newParticipant(request, 'preferences');
    await signIn(page, person.email, person.password);
    await page.goto('/settings/notifications');
    await expect(page.getByRole('heading', { level: 1, name: '通知の設定' })).toBeVisible();
    // A participant sees their own kinds of notification, not the staff ones.
    await expect(page.getByText('スカウトが届いたとき')).toBeVisible();
    await expect(page.getByText('新しい応募')).toHaveCount(0);

    const email = page.getByRole('combobox', { name: 'スカウトが届いたとき：メール' });
    await expect(email).toHaveValue('すぐに受け取る');
    await email.click();
    await page.getByRole('option', { name: '1日1回まとめて' }).click();
    await expect(page.getByRole('status').filter({ hasText: '保存しました' })).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'notification-preferences');

    await page.reload();
    await expect(email).toHaveValue('1日1回まとめて');
    const { myNotificationPreferences } = await gql<{
      myNotificationPreferences: { eventType: string; channel: string; mode: string }[];
    }>(request, '{ myNotificationPreferences { eventType channel mode } }', {}, person.token);
    expect(myNotificationPreferences).toContainEqual({
      eventType: 'SCOUT_OFFER_RECEIVED',
      channel: 'EMAIL',
      mode: 'DAILY_DIGEST',
    });

    // Back to the recommended choice.
    await page.getByRole('button', { name: 'おすすめに戻す' }).click();
    await expect(email).toHaveValue('すぐに受け取る');
  });

  test('sets their language and time zone, which the account and the screens keep', async ({
    page,
    request,
  }, testInfo) => {
    const person = await newParticipant(request, 'settings');
    await signIn(page, person.email, person.password);
    await openMenuOnPhone(page);
    await page.getByRole('link', { name: '設定', exact: true }).locator('visible=true').click();
    await expect(page.getByRole('heading', { level: 1, name: '設定' })).toBeVisible();
    const zone = page.getByRole('combobox', { name: 'タイムゾーン' });
    await expect(zone).toHaveValue('UTC+09:00 日本標準時（Asia/Tokyo）');
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'settings');

    await page.getByRole('main').getByRole('radio', { name: 'English' }).check();
    await zone.click();
    await zone.fill('London');
    await page.getByRole('option', { name: /Europe\/London/ }).click();
    await page.getByRole('button', { name: '保存する' }).click();
    // Saved, and the screens follow the language chosen.
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Time zone' })).toHaveValue(/Europe\/London/);
    await expect(page.getByRole('main').getByRole('radio', { name: 'English' })).toBeChecked();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'settings-en');
    const { me } = await gql<{ me: { locale: string; timeZone: string } }>(
      request,
      '{ me { locale timeZone } }',
      {},
      person.token,
    );
    expect(me).toEqual({ locale: 'en', timeZone: 'Europe/London' });
  });
});

test.describe('a guest reading in English', () => {
  test('sees places, themes, hours, dates and the map as English readers expect', async ({
    page,
  }, testInfo) => {
    await page.goto('/projects');
    await chooseEnglishInHeader(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Find projects' })).toBeVisible();
    const first = page.getByRole('article').first();
    await expect(first).toBeVisible();
    // Places in Latin letters: "Agematsu Town, Nagano".
    for (const place of await page
      .getByRole('article')
      .getByText(/(Town|City|Village|Ward), [A-Z][a-z]+/)
      .allTextContents()) {
      expect(place.split(' · ')[0]).not.toMatch(/[一-龯ぁ-ん]/);
    }
    expect(
      await page
        .getByRole('article')
        .getByText(/(Town|City|Village), /)
        .count(),
    ).toBeGreaterThan(1);
    // "5 h a week" stays on one line.
    const hours = first.locator('.keep-together');
    await expect(hours).toHaveCSS('white-space', 'nowrap');

    // Themes by their names, the farming one read plainly (on a phone, under "Filters").
    if (headerIsFolded(page)) {
      await page.getByRole('button', { name: 'Filters' }).click();
    }
    await page.getByRole('combobox', { name: 'Theme' }).click();
    await expect(page.getByRole('option', { name: 'Farming and rural life' })).toBeVisible();
    await page.keyboard.press('Escape');

    // Dates are typed or picked in English: the calendar opens with the field.
    await page.getByRole('textbox', { name: /^Period from/ }).click();
    await expect(
      page.getByText(
        /^(January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/,
      ),
    ).toBeVisible();
    await expectAccessible(page);
    // Closed again, so that the screenshot shows the filters rather than the calendar over them.
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: 'Previous month' })).toHaveCount(0);
    await saveScreenshot(page, testInfo, 'projects-en');

    // The map fills its figure: Japan is drawn to the edges, not cut inside them.
    await page.goto('/projects');
    await page.getByRole('article').first().getByRole('link').click();
    const map = page.getByTestId('project-map');
    await expect(map.locator('svg path').first()).toBeVisible();
    const widths = await map.evaluate((element) => ({
      figure: element.getBoundingClientRect().width,
      clips: [...element.querySelectorAll('clipPath > *')].map(
        (clip) => clip.getBoundingClientRect().width,
      ),
    }));
    for (const clip of widths.clips) expect(clip).toBeGreaterThanOrEqual(widths.figure - 2);
    await expect(page.getByRole('figure')).toContainText(/(Town|City|Village|Ward), [A-Z]/);
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'project-en-place');
  });
});
