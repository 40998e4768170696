import type { APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD, uniqueEmail } from './helpers';
import { signUpVerified } from './mail';
import { gql } from './graphql-requests';
import { signInThroughApi } from './participants';

export const STAFF_PASSWORD = 'long-enough-password';
const DEMO_ADMIN_EMAIL = 'admin@demo.tsunagu.jp';

export interface StaffMember {
  id: string;
  email: string;
  password: string;
  displayName: string;
  token: string;
  organizationId: string;
}

// A new organisation of its own for one test, made by the demo platform admin, with a new
// verified staff member: journeys that change an organisation's projects or settings never meet
// another test's changes. An intermediary covers the prefectures given (e.g. ['01']); a region
// lies in the municipality given (e.g. '012131', Tomakomai).
export async function newOrganization(
  request: APIRequestContext,
  options: {
    kind: 'REGION' | 'INTERMEDIARY' | 'COMPANY';
    name: string;
    staffName: string;
    municipalityCode?: string;
    remitPrefectures?: string[];
    role?: 'OWNER' | 'STAFF';
  },
): Promise<StaffMember> {
  const admin = await signInThroughApi(request, DEMO_ADMIN_EMAIL, DEMO_PASSWORD);
  const { createOrganization } = await gql<{ createOrganization: { id: string } }>(
    request,
    'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
    {
      input: {
        kind: options.kind,
        name: options.name,
        // Only a region lies somewhere; the others are left without a place.
        municipalityCode:
          options.municipalityCode ?? (options.kind === 'REGION' ? '012131' : undefined),
      },
    },
    admin,
  );
  const organizationId = createOrganization.id;
  if (options.remitPrefectures) {
    await gql(
      request,
      'mutation($input: SetRemitInput!) { setRemit(input: $input) { id } }',
      { input: { organizationId, prefectureCodes: options.remitPrefectures } },
      admin,
    );
  }
  const email = uniqueEmail(options.kind.toLowerCase());
  const staff = await signUpVerified(request, {
    email,
    password: STAFF_PASSWORD,
    displayName: options.staffName,
  });
  await gql(
    request,
    'mutation($input: AddMemberInput!) { addOrganizationMember(input: $input) { role } }',
    { input: { organizationId, email, role: options.role ?? 'OWNER' } },
    admin,
  );
  return {
    id: staff.user.id,
    email,
    password: STAFF_PASSWORD,
    displayName: options.staffName,
    token: staff.accessToken,
    organizationId,
  };
}
