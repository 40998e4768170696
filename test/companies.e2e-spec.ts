import { ParticipantKind } from '@tsunagu/participants';
import { Project } from '@tsunagu/projects';
import { randomUUID } from 'node:crypto';
import { expectData, Fixtures, Person } from './support/fixtures';
import { startTestPlatform, TestPlatform } from './support/test-platform';

const PROGRAM = `id name description startDate endDate company { id kind }
  projects { id title status eligibleKinds municipality { code } }`;
const TEAM = `id name company { id } program { id name projects { id } } members { userId displayName }`;
const CREATE_PROGRAM = `mutation($input: CreateCompanyProgramInput!) { createCompanyProgram(input: $input) { ${PROGRAM} } }`;
const ADD = `mutation($input: ProgramProjectInput!) { addProjectToCompanyProgram(input: $input) { ${PROGRAM} } }`;
const REMOVE = `mutation($input: ProgramProjectInput!) { removeProjectFromCompanyProgram(input: $input) { ${PROGRAM} } }`;
const CREATE_TEAM = `mutation($input: CreateCompanyTeamInput!) { createCompanyTeam(input: $input) { ${TEAM} } }`;
const PROGRAMS = `query($companyOrganizationId: ID!, $first: Int, $after: String) {
  companyPrograms(companyOrganizationId: $companyOrganizationId, first: $first, after: $after) {
    edges { node { ${PROGRAM} } } pageInfo { hasNextPage endCursor } } }`;
const TEAMS = `query($companyOrganizationId: ID!) {
  companyTeams(companyOrganizationId: $companyOrganizationId) { edges { node { ${TEAM} } } } }`;
const MY_TEAMS = `{ myCompanyTeams { edges { node { ${TEAM} } } } }`;

interface Company {
  id: string;
  owner: Person;
  employees: Person[];
}

