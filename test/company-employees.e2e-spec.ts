import { expectData, Fixtures, Person, rejection } from './support/fixtures';
import { startTestPlatform, type GraphQLResult, type TestPlatform } from './support/test-platform';

const expectError = (result: GraphQLResult, code: string) =>
  expect(rejection(result).extensions?.code).toBe(code);

const INVITE = `mutation($input: InviteCompanyEmployeeInput!) {
  inviteCompanyEmployee(input: $input) { id email } }`;
const EMPLOYEES = `query($id: ID!) {
  companyEmployees(companyOrganizationId: $id, first: 100) {
    edges { node { userId displayName kind engagementCount activeEngagementCount } } }
  companyInvitations(companyOrganizationId: $id, first: 100) { edges { node { id email } } } }`;
const EMPLOYEE_PAGE = `query($id: ID!, $first: Int, $after: String, $search: String) {
  companyEmployees(companyOrganizationId: $id, first: $first, after: $after, search: $search) {
    edges { node { userId displayName engagementCount } } pageInfo { hasNextPage endCursor } } }`;
const INVITATION_PAGE = `query($id: ID!, $first: Int, $after: String) {
  companyInvitations(companyOrganizationId: $id, first: $first, after: $after) {
    edges { node { email } } pageInfo { hasNextPage endCursor } } }`;
const MINE = `{ myCompanyInvitations { id company { id name } } }`;
const ACCEPT = `mutation($input: CompanyInvitationIdInput!) {
  acceptCompanyInvitation(input: $input) { id company { id } } }`;
const REMOVE = `mutation($input: RemoveCompanyEmployeeInput!) { removeCompanyEmployee(input: $input) }`;
const WITHDRAW = `mutation($input: CompanyInvitationIdInput!) { withdrawCompanyInvitation(input: $input) }`;
const CREATE_TEAM = `mutation($input: CreateCompanyTeamInput!) {
  createCompanyTeam(input: $input) { id members { userId } } }`;
const TEAMS = `query($id: ID!) { companyTeams(companyOrganizationId: $id) {
  edges { node { id members { userId } } } } }`;
const APPLY = `mutation($input: ApplyAsCompanyTeamInput!) { applyAsCompanyTeam(input: $input) { id } }`;
const TEAM_APPLICATIONS = `query($id: ID!) { companyTeamApplications(companyOrganizationId: $id) {
  teamId projectTitle participantName status } }`;
const IMPACT = `query($id: ID!, $from: String!, $to: String!) {
  companyImpact(companyOrganizationId: $id, from: $from, to: $to) {
    hours participants applications byStatus { status count }
    regions { organizationId name engagements hours }
    prefectures { prefectureCode nameJa engagements hours } months { month applications hours } } }`;

