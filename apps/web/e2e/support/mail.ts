import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { simpleParser } from 'mailparser';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gql } from './graphql-requests';

// The e-mails the platform under test sent, as the local mail catcher saved them (one .eml file
// each, named by time, in WEB_TEST_MAIL_DIR set by global-setup).

export interface CaughtMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  file: string;
}

function mailDir(): string {
  const dir = process.env.WEB_TEST_MAIL_DIR;
  if (!dir) throw new Error('WEB_TEST_MAIL_DIR is not set: run through playwright.config.ts');
  return dir;
}

async function read(file: string): Promise<CaughtMail> {
  const parsed = await simpleParser(await readFile(file));
  const to = (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : [])
    .flatMap((a) => a.value)
    .map((a) => (a.address ?? '').toLowerCase());
  return {
    to,
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: parsed.html || '',
    file,
  };
}

// The newest message to an address (whose subject matches, if given), waiting for it to arrive.
export async function latestMailTo(
  address: string,
  options: { subject?: RegExp; timeoutMs?: number } = {},
): Promise<CaughtMail> {
  const wanted = address.toLowerCase();
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    const files = (await readdir(mailDir()).catch(() => [] as string[]))
      .filter((f) => f.endsWith('.eml'))
      .sort()
      .reverse();
    for (const name of files) {
      const mail = await read(join(mailDir(), name));
      if (mail.to.includes(wanted) && (!options.subject || options.subject.test(mail.subject))) {
        return mail;
      }
    }
    if (Date.now() > deadline) {
      throw new Error(
        `no e-mail to ${address}${options.subject ? ` matching ${options.subject}` : ''}`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

// The app-relative link of a mail (e.g. "/verify-email?token=…"), for page.goto.
export function linkIn(mail: CaughtMail, path: string): string {
  const match = new RegExp(`https?://[^\\s/]+(${path}\\?token=[A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match) throw new Error(`no ${path} link in the e-mail "${mail.subject}"`);
  return match[1];
}

export interface NewAccount {
  email: string;
  password: string;
  displayName: string;
  locale?: 'ja' | 'en';
}

// A new account that has followed its verification link, so it may apply. Through the API with
// a request context; returns its access token. For a browser signed in as it, sign in with
// the e-mail address and password afterwards (or use signUpVerifiedInBrowser).
export async function signUpVerified(
  request: APIRequestContext,
  account: NewAccount,
): Promise<{ accessToken: string; user: { id: string } }> {
  const { signUp } = await gql<{ signUp: { accessToken: string; user: { id: string } } }>(
    request,
    'mutation($input: SignUpInput!) { signUp(input: $input) { accessToken user { id } } }',
    { input: { ...account, locale: account.locale ?? 'ja' } },
  );
  const mail = await latestMailTo(account.email, { subject: /メールアドレスの確認|confirm/i });
  const token = new URL(linkIn(mail, '/verify-email'), 'http://x').searchParams.get('token');
  await gql(request, 'mutation($input: AccountTokenInput!) { verifyEmail(input: $input) }', {
    input: { token },
  });
  return signUp;
}

// The same in the browser: the sign-up form, then the link of the mail; the page ends signed in
// and verified, on the verification page.
export async function signUpVerifiedInBrowser(page: Page, account: NewAccount): Promise<void> {
  await page.goto('/sign-up');
  await page.getByLabel(/表示名|Display name/).fill(account.displayName);
  await page.getByLabel(/メールアドレス|E-mail/).fill(account.email);
  await page.getByLabel(/^(パスワード|Password)( \*)?$/).fill(account.password);
  await page.getByRole('button', { name: /登録する|Create account/ }).click();
  await expect(page).toHaveURL(/\/projects$/);
  const mail = await latestMailTo(account.email, { subject: /メールアドレスの確認|confirm/i });
  await page.goto(linkIn(mail, '/verify-email'));
  await expect(
    page.getByText(/メールアドレスを確認しました|Your e-mail address is verified/),
  ).toBeVisible();
}
