import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { newPublishedEvent, registerThroughApi } from './support/events';
import { expectAccessible, fillDateTime, saveScreenshot } from './support/helpers';
import { newOrganization } from './support/organizations';
import { signInThroughPage, signUpParticipant } from './support/participants';

test.describe('events for participants', () => {
  test.use({ actionTimeout: 30_000 });
  test('one registers, downloads the calendar file and cancels; the next on the waiting list gets the place', async ({
    page,
    browser,
    request,
  }, testInfo) => {
    test.setTimeout(240_000);
    const region = await newOrganization(request, {
      kind: 'REGION',
      name: '苫小牧市 移住交流課',
      staffName: '佐藤 由美',
    });
    const title = `苫小牧ゆる交流会 ${Date.now()}`;
    const event = await newPublishedEvent(request, region.token, {
      organizationId: region.organizationId,
      titleJa: title,
      titleEn: `Tomakomai meetup ${Date.now()}`,
      capacity: 1,
    });
    const first = await signUpParticipant(request, { label: 'ev-first', displayName: '山田 花子' });
    const second = await signUpParticipant(request, {
      label: 'ev-second',
      displayName: 'Alex Kim',
    });

    // A guest finds it on its day and is asked to sign in to register, and comes back.
    await page.goto(`/events?from=${event.day}&to=${event.day}&pref=01`);
    await expect(page.getByRole('heading', { name: 'イベント', level: 1 })).toBeVisible();
    const card = page.getByRole('article').filter({ hasText: title });
    await expect(card).toContainText('残り1席');
    await expect(card).toContainText('13:00〜15:30（日本標準時）');
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'events-list');
    await card.getByRole('link', { name: title }).click();
    await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    await expect(page.getByText('苫小牧市民活動センター 2階')).toBeVisible();
    await page.getByRole('link', { name: 'ログインして申し込む' }).click();
    await page.getByLabel(/^メールアドレス/).fill(first.email);
    await page.getByLabel(/^パスワード/).fill(first.password);
    await page
      .getByRole('button', { name: /^ログイン$/ })
      .locator('visible=true')
      .last()
      .click();
    await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();

    await page.getByRole('button', { name: '参加を申し込む' }).click();
    await expect(page.getByText('席が確保できました。当日お待ちしています。')).toBeVisible();
    await expect(page.getByText('満席（キャンセル待ちできます）')).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'event-registered');

    // The calendar file is the event's.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'カレンダーに追加（.ics）' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const ics = await readFile(await download.path(), 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('苫小牧ゆる交流会');

    // The second participant, in English, joins the waiting list.
    const other = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
    const otherPage = await other.newPage();
    await otherPage.addInitScript(() => localStorage.setItem('tsunagu.language', 'en'));
    await signInThroughPage(otherPage, second.email, second.password);
    await otherPage.goto(`/events/${event.id}`);
    await expect(
      otherPage.getByRole('heading', { name: /Tomakomai meetup/, level: 1 }),
    ).toBeVisible();
    await otherPage.getByRole('button', { name: 'Join the waiting list' }).click();
    await expect(otherPage.getByText(/You are number 1 on the waiting list/)).toBeVisible();
    await expectAccessible(otherPage);
    await saveScreenshot(otherPage, testInfo, 'event-waiting-en');

    // The first one cancels, confirming; the place goes to the one waiting.
    await page.getByRole('button', { name: '申し込みを取り消す' }).click();
    const dialog = page.getByRole('dialog', { name: '申し込みを取り消しますか？' });
    await expect(dialog).toContainText('キャンセル待ちの方に回ります');
    await dialog.getByRole('button', { name: '取り消す' }).click();
    await expect(page.getByText('この申し込みは取り消しました。')).toBeVisible();
    await expect(page.getByRole('button', { name: 'もう一度申し込む' })).toBeVisible();

    await otherPage.reload();
    await expect(otherPage.getByText('Your place is booked. See you there!')).toBeVisible();
    await otherPage.goto('/events/mine');
    await expect(otherPage.getByRole('heading', { name: 'My events', level: 1 })).toBeVisible();
    await expect(
      otherPage.getByRole('article').filter({ hasText: /Tomakomai meetup/ }),
    ).toContainText('You have a place');
    await expectAccessible(otherPage);
    await saveScreenshot(otherPage, testInfo, 'my-events-en');
    await other.close();
  });
});

