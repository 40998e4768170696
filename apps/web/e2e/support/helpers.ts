import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';

export const DEMO_PASSWORD = 'tsunagu-demo-2026';

// No serious or critical accessibility violation on the screen as it is now.
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}

// Screenshots of the main screens, per viewport, kept as test artefacts (git-ignored).
// Taken from the top of the page: a full-page capture of a page scrolled down (after a click
// further down) draws the fixed header where the window was, over the content.
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo({ top: 0, left: 0, behavior: 'instant' }));
  await page.screenshot({
    path: `test-results/screenshots/${testInfo.project.name}-${name}.png`,
    fullPage: true,
  });
}

// Mantine's `xl` breakpoint (88em): below it the header folds into the menu.
const PHONE_MENU_BELOW_PX = 1408;

// On a phone the navigation, language and account live behind the menu button.
// Decided by the viewport, not by whether the button is visible yet: just after a reload the app
// may not have rendered it, and the menu would silently stay closed.
export function headerIsFolded(page: Page): boolean {
  return (page.viewportSize()?.width ?? Infinity) < PHONE_MENU_BELOW_PX;
}

export async function openMenuOnPhone(page: Page): Promise<void> {
  if (!headerIsFolded(page)) return;
  const burger = page.getByRole('button', { name: /メニュー|Menu/ });
  await expect(burger).toBeVisible();
  if ((await burger.getAttribute('aria-expanded')) !== 'true') await burger.click();
}

export function uniqueEmail(label: string): string {
  return `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.jp`;
}

// Types a wall-clock time (YYYY-MM-DDTHH:mm) into the app's date-time input (i18n/DateTimeInput):
// a day field named "<label>（日付）" / "<label> (date)" and hour and minute fields.
export async function fillDateTime(page: Page, label: string, value: string): Promise<void> {
  const [day, time] = value.split('T');
  const [hours, minutes] = time.split(':');
  const part = (ja: string, en: string) =>
    new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(（${ja}）| \\(${en}\\))$`);
  const dayInput = page.getByRole('textbox', { name: part('日付', 'date') });
  await dayInput.fill(day);
  // Closes the calendar that opened on focus, so that it covers nothing below.
  await dayInput.press('Escape');
  await page.getByLabel(part('時', 'hours')).pressSequentially(hours);
  await page.getByLabel(part('分', 'minutes')).pressSequentially(minutes);
}

// Types a day into the app's day field (i18n/DayField): as digits (2027-04-01) or as the page
// writes days (2027年4月1日 / April 1, 2027). Leaves the field, as a person would, so that it
// shows the day in the page's format (or says why it cannot) and its calendar closes.
export async function fillDay(field: Locator, value: string): Promise<void> {
  await field.fill(value);
  await field.press('Escape');
  await field.blur();
  // The calendar fades out: gone before the next step clicks what it covered (or its weekdays).
  await expect(field.page().locator('[data-dates-dropdown]')).toHaveCount(0);
}
