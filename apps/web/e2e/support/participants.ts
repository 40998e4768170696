import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { gql } from './graphql-requests';
import { uniqueEmail } from './helpers';
import { signUpVerified } from './mail';

export const PARTICIPANT_PASSWORD = 'long-enough-password';

// A region's project sent for review by its staff and published by the intermediary's.
export async function submitAndPublish(
  request: APIRequestContext,
  projectId: string,
  regionToken: string,
  intermediaryToken: string,
): Promise<void> {
  await gql(
    request,
    'mutation($id: ID!) { submitProject(id: $id) { status } }',
    { id: projectId },
    regionToken,
  );
  await gql(
    request,
    'mutation($id: ID!) { publishProject(id: $id) { status } }',
    { id: projectId },
    intermediaryToken,
  );
}

export async function signInThroughApi(
  request: APIRequestContext,
  email: string,
  password: string,
): Promise<string> {
  const { signIn } = await gql<{ signIn: { accessToken: string } }>(
    request,
    'mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }',
    { input: { email, password } },
  );
  return signIn.accessToken;
}

export interface Participant {
  id: string;
  email: string;
  password: string;
  displayName: string;
  token: string;
}

// A new participant ready to apply: an account and a pro-bono profile from Tokyo. The one place
// that signs participants up, so a step every new account needs (e-mail verification) is added
// here once.
export async function signUpParticipant(
  request: APIRequestContext,
  options: { label: string; displayName: string; visibility?: string },
): Promise<Participant> {
  const email = uniqueEmail(options.label);
  // Applying needs a verified e-mail address: follow the link of the verification mail.
  const signUp = await signUpVerified(request, {
    email,
    password: PARTICIPANT_PASSWORD,
    displayName: options.displayName,
  });
  await gql(
    request,
    'mutation($input: ParticipantProfileInput!) { saveMyParticipantProfile(input: $input) { kind } }',
    {
      input: {
        kind: 'PRO_BONO',
        homeMunicipalityCode: '131130',
        bio: '東京から週末に通えます',
        visibility: options.visibility ?? 'INTERMEDIARIES',
      },
    },
    signUp.accessToken,
  );
  return {
    id: signUp.user.id,
    email,
    password: PARTICIPANT_PASSWORD,
    displayName: options.displayName,
    token: signUp.accessToken,
  };
}

// Signs in through the sign-in page and waits for the signed-in app.
export async function signInThroughPage(
  page: Page,
  email: string,
  password: string,
): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(/^(メールアドレス|E-mail)/).fill(email);
  await page.getByLabel(/^(パスワード|Password)/).fill(password);
  await page
    .getByRole('button', { name: /^(ログイン|Sign in)$/ })
    .locator('visible=true')
    .last()
    .click();
  await expect(page.getByTestId('notification-bell')).toBeVisible();
}
