import { expect, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD, uniqueEmail } from './helpers';

// One GraphQL call as the given token (or none), as another person would make it, to set a scene
// or cause an event; fails the test on any error, showing it.
export async function gql<T = Record<string, unknown>>(
  request: APIRequestContext,
  query: string,
  variables: object = {},
  token?: string,
): Promise<T> {
  const response = await request.post('/graphql', {
    data: { query, variables },
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data!;
}

export async function signInByApi(request: APIRequestContext, email: string, password: string) {
  const data = await gql<{ signIn: { accessToken: string; user: { id: string } } }>(
    request,
    `mutation($input: SignInInput!) { signIn(input: $input) { accessToken user { id } } }`,
    { input: { email, password } },
  );
  return { token: data.signIn.accessToken, id: data.signIn.user.id };
}

// A new participant whose profile regions may see (so they can be scouted).
export async function newParticipant(request: APIRequestContext, label: string) {
  const email = uniqueEmail(label);
  const password = 'long-enough-password';
  const data = await gql<{ signUp: { accessToken: string; user: { id: string } } }>(
    request,
    `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken user { id } } }`,
    { input: { email, password, displayName: '鈴木 ひかり' } },
  );
  const token = data.signUp.accessToken;
  await gql(
    request,
    `mutation($input: ParticipantProfileInput!) { saveMyParticipantProfile(input: $input) { userId } }`,
    { input: { kind: 'PRO_BONO', visibility: 'INTERMEDIARIES_AND_REGIONS' } },
    token,
  );
  return { email, password, id: data.signUp.user.id, token };
}

// A demo region's staff member offers one of the region's published projects to a participant.
export async function sendScoutOffer(
  request: APIRequestContext,
  staffEmail: string,
  participantId: string,
  message: string,
): Promise<{ projectTitle: string; regionName: string }> {
  const staff = await signInByApi(request, staffEmail, DEMO_PASSWORD);
  const { me } = await gql<{
    me: { memberships: { organization: { id: string; name: string } }[] };
  }>(request, `{ me { memberships { organization { id name } } } }`, {}, staff.token);
  const region = me.memberships[0].organization;
  const { organizationProjects } = await gql<{
    organizationProjects: { edges: { node: { id: string; title: string; status: string } }[] };
  }>(
    request,
    `query($id: ID!) { organizationProjects(organizationId: $id, first: 50) { edges { node { id title status } } } }`,
    { id: region.id },
    staff.token,
  );
  const project = organizationProjects.edges
    .map((e) => e.node)
    .find((p) => p.status === 'PUBLISHED')!;
  await gql(
    request,
    `mutation($input: SendScoutOfferInput!) { sendScoutOffer(input: $input) { id } }`,
    { input: { projectId: project.id, participantId, message } },
    staff.token,
  );
  return { projectTitle: project.title, regionName: region.name };
}
