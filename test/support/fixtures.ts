import { AccountMailKind, AccountTokens, AdminBootstrapService } from '@tsunagu/identity';
import { Skill, SkillCategory } from '@tsunagu/taxonomy';
import { randomBytes } from 'node:crypto';
import type { GraphQLResult, TestPlatform } from './test-platform';

export const PASSWORD = 'correct-horse-battery';

export function uniqueEmail(label: string): string {
  return `${label}-${randomBytes(5).toString('hex')}@example.test`;
}

export interface Person {
  id: string;
  email: string;
  token: string;
  refreshToken: string;
}

// The one error a rejected operation must produce (and no data).
export function rejection(result: GraphQLResult): NonNullable<GraphQLResult['errors']>[number] {
  expect(result.data ?? null).toBeNull();
  expect(result.errors).toHaveLength(1);
  return result.errors![0];
}

// Responses are checked field by field in the tests, so `any` is the honest type here.
export function expectData(result: GraphQLResult): any {
  if (result.errors?.length)
    throw new Error(`unexpected GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data;
}

// Someone to sign up: a label (their display name and e-mail prefix), with a locale if not 'ja'.
export type Label = string | readonly [label: string, locale: string];
// A participant to sign up with a profile: a label, with a kind if not PRO_BONO.
export type ParticipantLabel = string | readonly [label: string, kind: string];

export interface SupervisedRegionOptions {
  // The test's platform admin, else a new one.
  admin?: Person;
  // Where the region is (default 152081, 小千谷市 in 新潟県).
  municipalityCode?: string;
  // What the intermediary covers: the region's prefecture (default), its municipality alone, or
  // the codes given.
  remit?:
    'prefecture' | 'municipality' | { prefectureCodes?: string[]; municipalityCodes?: string[] };
  // Staff of each organisation, the first being the main one (default one each).
  regionStaff?: readonly Label[];
  hubStaff?: readonly Label[];
  participants?: readonly ParticipantLabel[];
  // The published project's overrides of the fixture's defaults, or false for no project.
  project?: Record<string, unknown> | false;
}

export interface SupervisedRegion {
  admin: Person;
  municipalityCode: string;
  regionId: string;
  // The region's main staff member, and all its staff (the main one first).
  regionStaff: Person;
  regionTeam: Person[];
  intermediaryId: string;
  // The intermediary's main staff member, and all its staff (the main one first).
  hubStaff: Person;
  hubTeam: Person[];
  participants: Person[];
}

// With a project unless the options say `project: false`.
export type SupervisedRegionOf<O extends SupervisedRegionOptions> = SupervisedRegion &
  (O extends { project: false } ? unknown : { projectId: string });

// The token of the latest link of this kind e-mailed to the user, derived as the mailer derives
// it (the database holds only its hash).
export async function latestLinkToken(
  platform: TestPlatform,
  userId: string,
  kind: AccountMailKind = AccountMailKind.VERIFY_EMAIL,
): Promise<string> {
  const [mail] = await platform.dataSource.query<Array<{ token_id: string }>>(
    `SELECT token_id FROM account_mail WHERE user_id = $1 AND kind = $2
      ORDER BY created_at DESC LIMIT 1`,
    [userId, kind],
  );
  if (!mail) throw new Error(`no ${kind} mail for user ${userId}`);
  return platform.api.get(AccountTokens).tokenOf(mail.token_id);
}

// Follows the verification link the user was sent, as they would.
export async function verifyEmailOf(platform: TestPlatform, userId: string): Promise<void> {
  const token = await latestLinkToken(platform, userId);
  expectData(
    await platform.gql(`mutation($input: AccountTokenInput!) { verifyEmail(input: $input) }`, {
      input: { token },
    }),
  );
}

// Each test builds the people and organisations it needs: no shared seed rows.
export class Fixtures {
  // Who created each project, so submit() can act as them.
  private readonly creators = new Map<string, Person>();

  constructor(private readonly platform: TestPlatform) {}

  private async statusOf(projectId: string, viewer: Person): Promise<string> {
    const data = expectData(
      await this.platform.gql(
        `query($id: ID!) { project(id: $id) { status } }`,
        { id: projectId },
        viewer.token,
      ),
    );
    return data.project.status;
  }

  // A new account that has verified its e-mail address (through the link's real path), so it
  // may apply. signUpUnverified for one that has not.
  async signUp(label: string, locale = 'ja'): Promise<Person> {
    const person = await this.signUpUnverified(label, locale);
    await verifyEmailOf(this.platform, person.id);
    return person;
  }

  async signUpUnverified(label: string, locale = 'ja'): Promise<Person> {
    const email = uniqueEmail(label);
    const data = expectData(
      await this.platform.gql(
        `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken refreshToken user { id } } }`,
        { input: { email, password: PASSWORD, displayName: label, locale } },
      ),
    );
    return {
      id: data.signUp.user.id,
      email,
      token: data.signUp.accessToken,
      refreshToken: data.signUp.refreshToken,
    };
  }

  async admin(): Promise<Person> {
    const email = uniqueEmail('admin');
    await this.platform.api.get(AdminBootstrapService).ensurePlatformAdmin(email, PASSWORD);
    const data = expectData(
      await this.platform.gql(
        `mutation($input: SignInInput!) { signIn(input: $input) { accessToken refreshToken user { id } } }`,
        { input: { email, password: PASSWORD } },
      ),
    );
    return {
      id: data.signIn.user.id,
      email,
      token: data.signIn.accessToken,
      refreshToken: data.signIn.refreshToken,
    };
  }

  async organization(
    admin: Person,
    input: { kind: string; name: string; municipalityCode?: string },
    members: Person[] = [],
  ): Promise<string> {
    const data = expectData(
      await this.platform.gql(
        `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
        { input },
        admin.token,
      ),
    );
    const id: string = data.createOrganization.id;
    for (const member of members) await this.addMember(admin, id, member);
    return id;
  }

  async region(admin: Person, municipalityCode: string, staff: Person[]): Promise<string> {
    return this.organization(
      admin,
      { kind: 'REGION', name: `Region ${municipalityCode}`, municipalityCode },
      staff,
    );
  }

  async intermediary(
    admin: Person,
    remit: { prefectureCodes?: string[]; municipalityCodes?: string[] },
    staff: Person[],
  ): Promise<string> {
    const id = await this.organization(
      admin,
      { kind: 'INTERMEDIARY', name: 'Intermediary' },
      staff,
    );
    expectData(
      await this.platform.gql(
        `mutation($input: SetRemitInput!) { setRemit(input: $input) { id } }`,
        { input: { organizationId: id, prefectureCodes: [], municipalityCodes: [], ...remit } },
        admin.token,
      ),
    );
    return id;
  }

  async participant(label: string, kind = 'PRO_BONO'): Promise<Person> {
    const person = await this.signUp(label);
    expectData(
      await this.platform.gql(
        `mutation($input: ParticipantProfileInput!) { saveMyParticipantProfile(input: $input) { kind } }`,
        { input: { kind, homeMunicipalityCode: '131130', bio: 'Tokyo' } },
        person.token,
      ),
    );
    return person;
  }

  async project(
    staff: Person,
    regionId: string,
    overrides: Record<string, unknown> = {},
  ): Promise<string> {
    const data = expectData(
      await this.platform.gql(
        `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`,
        {
          input: {
            regionOrganizationId: regionId,
            title: '空き家バンクの立て直し',
            description: '町の空き家情報を整理して発信します。',
            themeCode: 'work',
            mode: 'HYBRID',
            startDate: '2027-01-01',
            endDate: '2027-03-31',
            capacity: 3,
            ...overrides,
          },
        },
        staff.token,
      ),
    );
    this.creators.set(data.createProject.id, staff);
    return data.createProject.id;
  }

  // Submits a draft for review as the staff member who created it.
  async submit(projectId: string): Promise<void> {
    const creator = this.creators.get(projectId);
    if (!creator) throw new Error(`project ${projectId} was not created through these fixtures`);
    expectData(
      await this.platform.gql(
        `mutation($id: ID!) { submitProject(id: $id) { status } }`,
        { id: projectId },
        creator.token,
      ),
    );
  }

  // A taxonomy skill of its own (there is no GraphQL way to add one for tests), so tests never
  // depend on seeded vocabulary.
  async skill(nameEn: string): Promise<string> {
    await this.platform.dataSource
      .createQueryBuilder()
      .insert()
      .into(SkillCategory)
      .values({ code: 'test', nameJa: 'テスト', nameEn: 'Test' })
      .orIgnore()
      .execute();
    const skill = await this.platform.dataSource.getRepository(Skill).save({
      code: `test-${randomBytes(5).toString('hex')}`,
      categoryCode: 'test',
      nameJa: nameEn,
      nameEn,
    });
    return skill.id;
  }

  async addMember(admin: Person, organizationId: string, member: Person, role = 'STAFF') {
    expectData(
      await this.platform.gql(
        `mutation($input: AddMemberInput!) { addOrganizationMember(input: $input) { role } }`,
        { input: { organizationId, email: member.email, role } },
        admin.token,
      ),
    );
  }

  // A COMPANY organisation with `owner` as its OWNER.
  async company(admin: Person, owner: Person, name = 'Company'): Promise<string> {
    const id = await this.organization(admin, { kind: 'COMPANY', name });
    await this.addMember(admin, id, owner, 'OWNER');
    return id;
  }

  // Saves a participant profile; the GraphQL result is returned for the test to inspect.
  saveProfile(person: Person, input: Record<string, unknown>): Promise<GraphQLResult> {
    return this.platform.gql(
      `mutation($input: ParticipantProfileInput!) { saveMyParticipantProfile(input: $input) { userId } }`,
      { input },
      person.token,
    );
  }

  // Someone the company has enrolled as a member, with a COMPANY_EMPLOYEE profile linked to it.
  async employee(admin: Person, companyId: string, label: string): Promise<Person> {
    const person = await this.signUp(label);
    await this.addMember(admin, companyId, person);
    expectData(
      await this.saveProfile(person, {
        kind: 'COMPANY_EMPLOYEE',
        companyOrganizationId: companyId,
        homeMunicipalityCode: '131041',
      }),
    );
    return person;
  }

  // Submits (when still a draft) and publishes as the given intermediary staff member.
  async publish(intermediaryStaff: Person, projectId: string): Promise<void> {
    const status = await this.statusOf(projectId, intermediaryStaff);
    if (status === 'DRAFT') await this.submit(projectId);
    expectData(
      await this.platform.gql(
        `mutation($id: ID!) { publishProject(id: $id) { status } }`,
        { id: projectId },
        intermediaryStaff.token,
      ),
    );
  }

  // The usual starting point: a region's project, created by its staff and published by an
  // intermediary whose remit covers the region.
  async publishedProject(
    publisher: Person,
    staff: Person,
    regionId: string,
    overrides: Record<string, unknown> = {},
  ): Promise<string> {
    const id = await this.project(staff, regionId, overrides);
    await this.publish(publisher, id);
    return id;
  }

  // The cast most tests start from: a region organisation with its staff, an intermediary whose
  // remit covers the region with its staff, participants if asked for, and a project of the
  // region that the intermediary published.
  async supervisedRegion<const O extends SupervisedRegionOptions = Record<never, never>>(
    options?: O,
  ): Promise<SupervisedRegionOf<O>> {
    const o: SupervisedRegionOptions = options ?? {};
    const municipalityCode = o.municipalityCode ?? '152081';
    const remit =
      o.remit === 'municipality'
        ? { municipalityCodes: [municipalityCode] }
        : o.remit === 'prefecture' || o.remit === undefined
          ? { prefectureCodes: [municipalityCode.slice(0, 2)] }
          : o.remit;
    const signUp = (label: Label) =>
      typeof label === 'string' ? this.signUp(label) : this.signUp(label[0], label[1]);
    const participant = (label: ParticipantLabel) =>
      typeof label === 'string' ? this.participant(label) : this.participant(label[0], label[1]);
    const [admin, regionTeam, hubTeam, participants] = await Promise.all([
      o.admin ?? this.admin(),
      Promise.all((o.regionStaff ?? ['region-staff']).map(signUp)),
      Promise.all((o.hubStaff ?? ['hub-staff']).map(signUp)),
      Promise.all((o.participants ?? []).map(participant)),
    ]);
    const [regionId, intermediaryId] = await Promise.all([
      this.region(admin, municipalityCode, regionTeam),
      this.intermediary(admin, remit, hubTeam),
    ]);
    const scene: SupervisedRegion = {
      admin,
      municipalityCode,
      regionId,
      regionStaff: regionTeam[0],
      regionTeam,
      intermediaryId,
      hubStaff: hubTeam[0],
      hubTeam,
      participants,
    };
    if (o.project === false) return scene as SupervisedRegionOf<O>;
    const projectId = await this.publishedProject(hubTeam[0], regionTeam[0], regionId, o.project);
    return { ...scene, projectId } as SupervisedRegionOf<O>;
  }
}