describe('companies: enrolling employees, team applications and impact', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let admin: Person;

  beforeAll(async () => {
    platform = await startTestPlatform();
    f = new Fixtures(platform);
    admin = await f.admin();
  }, 120_000);

  afterAll(() => platform?.close());

  async function newCompany(label: string): Promise<{ id: string; owner: Person }> {
    const owner = await f.signUp(`${label}-owner`);
    return { id: await f.company(admin, owner, `${label} 株式会社`), owner };
  }

  async function employeesOf(companyId: string, owner: Person) {
    const data = expectData(await platform.gql(EMPLOYEES, { id: companyId }, owner.token));
    return {
      employees: data.companyEmployees.edges.map((e: any) => e.node),
      pendingInvitations: data.companyInvitations.edges.map((e: any) => e.node),
    };
  }

  async function invite(companyId: string, owner: Person, email: string): Promise<string> {
    return expectData(
      await platform.gql(
        INVITE,
        { input: { companyOrganizationId: companyId, email } },
        owner.token,
      ),
    ).inviteCompanyEmployee.id;
  }

  // Invited, accepted: the way an employee joins.
  async function enrol(company: { id: string; owner: Person }, label: string): Promise<Person> {
    const person = await f.participant(label);
    const id = await invite(company.id, company.owner, person.email);
    expectData(await platform.gql(ACCEPT, { input: { invitationId: id } }, person.token));
    return person;
  }

  it('enrols only someone who accepts: the company sees nothing of them before', async () => {
    const company = await newCompany('enrol');
    const person = await f.participant('enrol-person');
    const stranger = await f.participant('enrol-stranger');

    // An address without an account gets the same answer: inviting reveals nothing.
    const unknown = await invite(company.id, company.owner, 'nobody-here@example.org');
    const invitationId = await invite(company.id, company.owner, person.email.toUpperCase());
    expect(unknown).toBeTruthy();
    let listed = await employeesOf(company.id, company.owner);
    expect(listed.employees).toEqual([]);
    expect(listed.pendingInvitations.map((i: any) => i.email).sort()).toEqual(
      ['nobody-here@example.org', person.email].sort(),
    );
    // Until accepted, the person is no member and cannot be put on a team.
    expectError(
      await platform.gql(
        CREATE_TEAM,
        { input: { companyOrganizationId: company.id, name: 'A', memberEmails: [person.email] } },
        company.owner.token,
      ),
      'BAD_USER_INPUT',
    );

    expect(expectData(await platform.gql(MINE, {}, person.token)).myCompanyInvitations).toEqual([
      { id: invitationId, company: { id: company.id, name: 'enrol 株式会社' } },
    ]);
    expect(expectData(await platform.gql(MINE, {}, stranger.token)).myCompanyInvitations).toEqual(
      [],
    );
    // Someone else's invitation reads as missing.
    expectError(
      await platform.gql(ACCEPT, { input: { invitationId } }, stranger.token),
      'NOT_FOUND',
    );

    expectData(await platform.gql(ACCEPT, { input: { invitationId } }, person.token));
    listed = await employeesOf(company.id, company.owner);
    expect(listed.employees).toEqual([
      {
        userId: person.id,
        displayName: 'enrol-person',
        kind: 'COMPANY_EMPLOYEE',
        engagementCount: 0,
        activeEngagementCount: 0,
      },
    ]);
    expect(listed.pendingInvitations.map((i: any) => i.email)).toEqual(['nobody-here@example.org']);
    // Accepted once: accepting again reads as missing.
    expectError(await platform.gql(ACCEPT, { input: { invitationId } }, person.token), 'NOT_FOUND');
    expectData(
      await platform.gql(
        CREATE_TEAM,
        { input: { companyOrganizationId: company.id, name: 'A', memberEmails: [person.email] } },
        company.owner.token,
      ),
    );

    // Withdrawing a pending invitation; the employees list is the owners' only.
    expectData(
      await platform.gql(WITHDRAW, { input: { invitationId: unknown } }, company.owner.token),
    );
    expect((await employeesOf(company.id, company.owner)).pendingInvitations).toEqual([]);
    expectError(await platform.gql(EMPLOYEES, { id: company.id }, person.token), 'FORBIDDEN');
  });

  it('refuses an acceptance without a participant profile or a verified address, changing nothing', async () => {
    const company = await newCompany('noprofile');
    const bare = await f.signUp('noprofile-person');
    const id = await invite(company.id, company.owner, bare.email);
    expectError(
      await platform.gql(ACCEPT, { input: { invitationId: id } }, bare.token),
      'BAD_USER_INPUT',
    );
    const members = await platform.dataSource.query(
      `SELECT 1 FROM membership WHERE organization_id = $1 AND user_id = $2`,
      [company.id, bare.id],
    );
    expect(members).toEqual([]);
    expect((await employeesOf(company.id, company.owner)).pendingInvitations).toHaveLength(1);

    const unverified = await f.signUpUnverified('noprofile-unverified');
    await invite(company.id, company.owner, unverified.email);
    expect(expectData(await platform.gql(MINE, {}, unverified.token)).myCompanyInvitations).toEqual(
      [],
    );
  });

  it('pages employees newest enrolled first and finds them by name, in a fixed number of statements', async () => {
    const company = await newCompany('paging');
    const people: Person[] = [];
    for (const n of [1, 2, 3, 4, 5]) people.push(await enrol(company, `paging-emp-${n}`));
    const page = async (vars: Record<string, unknown>) =>
      expectData(
        await platform.gql(EMPLOYEE_PAGE, { id: company.id, ...vars }, company.owner.token),
      ).companyEmployees;
    const names = (connection: any) => connection.edges.map((e: any) => e.node.displayName);

    const first = await page({ first: 2 });
    expect(names(first)).toEqual(['paging-emp-5', 'paging-emp-4']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await page({ first: 2, after: first.pageInfo.endCursor });
    expect(names(second)).toEqual(['paging-emp-3', 'paging-emp-2']);
    const last = await page({ first: 2, after: second.pageInfo.endCursor });
    expect(names(last)).toEqual(['paging-emp-1']);
    expect(last.pageInfo.hasNextPage).toBe(false);

    // Any case; LIKE's own characters are taken literally.
    expect(names(await page({ search: ' EMP-3 ' }))).toEqual(['paging-emp-3']);
    expect(names(await page({ search: '%' }))).toEqual([]);
    expect(names(await page({ search: 'emp', first: 1 }))).toEqual(['paging-emp-5']);

    // A page's counts come from one statement, however many employees it holds.
    const statements = async (first: number) => platform.countStatements(() => page({ first }));
    expect(await statements(5)).toBe(await statements(1));

    expectError(
      await platform.gql(EMPLOYEE_PAGE, { id: company.id, after: 'nope' }, company.owner.token),
      'BAD_USER_INPUT',
    );
    expectError(
      await platform.gql(
        EMPLOYEE_PAGE,
        { id: company.id, search: 'x'.repeat(101) },
        company.owner.token,
      ),
      'BAD_USER_INPUT',
    );
    // Another company's owner sees none of them.
    const other = await newCompany('paging-other');
    expectError(
      await platform.gql(EMPLOYEE_PAGE, { id: company.id }, other.owner.token),
      'FORBIDDEN',
    );

    for (const n of [1, 2, 3])
      await invite(company.id, company.owner, `paging-pending-${n}@example.org`);
    const invitations = async (vars: Record<string, unknown>) =>
      expectData(
        await platform.gql(INVITATION_PAGE, { id: company.id, ...vars }, company.owner.token),
      ).companyInvitations;
    const firstInvitations = await invitations({ first: 2 });
    const rest = await invitations({ first: 2, after: firstInvitations.pageInfo.endCursor });
    expect([...firstInvitations.edges, ...rest.edges].map((e: any) => e.node.email)).toEqual(
      [3, 2, 1].map((n) => `paging-pending-${n}@example.org`),
    );
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });

  it('removes an employee from the company and its teams, but never an owner', async () => {
    const company = await newCompany('remove');
    const [stays, leaves] = [
      await enrol(company, 'remove-stays'),
      await enrol(company, 'remove-leaves'),
    ];
    expectData(
      await platform.gql(
        CREATE_TEAM,
        {
          input: {
            companyOrganizationId: company.id,
            name: 'Both',
            // By user id, as the owners' page picks them from companyEmployees.
            memberUserIds: [stays.id, leaves.id],
          },
        },
        company.owner.token,
      ),
    );
    const both = await platform.gql(
      CREATE_TEAM,
      {
        input: {
          companyOrganizationId: company.id,
          name: 'Ambiguous',
          memberEmails: [stays.email],
          memberUserIds: [stays.id],
        },
      },
      company.owner.token,
    );
    expectError(both, 'BAD_USER_INPUT');
    expectData(
      await platform.gql(
        REMOVE,
        { input: { companyOrganizationId: company.id, userId: leaves.id } },
        company.owner.token,
      ),
    );
    expect(
      (await employeesOf(company.id, company.owner)).employees.map((e: any) => e.userId),
    ).toEqual([stays.id]);
    const teams = expectData(await platform.gql(TEAMS, { id: company.id }, company.owner.token));
    expect(teams.companyTeams.edges[0].node.members).toEqual([{ userId: stays.id }]);
    // Gone from the company: its programs are no longer theirs to see.
    expectError(
      await platform.gql(
        `query($id: ID!) { companyPrograms(companyOrganizationId: $id) { edges { cursor } } }`,
        { id: company.id },
        leaves.token,
      ),
      'FORBIDDEN',
    );
    expectError(
      await platform.gql(
        REMOVE,
        { input: { companyOrganizationId: company.id, userId: company.owner.id } },
        company.owner.token,
      ),
      'BAD_USER_INPUT',
    );
    expectError(
      await platform.gql(
        REMOVE,
        { input: { companyOrganizationId: company.id, userId: stays.id } },
        stays.token,
      ),
      'FORBIDDEN',
    );
  });

  it("follows a team's applications and sums the employees' impact by region and month", async () => {
    const company = await newCompany('impact');
    const employees = [await enrol(company, 'impact-a'), await enrol(company, 'impact-b')];
    const { regionId, projectId } = await f.supervisedRegion({ admin });
    const programId = expectData(
      await platform.gql(
        `mutation($input: CreateCompanyProgramInput!) { createCompanyProgram(input: $input) { id } }`,
        { input: { companyOrganizationId: company.id, name: '地域留職', startDate: '2026-04-01' } },
        company.owner.token,
      ),
    ).createCompanyProgram.id;
    expectData(
      await platform.gql(
        `mutation($input: ProgramProjectInput!) { addProjectToCompanyProgram(input: $input) { id } }`,
        { input: { programId, projectId } },
        company.owner.token,
      ),
    );
    const teamId = expectData(
      await platform.gql(
        CREATE_TEAM,
        {
          input: {
            companyOrganizationId: company.id,
            name: 'Impact',
            memberEmails: employees.map((e) => e.email),
          },
        },
        company.owner.token,
      ),
    ).createCompanyTeam.id;
    const engagements = expectData(
      await platform.gql(
        APPLY,
        { input: { teamId, projectId, motivation: '週末に町の発信を手伝いたいと思っています。' } },
        company.owner.token,
      ),
    ).applyAsCompanyTeam;
    expect(
      expectData(await platform.gql(TEAM_APPLICATIONS, { id: company.id }, company.owner.token))
        .companyTeamApplications,
    ).toHaveLength(2);

    // One member got as far as running, with 3.5 approved hours.
    await platform.dataSource.query(`UPDATE engagement SET status = 'ACTIVE' WHERE id = $1`, [
      engagements[0].id,
    ]);
    const [{ participant_id: participantId }] = await platform.dataSource.query(
      `SELECT participant_id FROM engagement WHERE id = $1`,
      [engagements[0].id],
    );
    await platform.dataSource.query(
      `INSERT INTO engagement_check_in (engagement_id, participant_id, summary, hours, approved_at)
       VALUES ($1, $2, '草刈り', 3.5, now())`,
      [engagements[0].id, participantId],
    );
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });
    const impact = expectData(
      await platform.gql(
        IMPACT,
        { id: company.id, from: `${today.slice(0, 7)}-01`, to: today },
        company.owner.token,
      ),
    ).companyImpact;
    expect(impact).toMatchObject({ hours: 3.5, participants: 2, applications: 2 });
    expect(impact.byStatus).toEqual([
      { status: 'ACTIVE', count: 1 },
      { status: 'SUBMITTED', count: 1 },
    ]);
    expect(impact.regions).toEqual([
      expect.objectContaining({ organizationId: regionId, engagements: 1, hours: 3.5 }),
    ]);
    expect(impact.prefectures).toHaveLength(1);
    expect(impact.months).toEqual([{ month: today.slice(0, 7), applications: 2, hours: 3.5 }]);

    // Another company's owner, or its own employee, does not see it.
    const other = await newCompany('impact-other');
    expectError(
      await platform.gql(
        IMPACT,
        { id: company.id, from: '2026-01-01', to: today },
        other.owner.token,
      ),
      'FORBIDDEN',
    );
    expectError(
      await platform.gql(
        IMPACT,
        { id: company.id, from: today, to: '2026-01-01' },
        company.owner.token,
      ),
      'BAD_USER_INPUT',
    );
  });
});
