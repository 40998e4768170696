import { expect, test, type Page } from '@playwright/test';
import { gql } from './support/graphql-requests';
import { expectAccessible, fillDay, saveScreenshot } from './support/helpers';
import { newOrganization } from './support/organizations';
import { signInThroughPage } from './support/participants';

// A region of its own in Tomakomai (012131), supervised by an intermediary of its own covering
// Hokkaido: nothing here meets another test's projects.
async function regionAndIntermediary(request: Parameters<typeof newOrganization>[0]) {
  const region = await newOrganization(request, {
    kind: 'REGION',
    name: '苫小牧市 農林水産課',
    staffName: '松本 大地',
    municipalityCode: '012131',
  });
  const intermediary = await newOrganization(request, {
    kind: 'INTERMEDIARY',
    name: '北海道ローカル伴走センター',
    staffName: '石井 美咲',
    remitPrefectures: ['01'],
  });
  return { region, intermediary };
}

function status(page: Page, words: string) {
  return page.getByRole('article').getByText(words, { exact: true }).first();
}

test.describe('a region’s projects', () => {
  test.use({ actionTimeout: 10_000 });
  test('drafts a project, is sent back, resubmits, then extends and closes it', async ({
    page,
    request,
  }, testInfo) => {
    test.setTimeout(180_000);
    const { region, intermediary } = await regionAndIntermediary(request);
    await signInThroughPage(page, region.email, region.password);
    await page.goto(`/manage/${region.organizationId}`);
    await page
      .getByRole('navigation', { name: '苫小牧市 農林水産課のページ' })
      .getByRole('link', { name: 'プロジェクト', exact: true })
      .click();
    await expect(page.getByText('まだプロジェクトはありません。')).toBeVisible();
    await expectAccessible(page);

    // The guided form: a mistake shows on its field before anything is sent.
    await page.getByRole('link', { name: '新しいプロジェクトを作る' }).click();
    await expect(page.getByRole('heading', { name: '新しいプロジェクト' })).toBeVisible();
    await expect(page.getByText('北海道苫小牧市')).toBeVisible();
    const title = page.getByRole('textbox', { name: 'タイトル' });
    await title.fill('収穫');
    await page.getByRole('button', { name: '下書きを保存' }).click();
    await expect(title).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('3〜200文字で入力してください')).toBeVisible();
    await expect(page.getByText('テーマを選んでください')).toBeVisible();

    const projectTitle = `ハスカップ農園の収穫体験 ${Date.now()}`;
    await title.fill(projectTitle);
    await page
      .getByRole('textbox', { name: '内容' })
      .fill('苫小牧の農園で、7月のハスカップ収穫と出荷の準備を手伝ってください。');
    await page.getByRole('combobox', { name: 'テーマ' }).selectOption({ index: 1 });
    await page.getByRole('textbox', { name: 'スキルを探して追加' }).fill('ウェブデ');
    await page.getByRole('option', { name: /^Webデザイン/ }).click();
    await page.getByText('あると良い', { exact: true }).click();
    await expect(page.getByRole('radio', { name: 'あると良い' })).toBeChecked();
    await page.getByRole('radio', { name: '現地＋リモート' }).check();
    // The days are typed: one that is not a day is said so on its field, then corrected.
    const end = page.getByRole('textbox', { name: /^終了日/ });
    await fillDay(end, '2月30日');
    await expect(end).toHaveAccessibleDescription(/「2月30日」は日付として読めません/);
    await fillDay(end, endOfMonth(2));
    await page.getByText('7月', { exact: true }).click();
    await page.getByRole('textbox', { name: '週あたりの活動時間' }).fill('10');
    await page.getByRole('textbox', { name: '1チームの人数' }).fill('2');
    await page.getByRole('textbox', { name: '募集人数' }).fill('4');
    await page.getByRole('checkbox', { name: '大学生' }).check();
    await page.getByRole('button', { name: 'リンクを追加' }).click();
    await page.getByRole('textbox', { name: 'リンクの名前' }).fill('農園の紹介');
    await page.getByRole('textbox', { name: 'URL' }).fill('https://example.jp/haskap');
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'region-project-form');
    await page.getByRole('button', { name: '下書きを保存' }).click();

    // The overview of the draft.
    await expect(page.getByText('下書きを保存しました。')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: projectTitle })).toBeVisible();
    await expect(status(page, '下書き')).toBeVisible();
    await expect(page.getByText('松本 大地さんが下書きを作りました')).toBeVisible();
    const projectId = page.url().split('/').pop()!;
    await page.getByRole('button', { name: '確認に出す' }).click();
    await expect(page.getByText('確認に出しました。')).toBeVisible();
    await expect(status(page, '確認待ち')).toBeVisible();

    // The intermediary sends it back with a comment.
    const comment = '集合場所と、雨の日の予定を書き足してください。';
    await gql(
      request,
      'mutation($id: ID!, $c: String!) { requestProjectChanges(id: $id, comment: $c) { id } }',
      { id: projectId, c: comment },
      intermediary.token,
    );
    await page.goto(`/manage/${region.organizationId}/projects`);
    await expect(page.getByText(comment)).toBeVisible();
    await expect(status(page, '下書き')).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'region-projects');
    await page.getByRole('link', { name: projectTitle }).click();
    await expect(
      page.getByText('中間支援組織から直してほしい点が届いています。', { exact: false }),
    ).toBeVisible();
    await expect(page.getByText('石井 美咲さんが直してほしい点を伝えました')).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'region-project-sent-back');

    // Edit and resubmit in one go.
    await page.getByRole('link', { name: '内容を直す' }).click();
    await expect(page.getByRole('heading', { name: 'プロジェクトを直す' })).toBeVisible();
    const description = page.getByRole('textbox', { name: '内容' });
    await description.fill(
      '苫小牧の農園で、7月のハスカップ収穫と出荷の準備を手伝ってください。集合は苫小牧駅、雨の日は選果場での作業です。',
    );
    await page.getByRole('button', { name: '保存して確認に出す' }).click();
    await expect(page.getByText('確認に出しました。')).toBeVisible();
    await expect(status(page, '確認待ち')).toBeVisible();
    await expect(page.getByText('変わった項目：内容')).toBeVisible();

    // Published by the intermediary: the region extends it, then closes it.
    await gql(
      request,
      'mutation($id: ID!) { publishProject(id: $id, comment: "公開しました。よろしくお願いします。") { id } }',
      { id: projectId },
      intermediary.token,
    );
    await page.reload();
    await expect(status(page, '公開中')).toBeVisible();
    await expect(page.getByRole('link', { name: '応募者・候補者' })).toHaveAttribute(
      'href',
      `/manage/${region.organizationId}/projects/${projectId}/people`,
    );
    await page.getByRole('button', { name: '延長する' }).click();
    const extend = page.getByRole('dialog', { name: '期間や人数を延ばす' });
    // A new end that is not after the current one is refused on its field.
    // Typed, then left with Tab: Escape (which fillDay presses to close the calendar) would
    // close the dialog too.
    const newEnd = extend.getByRole('textbox', { name: /^新しい終了日/ });
    await newEnd.fill(endOfMonth(2));
    await newEnd.press('Tab');
    await expect(newEnd).toHaveAccessibleDescription(/以降の日付を入力してください/);
    await newEnd.fill(endOfMonth(3));
    await newEnd.press('Tab');
    await expect(newEnd).not.toHaveAttribute('aria-invalid', 'true');
    await extend.getByRole('textbox', { name: '新しい募集人数' }).fill('2');
    await extend.getByRole('button', { name: '延長する' }).click();
    await expect(extend.getByText('4〜1,000の整数で入力してください')).toBeVisible();
    await extend.getByRole('textbox', { name: '新しい募集人数' }).fill('6');
    await saveScreenshot(page, testInfo, 'region-project-extend');
    await extend.getByRole('button', { name: '延長する' }).click();
    await expect(page.getByText('延長しました。')).toBeVisible();
    await expect(page.getByText('6 人')).toBeVisible();
    await expect(page.getByText('石井 美咲さんが公開しました')).toBeVisible();

    await page.getByRole('button', { name: '募集を終える' }).click();
    const close = page.getByRole('dialog', { name: '募集を終える' });
    await close.getByRole('textbox', { name: '終える理由（任意）' }).fill('定員に達したため');
    await close.getByRole('button', { name: '終える' }).click();
    await expect(page.getByText('募集を終えました。')).toBeVisible();
    await expect(status(page, '終了')).toBeVisible();
    await expect(page.getByText('「定員に達したため」')).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, testInfo, 'region-project-closed');

    // The same overview in English.
    await page.evaluate(() => localStorage.setItem('tsunagu.language', 'en'));
    await page.reload();
    await expect(status(page, 'Closed')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
    await expect(page.getByText('松本 大地 closed it')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Archive' })).toBeVisible();
    await saveScreenshot(page, testInfo, 'region-project-closed-en');
  });
});

// The new project starts on the first of next month (in Japan); it ends a month later, typed
// as digits. A later end is a month after that.
function endOfMonth(monthsAhead: number): string {
  const today = new Date();
  return new Date(Date.UTC(today.getFullYear(), today.getMonth() + monthsAhead + 1, 0))
    .toISOString()
    .slice(0, 10);
}
