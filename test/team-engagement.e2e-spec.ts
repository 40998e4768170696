import { expectData, Fixtures, Person, rejection } from './support/fixtures';
import { startTestPlatform, TestPlatform } from './support/test-platform';

const CREATE_TEAM = `mutation($input: CreateCompanyTeamInput!) { createCompanyTeam(input: $input) { id } }`;
const APPLY_TEAM = `mutation($input: ApplyAsCompanyTeamInput!) { applyAsCompanyTeam(input: $input) {
  id status applicant { userId displayName kind } } }`;
const TRANSITION = `mutation($input: TransitionEngagementInput!) { transitionEngagement(input: $input) { status } }`;

// A company team engages as several people on one project, each with their own lifecycle.
describe('team engagements', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let admin: Person;
  let owner: Person;
  let employees: Person[];
  let regionStaff: Person;
  let regionId: string;
  let teamId: string;

  const applyTeam = (person: Person, projectId: string) =>
    platform.gql(
      APPLY_TEAM,
      {
        input: { teamId, projectId, motivation: 'チームで週末に伺います。よろしくお願いします。' },
      },
      person.token,
    );

  const published = async (overrides: Record<string, unknown> = {}) => {
    const id = await f.publishedProject(hub, regionStaff, regionId, { capacity: 3, ...overrides });
    return id;
  };
  let hub: Person;

  beforeAll(async () => {
    platform = await startTestPlatform();
    f = new Fixtures(platform);
    ({
      admin,
      regionStaff,
      regionId,
      hubStaff: hub,
    } = await f.supervisedRegion({
      regionStaff: ['ojiya'],
      hubStaff: ['niigata-hub'],
      project: false,
    }));
    owner = await f.signUp('mirai-hr');
    const companyId = await f.company(admin, owner, 'みらい株式会社');
    employees = [
      await f.employee(admin, companyId, 'mirai-1'),
      await f.employee(admin, companyId, 'mirai-2'),
    ];
    teamId = expectData(
      await platform.gql(
        CREATE_TEAM,
        {
          input: {
            companyOrganizationId: companyId,
            name: '地域DXチーム',
            memberEmails: employees.map((e) => e.email),
          },
        },
        owner.token,
      ),
    ).createCompanyTeam.id;
  });

  afterAll(() => platform.close());

  it('applies for every member at once; each engagement then moves on its own', async () => {
    const projectId = await published();
    const applications = expectData(await applyTeam(owner, projectId)).applyAsCompanyTeam;
    expect(applications.map((a: any) => a.applicant.userId).sort()).toEqual(
      employees.map((e) => e.id).sort(),
    );
    expect(applications.every((a: any) => a.status === 'SUBMITTED')).toBe(true);
    expect(applications.every((a: any) => a.applicant.kind === 'COMPANY_EMPLOYEE')).toBe(true);

    const [first, second] = applications.map((a: any) => a.id as string);
    expectData(
      await platform.gql(
        TRANSITION,
        { input: { engagementId: first, action: 'ACCEPT' } },
        regionStaff.token,
      ),
    );
    expectData(
      await platform.gql(
        TRANSITION,
        {
          input: { engagementId: second, action: 'DECLINE', reason: '今回は一名のみ受け入れます' },
        },
        regionStaff.token,
      ),
    );
    const statuses = await platform.dataSource.query(
      'SELECT status FROM engagement WHERE id = ANY($1) ORDER BY status',
      [[first, second]],
    );
    expect(statuses.map((r: any) => r.status)).toEqual(['ACCEPTED', 'DECLINED']);

    // Applying again (any member already applied) is refused and adds nothing.
    const again = rejection(await applyTeam(owner, projectId));
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_APPLIED' });
    const [{ n }] = await platform.dataSource.query(
      'SELECT count(*)::int AS n FROM engagement WHERE project_id = $1',
      [projectId],
    );
    expect(n).toBe(2);
  });

  it('is for the company owners, and for projects open to company employees', async () => {
    const projectId = await published();
    expect(rejection(await applyTeam(employees[0], projectId)).extensions?.code).toBe('FORBIDDEN');
    expect(rejection(await applyTeam(regionStaff, projectId)).extensions?.code).toBe('FORBIDDEN');
    const studentsOnly = await published({ eligibleKinds: ['UNIVERSITY_STUDENT'] });
    const refused = rejection(await applyTeam(owner, studentsOnly));
    expect(refused.extensions?.fields).toEqual([
      { path: ['input', 'projectId'], message: 'is not open to company employees' },
    ]);
    // A member whose profile is no longer a company employee's stops the whole team.
    await platform.dataSource.query(
      `UPDATE participant_profile SET kind = 'PRO_BONO', company_organization_id = NULL WHERE user_id = $1`,
      [employees[1].id],
    );
    expect(rejection(await applyTeam(owner, projectId)).extensions?.fields).toEqual([
      {
        path: ['input', 'teamId'],
        message: "every member needs a company-employee profile linked to the team's company",
      },
    ]);
    const [{ n }] = await platform.dataSource.query(
      'SELECT count(*)::int AS n FROM engagement WHERE project_id = ANY($1)',
      [[projectId, studentsOnly]],
    );
    expect(n).toBe(0);
  });
});