test.describe('events for organisers', () => {
  test.use({ actionTimeout: 30_000 });
  test('a region drafts, publishes, sees its registrant and takes attendance', async ({
    page,
    request,
  }, testInfo) => {
    test.setTimeout(240_000);
    const region = await newOrganization(request, {
      kind: 'REGION',
      name: '苫小牧市 交流推進課',
      staffName: '高橋 健',
    });
    const participant = await signUpParticipant(request, {
      label: 'ev-guest',
      displayName: '中村 さくら',
    });
    // Attendance opens when an event starts: one starting shortly, made through the API while
    // the journey walks through the form.
    const soon = await newPublishedEvent(request, region.token, {
      organizationId: region.organizationId,
      titleJa: `港の朝市お手伝い説明会 ${Date.now()}`,
      capacity: 5,
      startsAt: new Date(Date.now() + 60_000),
    });
    await registerThroughApi(request, participant.token, soon.id);

    await signInThroughPage(page, region.email, region.password);
    await page.goto(`/manage/${region.organizationId}/events`);
    await expect(page.getByRole('heading', { name: 'イベント', level: 2 })).toBeVisible();
    await page.getByRole('link', { name: 'イベントを作る' }).click();
    await expect(page.getByRole('heading', { name: '新しいイベント' })).toBeVisible();

    // Nothing filled in: each field says what it needs.
    await page.getByRole('button', { name: '下書きを保存' }).click();
    await expect(page.getByText('3文字以上で入力してください')).toBeVisible();
    await expect(page.getByText('10文字以上で入力してください')).toBeVisible();

    const title = `苫小牧 移住相談会 ${Date.now()}`;
    await page.getByRole('textbox', { name: 'タイトル（日本語）' }).fill(title);
    await page
      .getByRole('textbox', { name: '内容（日本語）' })
      .fill('苫小牧での暮らしと仕事について、地域の人と話せる相談会です。');
    await fillDateTime(page, '開始', '2032-06-01T13:00');
    await fillDateTime(page, '終了', '2032-06-01T15:00');
    await page.getByRole('combobox', { name: '会場の都道府県' }).fill('北海道');
    await page.getByRole('option', { name: '北海道', exact: true }).click();
    const municipality = page.getByRole('combobox', { name: '市区町村' });
    await expect(municipality).toBeEnabled();
    await municipality.fill('苫小牧');
    await page.getByRole('option', { name: '苫小牧市', exact: true }).click();
    await page.getByRole('textbox', { name: '会場名と住所' }).fill('苫小牧市民会館 小ホール');
    await page.getByRole('textbox', { name: '定員' }).fill('12');
    // Presenting regions, searched as one types (by the municipality's reading too), as chips.
    const presenting = page.getByRole('textbox', { name: '発表する地域' });
    await presenting.fill('美幌');
    await page
      .getByRole('option', { name: /美幌町 まちづくりグループ/ })
      .first()
      .click();
    await presenting.fill('おぢや');
    await page
      .getByRole('option', { name: /小千谷市 地域づくり協議会/ })
      .first()
      .click();
    await presenting.fill('むかわ');
    await page
      .getByRole('option', { name: /むかわ町 地域おこし推進室/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'むかわ町 地域おこし推進室を外す' }).click();
    const chips = page
      .getByRole('listitem')
      .filter({ hasText: /まちづくりグループ|地域づくり協議会|地域おこし推進室/ });
    await expect(chips).toHaveText(['美幌町 まちづくりグループ', '小千谷市 地域づくり協議会']);
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'event-form');
    await page.getByRole('button', { name: '下書きを保存' }).click();

    await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    await expect(page.getByText('美幌町 まちづくりグループ')).toBeVisible();
    await expect(page.getByText('小千谷市 地域づくり協議会')).toBeVisible();
    await expect(page.getByText('むかわ町 地域おこし推進室')).toHaveCount(0);
    await expect(page.getByText('下書き', { exact: true })).toBeVisible();
    await expect(page.getByText('2032年6月1日(火) 13:00〜15:00（日本標準時）')).toBeVisible();
    await page.getByRole('button', { name: '公開する' }).click();
    await expect(page.getByText('公開中', { exact: true })).toBeVisible();
    await expect(page.getByText('まだ申し込みはありません。')).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'event-manage');

    // The one starting shortly: its registrant listed, then ticked as attended once it starts.
    await page.goto(`/manage/${region.organizationId}/events`);
    await page.getByRole('link', { name: /港の朝市お手伝い説明会/ }).click();
    await expect(page.getByRole('heading', { name: '申し込んだ人' })).toBeVisible();
    const tick = page.getByRole('checkbox', { name: '中村 さくらさんが出席' });
    await expect(async () => {
      await page.reload();
      await expect(tick).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 120_000, intervals: [5_000] });
    await tick.check();
    await page.getByRole('button', { name: '出席を保存' }).click();
    await expect(page.getByText('出席を保存しました。')).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'event-attendance');
    await page.reload();
    await expect(tick).toBeChecked();
  });
});

