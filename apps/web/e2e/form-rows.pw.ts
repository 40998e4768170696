import { expect, test, type Locator, type Page } from '@playwright/test';
import { fillDay } from './support/helpers';
import { newOrganization } from './support/organizations';
import { signInThroughPage, signUpParticipant } from './support/participants';

// Forms whose rows hold fields side by side: each field's description (a day field's typing hint
// too) sits under its input, so the inputs of a row line up whatever their descriptions, on a
// phone (390×844) and a desktop, in both languages. Screenshots of each are kept under test-results/screenshots.
const VIEWPORTS = [
  { name: 'phone390', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;

async function top(field: Locator): Promise<number> {
  const box = await field.boundingBox();
  if (!box) throw new Error('field not shown');
  return box.y;
}

// The inputs side by side with the same top; on a phone they may instead be one under the other.
async function expectInRow(a: Locator, b: Locator) {
  const [ya, yb] = [await top(a), await top(b)];
  const [xa, xb] = [(await a.boundingBox())!.x, (await b.boundingBox())!.x];
  const phone = (a.page().viewportSize()?.width ?? 0) < 576;
  if (phone && xa === xb) return;
  expect(xa).not.toBe(xb);
  expect(Math.abs(ya - yb)).toBeLessThan(1);
}

async function inEachLanguageAndSize(
  page: Page,
  name: string,
  check: (language: 'ja' | 'en') => Promise<void>,
  signedIn = true,
) {
  for (const language of ['ja', 'en'] as const) {
    // Reloaded only once the page has renewed its session: a reload in the middle would drop
    // the renewed token (and sign the person out).
    if (signedIn) await expect(page.getByTestId('notification-bell')).toBeVisible();
    await page.evaluate((l) => localStorage.setItem('tsunagu.language', l), language);
    await page.reload();
    for (const size of VIEWPORTS) {
      await page.setViewportSize(size);
      await check(language);
      // The header stays at the top of the page's picture.
      await page.evaluate(() => window.scrollTo({ top: 0, left: 0, behavior: 'instant' }));
      await page.screenshot({
        path: `test-results/screenshots/${size.name}-${name}-${language}.png`,
        fullPage: true,
      });
    }
  }
}

test.describe('rows of fields', () => {
  test("the region's project form: start and end, team size and places line up; a mistake is said under its input", async ({
    page,
    request,
  }, testInfo) => {
    // One run covers both sizes: the phone project would only repeat it.
    test.skip(testInfo.project.name !== 'desktop', 'sizes are set here');
    test.setTimeout(120_000);
    const region = await newOrganization(request, {
      kind: 'REGION',
      name: '苫小牧市 企画課',
      staffName: '松本 大地',
      municipalityCode: '012131',
    });
    await signInThroughPage(page, region.email, region.password);
    await page.goto(`/manage/${region.organizationId}/projects/new`);
    await inEachLanguageAndSize(page, 'region-project-form-days', async (language) => {
      const start = page.getByRole('textbox', {
        name: language === 'ja' ? /^開始日/ : /^Start date/,
      });
      const end = page.getByRole('textbox', { name: language === 'ja' ? /^終了日/ : /^End date/ });
      await fillDay(end, '2027-02-30');
      await expect(end).toHaveAttribute('aria-invalid', 'true');
      await expectInRow(start, end);
      // Their descriptions differ in length (the places' wraps on a desktop in English).
      const team = page.getByRole('textbox', {
        name: language === 'ja' ? /^1チームの人数/ : /^Team size/,
      });
      const places = page.getByRole('textbox', {
        name: language === 'ja' ? /^募集人数/ : /^Places/,
      });
      await expectInRow(team, places);
      // A count of one in English is "1 person", not "1 people".
      await expect(team).toHaveValue(language === 'ja' ? '1 人' : '1 person');
      await places.fill('2');
      await expect(places).toHaveValue(language === 'ja' ? '2 人' : '2 people');
    });
  });

  test('the company’s programme form: start and end line up', async ({
    page,
    request,
  }, testInfo) => {
    // One run covers both sizes: the phone project would only repeat it.
    test.skip(testInfo.project.name !== 'desktop', 'sizes are set here');
    test.setTimeout(120_000);
    const company = await newOrganization(request, {
      kind: 'COMPANY',
      name: '青葉商事',
      staffName: '青井 葵',
    });
    await signInThroughPage(page, company.email, company.password);
    await page.goto(`/manage/${company.organizationId}/company/programs`);
    await inEachLanguageAndSize(page, 'company-programme-form', async (language) => {
      const start = page.getByRole('textbox', { name: language === 'ja' ? /^開始日/ : /^Start/ });
      const end = page.getByRole('textbox', { name: language === 'ja' ? /^終了日/ : /^End/ });
      await expectInRow(start, end);
    });
  });

  test('the events filter: the dates line up with the other filters', async ({
    page,
  }, testInfo) => {
    // One run covers both sizes: the phone project would only repeat it.
    test.skip(testInfo.project.name !== 'desktop', 'sizes are set here');
    test.setTimeout(120_000);
    await page.goto('/events');
    await inEachLanguageAndSize(
      page,
      'events-filter',
      async (language) => {
        const toggle = page.getByRole('button', {
          name: language === 'ja' ? '絞り込み' : 'Filters',
        });
        if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) === 'false')
          await toggle.click();
        const from = page.getByRole('textbox', {
          name: language === 'ja' ? /^この日から/ : /^From/,
        });
        const until = page.getByRole('textbox', {
          name: language === 'ja' ? /^この日まで/ : /^Until/,
        });
        await expect(from).toBeVisible();
        await expectInRow(from, until);
      },
      false,
    );
  });

  test('a date of birth in the future does not ask for a guardian', async ({
    page,
    request,
  }, testInfo) => {
    // One run covers both sizes: the phone project would only repeat it.
    test.skip(testInfo.project.name !== 'desktop', 'sizes are set here');
    test.setTimeout(120_000);
    const student = await signUpParticipant(request, { label: 'dob', displayName: '山田 花' });
    await signInThroughPage(page, student.email, student.password);
    await page.goto('/profile');
    await inEachLanguageAndSize(page, 'profile-future-birth', async (language) => {
      const birth = page.getByRole('textbox', {
        name: language === 'ja' ? /^生年月日/ : /^Date of birth/,
      });
      await fillDay(birth, '2099-01-01');
      await expect(birth).toHaveAttribute('aria-invalid', 'true');
      await expect(
        page.getByRole('textbox', { name: language === 'ja' ? /^保護者のお名前/ : /^Guardian/ }),
      ).toHaveCount(0);
    });
  });
});
