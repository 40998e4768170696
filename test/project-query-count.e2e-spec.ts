import { randomBytes } from 'node:crypto';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { expectData, Fixtures, Person } from './support/fixtures';
import { GraphQLResult, startTestPlatform, TestPlatform } from './support/test-platform';

// Every relation a listing shows: each is resolved by a field resolver.
const NODE = `id title
  theme { code name nameEn }
  region { id name kind municipality { code name } }
  program { id name intermediaryOrganizationId }
  place { prefecture { code name } municipality { code name } lat lng }
  requiredSkills { skillId code name nameEn requirement minLevel weight }
  supervisingIntermediaries { id name }
  interestCount interestedByMe`;
const PROJECTS = `query($first: Int, $filter: ProjectFilter) {
  projects(first: $first, filter: $filter) {
    edges { cursor node { ${NODE} } } pageInfo { hasNextPage endCursor } } }`;
const MY_APPLICATIONS = `query($first: Int) { myEngagements(first: $first) {
  edges { node { id status project { ${NODE} } } } } }`;

// No N+1: a page of 5 and a page of 50 projects, each with its region, theme, program, place,
// supervising intermediaries and several required skills, cost the same few SQL statements
// (DataLoaders batch each relation).
describe('project listing query count', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let admin: Person;
  const token = `q${randomBytes(4).toString('hex')}`;
  const projectIds: string[] = [];

  beforeAll(async () => {
    platform = await startTestPlatform();
    f = new Fixtures(platform);
    admin = await f.admin();
    const hubOrg = await f.intermediary(admin, { prefectureCodes: ['01'] }, []);
    const programs: string[] = [];
    for (const name of ['北海道ふるさと副業', '北海道農業応援']) {
      const data = expectData(
        await platform.gql(
          `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }`,
          { input: { intermediaryOrganizationId: hubOrg, name } },
          admin.token,
        ),
      );
      programs.push(data.createProgram.id);
    }
    // Seeded skills, resolved by name as a client would.
    const skillIds: string[] = [];
    for (const name of ['稲作', 'デザイン', 'SNS', 'Excel', '英語', 'ファシリテーション']) {
      const data = expectData(
        await platform.gql(`query($name: String!) { resolveSkill(name: $name) { id } }`, {
          name,
        }),
      );
      skillIds.push(data.resolveSkill.id);
    }
    // Five regions in five towns, so a page spans several regions, themes and programs.
    const regions: Array<{ id: string; staff: Person }> = [];
    for (const code of ['015431', '015865', '016101', '013455', '014621']) {
      const staff = await f.signUp(`staff-${code}`);
      regions.push({ id: await f.region(admin, code, [staff]), staff });
    }
    const themes = ['learning', 'work', 'agriculture', 'local'];
    for (let i = 0; i < 55; i++) {
      const region = regions[i % regions.length];
      const id = await f.publishedProject(admin, region.staff, region.id, {
        title: `件数確認 ${token} ${i}`,
        themeCode: themes[i % themes.length],
        programId: programs[i % programs.length],
        requiredSkills: [0, 1, 2].map((k) => ({
          skillId: skillIds[(i + k) % skillIds.length],
          requirement: k === 0 ? 'MUST' : 'NICE',
          minLevel: 1 + k,
          weight: 5 - k,
        })),
      });
      projectIds.push(id);
    }
  }, 120_000);

  afterAll(() => platform.close());

  // The SQL statements one GraphQL request runs.
  async function statementsFor(run: () => Promise<GraphQLResult>) {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      const result = await run();
      const statements = spy.mock.calls.map((call) => String(call[0]));
      return { data: expectData(result), statements };
    } finally {
      spy.mockRestore();
    }
  }

  it('costs the same few statements for a page of 5 and a page of 50', async () => {
    const page = (first: number) =>
      statementsFor(() => platform.gql(PROJECTS, { first, filter: { text: token } }));
    const small = await page(5);
    const large = await page(50);

    expect(small.data.projects.edges).toHaveLength(5);
    expect(large.data.projects.edges).toHaveLength(50);
    for (const { node } of large.data.projects.edges) {
      expect(node.region.municipality.code).toHaveLength(6);
      expect(node.theme.code).toBeTruthy();
      expect(node.program.intermediaryOrganizationId).toBeTruthy();
      expect(node.place.prefecture.code).toBe('01');
      expect(node.requiredSkills).toHaveLength(3);
      expect(node.requiredSkills[0].requirement).toBe('MUST');
      expect(node.supervisingIntermediaries.length).toBeGreaterThan(0);
    }
    expect(new Set(large.data.projects.edges.map((e: any) => e.node.region.id)).size).toBe(5);

    console.log(
      `projects page: ${small.statements.length} SQL statements for 5, ${large.statements.length} for 50\n` +
        large.statements.map((s) => `  ${s.slice(0, 120)}`).join('\n'),
    );
    expect(large.statements.length).toBe(small.statements.length);
    // The search, then one batched statement per relation (interestCount's is the eighth).
    expect(large.statements.length).toBeLessThanOrEqual(8);
  });

  it('costs the same for nested projects in a list of applications', async () => {
    const apply = async (person: Person, ids: string[]) => {
      for (const projectId of ids) {
        expectData(
          await platform.gql(
            `mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id } }`,
            { input: { projectId, motivation: '週末に関わりたいと思っています。' } },
            person.token,
          ),
        );
      }
    };
    const few = await f.participant('few');
    const many = await f.participant('many');
    await apply(few, projectIds.slice(0, 5));
    await apply(many, projectIds.slice(0, 50));

    const mine = (person: Person) =>
      statementsFor(() => platform.gql(MY_APPLICATIONS, { first: 50 }, person.token));
    const small = await mine(few);
    const large = await mine(many);
    expect(small.data.myEngagements.edges).toHaveLength(5);
    expect(large.data.myEngagements.edges).toHaveLength(50);
    for (const { node } of large.data.myEngagements.edges) {
      expect(node.project.requiredSkills).toHaveLength(3);
      expect(node.project.program).not.toBeNull();
    }
    console.log(
      `myEngagements (authenticated): ${small.statements.length} SQL statements for 5, ${large.statements.length} for 50`,
    );
    expect(large.statements.length).toBe(small.statements.length);
  });
});