describe('companies: programs and teams', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let admin: Person;
  let regionStaff: Person;
  let hub: Person;
  let regionId: string;
  let openProject: string;
  let studentOnlyProject: string;
  let employeesWelcomeProject: string;
  let draftProject: string;

  // A company with its owner and two enrolled employees: each test gets its own.
  async function company(label: string): Promise<Company> {
    const owner = await f.signUp(`${label}-owner`);
    const id = await f.company(admin, owner, `${label} 株式会社`);
    const employees = await Promise.all([
      f.employee(admin, id, `${label}-employee-1`),
      f.employee(admin, id, `${label}-employee-2`),
    ]);
    return { id, owner, employees };
  }

  async function program(c: Company, name = '地域留職プログラム'): Promise<string> {
    return expectData(
      await platform.gql(
        CREATE_PROGRAM,
        { input: { companyOrganizationId: c.id, name, startDate: '2027-04-01' } },
        c.owner.token,
      ),
    ).createCompanyProgram.id;
  }

  async function publishedProject(
    title: string,
    eligibleKinds: ParticipantKind[] = [],
  ): Promise<string> {
    const id = await f.publishedProject(hub, regionStaff, regionId, { title });
    // The createProject input does not take eligibleKinds yet.
    if (eligibleKinds.length) {
      await platform.dataSource.getRepository(Project).update(id, { eligibleKinds });
    }
    return id;
  }

  const programs = async (c: Company, viewer: Person = c.owner) =>
    expectData(
      await platform.gql(PROGRAMS, { companyOrganizationId: c.id }, viewer.token),
    ).companyPrograms.edges.map((e: any) => e.node);

  const teams = async (c: Company, viewer: Person = c.owner) =>
    expectData(
      await platform.gql(TEAMS, { companyOrganizationId: c.id }, viewer.token),
    ).companyTeams.edges.map((e: any) => e.node);

  beforeAll(async () => {
    platform = await startTestPlatform();
    f = new Fixtures(platform);
    ({
      admin,
      regionStaff,
      regionId,
      hubStaff: hub,
    } = await f.supervisedRegion({
      municipalityCode: '015431', // 美幌町
      regionStaff: ['bihoro'],
      hubStaff: ['hokkaido-hub'],
      project: false,
    }));
    openProject = await publishedProject('空き家バンクの立て直し');
    studentOnlyProject = await publishedProject('高校生・大学生の探究フィールドワーク', [
      ParticipantKind.UNIVERSITY_STUDENT,
      ParticipantKind.HIGH_SCHOOL_STUDENT,
    ]);
    employeesWelcomeProject = await publishedProject('社員研修の受け入れ', [
      ParticipantKind.UNIVERSITY_STUDENT,
      ParticipantKind.COMPANY_EMPLOYEE,
    ]);
    draftProject = await f.project(regionStaff, regionId, { title: 'まだ下書き' });
  });

  afterAll(() => platform.close());

  describe('programs', () => {
    it('are created by the company owner or a platform admin', async () => {
      const c = await company('create');
      const input = {
        companyOrganizationId: c.id,
        name: ' 地域留職プログラム2027 ',
        description: '社員が半年間、地域のプロジェクトに関わります。',
        startDate: '2027-04-01',
        endDate: '2027-04-01',
      };

      const byOwner = expectData(
        await platform.gql(CREATE_PROGRAM, { input }, c.owner.token),
      ).createCompanyProgram;
      const byAdmin = expectData(
        await platform.gql(
          CREATE_PROGRAM,
          { input: { ...input, name: 'Ongoing', endDate: null } },
          admin.token,
        ),
      ).createCompanyProgram;

      expect(byOwner).toMatchObject({
        name: '地域留職プログラム2027',
        description: '社員が半年間、地域のプロジェクトに関わります。',
        startDate: '2027-04-01',
        endDate: '2027-04-01',
        company: { id: c.id, kind: 'COMPANY' },
        projects: [],
      });
      expect(byAdmin.endDate).toBeNull();
      expect((await programs(c)).map((p: any) => p.id)).toEqual([byAdmin.id, byOwner.id]);
    });

    it.each<[string, (c: Company) => Record<string, unknown>, string]>([
      ['an end before the start', () => ({ endDate: '2027-03-31' }), 'input.endDate'],
      [
        'an organisation that is not a company',
        () => ({ companyOrganizationId: regionId }),
        'input.companyOrganizationId',
      ],
      ['a malformed date', () => ({ startDate: '2027/04/01' }), 'input.startDate'],
    ])('rejects %s, creating nothing', async (_what, overrides, path) => {
      const c = await company('invalid-program');
      const input = { companyOrganizationId: c.id, name: 'P', startDate: '2027-04-01' };

      const result = await platform.gql(
        CREATE_PROGRAM,
        { input: { ...input, name: 'Program', ...overrides(c) } },
        c.owner.token,
      );

      expect(result.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      const paths = result.errors![0].extensions.fields!.map((x) => x.path.join('.'));
      expect([...new Set(paths)]).toEqual([path]);
      expect(await programs(c)).toEqual([]);
    });

    it('cannot be created by employees, other companies, regions or intermediaries', async () => {
      const c = await company('forbidden-program');
      const other = await company('other');
      const input = { companyOrganizationId: c.id, name: 'Program', startDate: '2027-04-01' };
      for (const person of [c.employees[0], other.owner, regionStaff, hub]) {
        const result = await platform.gql(CREATE_PROGRAM, { input }, person.token);
        expect(result.errors?.[0].extensions.code).toBe('FORBIDDEN');
      }
      expect(await programs(c)).toEqual([]);
    });
  });

  describe("a program's projects", () => {
    it('takes published projects open to company employees, once each', async () => {
      const c = await company('projects');
      const programId = await program(c);

      expectData(
        await platform.gql(ADD, { input: { programId, projectId: openProject } }, c.owner.token),
      );
      expectData(
        await platform.gql(ADD, { input: { programId, projectId: openProject } }, c.owner.token),
      );
      const after = expectData(
        await platform.gql(
          ADD,
          { input: { programId, projectId: employeesWelcomeProject } },
          admin.token,
        ),
      ).addProjectToCompanyProgram;

      expect(after.projects).toEqual(
        expect.arrayContaining([
          {
            id: openProject,
            title: '空き家バンクの立て直し',
            status: 'PUBLISHED',
            eligibleKinds: [],
            municipality: { code: '015431' },
          },
          expect.objectContaining({
            id: employeesWelcomeProject,
            eligibleKinds: ['UNIVERSITY_STUDENT', 'COMPANY_EMPLOYEE'],
          }),
        ]),
      );
      expect(after.projects).toHaveLength(2);
    });

    it('rejects a student-only project for a company team, changing nothing', async () => {
      const c = await company('student-only');
      const programId = await program(c);
      expectData(
        await platform.gql(ADD, { input: { programId, projectId: openProject } }, c.owner.token),
      );

      const result = await platform.gql(
        ADD,
        { input: { programId, projectId: studentOnlyProject } },
        c.owner.token,
      );

      expect(result.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions.fields).toEqual([
        {
          path: ['input', 'projectId'],
          message: expect.stringMatching(
            /open only to UNIVERSITY_STUDENT, HIGH_SCHOOL_STUDENT: a company team cannot take part/,
          ),
        },
      ]);
      expect((await programs(c))[0].projects.map((p: any) => p.id)).toEqual([openProject]);
    });

    it('rejects a draft and an unknown project alike', async () => {
      const c = await company('draft');
      const programId = await program(c);
      for (const projectId of [draftProject, randomUUID()]) {
        const result = await platform.gql(ADD, { input: { programId, projectId } }, c.owner.token);
        expect(result.errors?.[0].extensions.fields).toEqual([
          { path: ['input', 'projectId'], message: 'must be a published project' },
        ]);
      }
      expect((await programs(c))[0].projects).toEqual([]);
    });

    it('removes a project', async () => {
      const c = await company('remove');
      const programId = await program(c);
      expectData(
        await platform.gql(ADD, { input: { programId, projectId: openProject } }, c.owner.token),
      );

      const after = expectData(
        await platform.gql(REMOVE, { input: { programId, projectId: openProject } }, c.owner.token),
      ).removeProjectFromCompanyProgram;

      expect(after.projects).toEqual([]);
    });

    it('is changed only by the company owner or an admin', async () => {
      const c = await company('change');
      const other = await company('change-other');
      const programId = await program(c);
      const input = { programId, projectId: openProject };
      for (const person of [c.employees[0], other.owner, regionStaff]) {
        for (const mutation of [ADD, REMOVE]) {
          expect(
            (await platform.gql(mutation, { input }, person.token)).errors?.[0].extensions.code,
          ).toBe('FORBIDDEN');
        }
      }
      const unknown = await platform.gql(
        ADD,
        { input: { programId: randomUUID(), projectId: openProject } },
        c.owner.token,
      );
      expect(unknown.errors?.[0].extensions.code).toBe('NOT_FOUND');
      expect((await programs(c))[0].projects).toEqual([]);
    });
  });

  describe('teams', () => {
    it('are made of the company’s employees, optionally within a program', async () => {
      const c = await company('team');
      const programId = await program(c, '留職');

      const team = expectData(
        await platform.gql(
          CREATE_TEAM,
          {
            input: {
              companyOrganizationId: c.id,
              programId,
              name: 'チーム美幌',
              memberEmails: c.employees.map((e) => e.email.toUpperCase()),
            },
          },
          c.owner.token,
        ),
      ).createCompanyTeam;

      expect(team).toMatchObject({
        name: 'チーム美幌',
        company: { id: c.id },
        program: { id: programId, name: '留職', projects: [] },
      });
      expect(team.members.map((m: any) => m.userId).sort()).toEqual(
        c.employees.map((e) => e.id).sort(),
      );
      expect(team.members.map((m: any) => m.displayName).sort()).toEqual([
        'team-employee-1',
        'team-employee-2',
      ]);
      expect(await teams(c)).toEqual([team]);

      const withoutProgram = expectData(
        await platform.gql(
          CREATE_TEAM,
          {
            input: {
              companyOrganizationId: c.id,
              name: 'Solo',
              memberEmails: [c.employees[0].email],
            },
          },
          admin.token,
        ),
      ).createCompanyTeam;
      expect(withoutProgram.program).toBeNull();
    });

    it('names every address that is not an employee of the company, by index, creating nothing', async () => {
      const c = await company('members');
      const other = await company('members-other');
      // A member of this company whose profile is not an employee's.
      const proBono = await f.participant('pro-bono');
      await f.addMember(admin, c.id, proBono);
      // A member of this company whose employee profile is linked to the other company.
      const elsewhere = await f.employee(admin, other.id, 'elsewhere');
      await f.addMember(admin, c.id, elsewhere);
      const notMember = await f.employee(admin, other.id, 'not-member');

      const result = await platform.gql(
        CREATE_TEAM,
        {
          input: {
            companyOrganizationId: c.id,
            name: 'Team',
            memberEmails: [
              c.employees[0].email,
              notMember.email,
              proBono.email,
              elsewhere.email,
              c.employees[0].email,
              'nobody@example.test',
            ],
          },
        },
        c.owner.token,
      );

      expect(result.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions.fields).toEqual([
        { path: ['input', 'memberEmails', '1'], message: 'is not a member of this company' },
        {
          path: ['input', 'memberEmails', '2'],
          message: 'has no COMPANY_EMPLOYEE participant profile linked to this company',
        },
        {
          path: ['input', 'memberEmails', '3'],
          message: 'has no COMPANY_EMPLOYEE participant profile linked to this company',
        },
        { path: ['input', 'memberEmails', '4'], message: 'repeats the employee at index 0' },
        { path: ['input', 'memberEmails', '5'], message: 'is not a member of this company' },
      ]);
      expect(await teams(c)).toEqual([]);
    });

    it('rejects another company’s program and a team name already used', async () => {
      const c = await company('team-rules');
      const other = await company('team-rules-other');
      const otherProgram = await program(other);
      const input = {
        companyOrganizationId: c.id,
        name: 'Team',
        memberEmails: [c.employees[0].email],
      };

      const wrongProgram = await platform.gql(
        CREATE_TEAM,
        { input: { ...input, programId: otherProgram } },
        c.owner.token,
      );
      expect(wrongProgram.errors?.[0].extensions.fields).toEqual([
        { path: ['input', 'programId'], message: 'is not a program of this company' },
      ]);

      expectData(await platform.gql(CREATE_TEAM, { input }, c.owner.token));
      const again = await platform.gql(CREATE_TEAM, { input }, c.owner.token);
      expect(again.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'ALREADY_EXISTS',
      });
      expect(await teams(c)).toHaveLength(1);
    });

    it('are created only by the company owner or an admin', async () => {
      const c = await company('team-forbidden');
      const other = await company('team-forbidden-other');
      const input = {
        companyOrganizationId: c.id,
        name: 'Team',
        memberEmails: [c.employees[0].email],
      };
      for (const person of [c.employees[0], other.owner, hub]) {
        expect(
          (await platform.gql(CREATE_TEAM, { input }, person.token)).errors?.[0].extensions.code,
        ).toBe('FORBIDDEN');
      }
      expect(await teams(c)).toEqual([]);
    });
  });

  describe('who sees programs and teams', () => {
    it('shows them to members of the company and admins only', async () => {
      const c = await company('listing');
      const other = await company('listing-other');
      const programId = await program(c);
      expectData(
        await platform.gql(
          CREATE_TEAM,
          {
            input: { companyOrganizationId: c.id, name: 'T', memberEmails: [c.employees[0].email] },
          },
          c.owner.token,
        ),
      );
      for (const viewer of [c.owner, c.employees[1], admin]) {
        expect((await programs(c, viewer)).map((p: any) => p.id)).toEqual([programId]);
        expect(await teams(c, viewer)).toHaveLength(1);
      }
      const participant = await f.participant('outsider');
      for (const viewer of [other.owner, other.employees[0], regionStaff, hub, participant]) {
        for (const query of [PROGRAMS, TEAMS]) {
          const result = await platform.gql(query, { companyOrganizationId: c.id }, viewer.token);
          expect(result.errors?.[0].extensions.code).toBe('FORBIDDEN');
        }
      }
      const notACompany = await platform.gql(
        PROGRAMS,
        { companyOrganizationId: regionId },
        admin.token,
      );
      expect(notACompany.errors?.[0].extensions.code).toBe('NOT_FOUND');
    });

    it('pages programs newest first', async () => {
      const c = await company('paging');
      const first = await program(c, 'First');
      const second = await program(c, 'Second');

      const page1 = expectData(
        await platform.gql(PROGRAMS, { companyOrganizationId: c.id, first: 1 }, c.owner.token),
      ).companyPrograms;
      expect(page1.edges.map((e: any) => e.node.id)).toEqual([second]);
      expect(page1.pageInfo.hasNextPage).toBe(true);
      const page2 = expectData(
        await platform.gql(
          PROGRAMS,
          { companyOrganizationId: c.id, first: 1, after: page1.pageInfo.endCursor },
          c.owner.token,
        ),
      ).companyPrograms;
      expect(page2.edges.map((e: any) => e.node.id)).toEqual([first]);
      expect(page2.pageInfo.hasNextPage).toBe(false);
    });

    it('shows an employee their own teams, teammates by name only', async () => {
      const c = await company('mine');
      const [alice, bob] = c.employees;
      const create = (name: string, members: Person[]) =>
        platform.gql(
          CREATE_TEAM,
          {
            input: { companyOrganizationId: c.id, name, memberEmails: members.map((m) => m.email) },
          },
          c.owner.token,
        );
      const both = expectData(await create('Both', [alice, bob])).createCompanyTeam.id;
      const bobOnly = expectData(await create('Bob only', [bob])).createCompanyTeam.id;

      const mine = async (person: Person) =>
        expectData(await platform.gql(MY_TEAMS, {}, person.token)).myCompanyTeams.edges.map(
          (e: any) => e.node,
        );

      expect((await mine(alice)).map((t: any) => t.id)).toEqual([both]);
      expect((await mine(bob)).map((t: any) => t.id)).toEqual([bobOnly, both]);
      expect(await mine(c.owner)).toEqual([]);
      const text = JSON.stringify(await mine(alice));
      expect(text).toContain('mine-employee-2');
      expect(text).not.toContain(bob.email);

      const fields = expectData(
        await platform.gql(
          `{ __type(name: "CompanyTeamMember") { fields { name } } }`,
          {},
          alice.token,
        ),
      ).__type.fields.map((x: any) => x.name);
      expect(fields.sort()).toEqual(['displayName', 'userId']);
    });
  });
});