test.describe('events called off', () => {
  test.use({ actionTimeout: 30_000 });
  test('an organiser in English names presenting regions, then cancels with a reason its registrant reads', async ({
    page,
    browser,
    request,
  }, testInfo) => {
    test.setTimeout(240_000);
    const hub = await newOrganization(request, {
      kind: 'INTERMEDIARY',
      name: '一般社団法人 苫小牧つなぐ会',
      staffName: 'Emma Clarke',
      remitPrefectures: ['01'],
    });
    const participant = await signUpParticipant(request, {
      label: 'ev-called-off',
      displayName: '石井 陸',
    });
    const title = `苫小牧 港まつり準備会 ${Date.now()}`;
    const event = await newPublishedEvent(request, hub.token, {
      organizationId: hub.organizationId,
      titleJa: title,
      titleEn: `Tomakomai port festival prep ${Date.now()}`,
      capacity: 10,
    });
    await registerThroughApi(request, participant.token, event.id);

    await page.addInitScript(() => localStorage.setItem('tsunagu.language', 'en'));
    await signInThroughPage(page, hub.email, hub.password);
    await page.goto(`/manage/${hub.organizationId}/events/${event.id}/edit`);
    // The workspace and the event load one after the other: slow on a loaded machine.
    await expect(page.getByRole('heading', { name: 'Edit the event' })).toBeVisible({
      timeout: 30_000,
    });
    // In romaji: the municipality's reading finds regions whose names are Japanese.
    const presenting = page.getByRole('textbox', { name: 'Regions presenting' });
    await presenting.fill('ojiya');
    await page
      .getByRole('option', { name: /小千谷市 地域づくり協議会/ })
      .first()
      .click();
    await presenting.fill('bihoro');
    await expect(
      page.getByRole('option', { name: /美幌町 まちづくりグループ/ }).first(),
    ).toContainText('Bihoro Town');
    await page
      .getByRole('option', { name: /美幌町 まちづくりグループ/ })
      .first()
      .click();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'event-form-regions-en');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(
      page.getByRole('heading', { name: /Tomakomai port festival prep/, level: 1 }),
    ).toBeVisible();
    await expect(page.getByText('小千谷市 地域づくり協議会')).toBeVisible();

    // Cancelling asks why; without a reason it says so on the field.
    await page.getByRole('button', { name: 'Cancel the event' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel this event?' });
    await dialog.getByRole('button', { name: 'Cancel the event' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Reason for cancelling' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    const reason = '台風の接近のため中止します。 Cancelled: a typhoon is coming.';
    await dialog.getByRole('textbox', { name: 'Reason for cancelling' }).fill(reason);
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Cancel the event' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('You cancelled this event.')).toBeVisible();
    await expect(page.getByText(`Reason: ${reason}`)).toBeVisible();

    // The registrant reads it as written, on the event's page and in the notice.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signInThroughPage(otherPage, participant.email, participant.password);
    await otherPage.goto(`/events/${event.id}`);
    await expect(otherPage.getByText('このイベントは中止になりました。')).toBeVisible();
    await expect(otherPage.getByText(`理由：${reason}`)).toBeVisible();
    // The place held there holds nothing any more: the page does not say it does.
    await expect(otherPage.getByText('席が確保できました。当日お待ちしています。')).toHaveCount(0);
    await expectAccessible(otherPage);
    await saveScreenshot(otherPage, testInfo, 'event-cancelled');
    await expect(async () => {
      await otherPage.goto('/notifications');
      await expect(otherPage.getByText(reason, { exact: false }).first()).toBeVisible({
        timeout: 5_000,
      });
    }).toPass({ timeout: 60_000, intervals: [3_000] });
    await other.close();
  });
});
