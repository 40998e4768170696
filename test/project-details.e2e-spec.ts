import { Project } from '@tsunagu/projects';
import { randomUUID } from 'node:crypto';
import { expectData, Fixtures, Person } from './support/fixtures';
import { startTestPlatform, TestPlatform } from './support/test-platform';

const FULL = `id title description mode startDate endDate seasonMonths hoursPerWeek teamSize capacity
  eligibleKinds languages attachments { title url } status reviewComment publishedAt closedAt
  createdAt updatedAt
  theme { code name nameEn }
  region { id name kind municipality { code name prefectureCode } }
  program { id name description intermediaryOrganizationId }
  place { prefecture { code name nameEn } municipality { code name nameEn prefectureCode } lat lng }
  requiredSkills { skillId code name nameEn requirement minLevel weight }`;
const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) { ${FULL} } }`;
const UPDATE = `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { id } }`;
const GET = `query($id: ID!) { project(id: $id) { ${FULL} } }`;
// Stands in for the id of a program created in beforeAll, in it.each tables built before it runs.
const FOREIGN_PROGRAM = 'foreign-program';
const CREATE_PROGRAM = `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }`;

// Project details beyond project-validation.e2e-spec.ts: required skills, season, eligibility,
// languages, attachments and programs, each rejected with its field path when wrong, and a
// project with every field set read back in full.
describe('project details validation', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let admin: Person;
  let staff: Person;
  let regionId: string;
  let coveringProgram: string;
  let foreignProgram: string;
  let coveringHubOrg: string;
  // Seeded skills, by name.
  const skill: Record<string, any> = {};

  const valid = () => ({
    regionOrganizationId: regionId,
    title: '錦鯉の里の案内',
    description: '錦鯉の養殖場を訪ねる人の案内役を募集します。',
    themeCode: 'local',
    mode: 'ONSITE',
    startDate: '2027-05-01',
    endDate: '2027-10-31',
    capacity: 4,
  });

  const resolved = (overrides: object): Record<string, unknown> =>
    JSON.parse(JSON.stringify(overrides), (_key, value: unknown) => {
      if (value === FOREIGN_PROGRAM) return foreignProgram;
      if (typeof value === 'string' && value.startsWith('skill:')) return skill[value.slice(6)].id;
      return value;
    });

  const count = () => platform.dataSource.getRepository(Project).count();

  async function expectFieldError(
    overrides: Record<string, unknown>,
    path: string,
    message: RegExp,
  ) {
    const before = await count();
    const result = await platform.gql(CREATE, { input: { ...valid(), ...overrides } }, staff.token);
    expect(result.data ?? null).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    const fields = result.errors![0].extensions.fields ?? [];
    const field = fields.find((x) => x.path.join('.') === path);
    expect({ path, message: field?.message }).toEqual({
      path,
      message: expect.stringMatching(message),
    });
    expect(await count()).toBe(before);
  }

  beforeAll(async () => {
    platform = await startTestPlatform();
    f = new Fixtures(platform);
    admin = await f.admin();
    staff = await f.signUp('ojiya');
    regionId = await f.region(admin, '152081', [staff]); // 小千谷市, 新潟県
    coveringHubOrg = await f.intermediary(admin, { municipalityCodes: ['152081'] }, []);
    const foreignHubOrg = await f.intermediary(admin, { prefectureCodes: ['01', '20'] }, []);
    const program = async (orgId: string, name: string, description: string) =>
      expectData(
        await platform.gql(
          CREATE_PROGRAM,
          { input: { intermediaryOrganizationId: orgId, name, description } },
          admin.token,
        ),
      ).createProgram.id as string;
    coveringProgram = await program(coveringHubOrg, '中越ふるさと応援', '中越地域の関係人口づくり');
    foreignProgram = await program(foreignHubOrg, '北海道と長野の副業', '');
    for (const name of ['稲作', 'グラフィックデザイン', 'SNS', '英語', 'ファシリテーション']) {
      skill[name] = expectData(
        await platform.gql(
          `query($name: String!) { resolveSkill(name: $name) { id code name nameEn } }`,
          { name },
        ),
      ).resolveSkill;
    }
  });

  afterAll(() => platform.close());

  // Inside it.each tables (built before beforeAll) a placeholder, resolved by `resolved`.
  const need = (name: string, requirement = 'MUST', minLevel = 2, weight?: number) => ({
    skillId: skill[name]?.id ?? `skill:${name}`,
    requirement,
    minLevel,
    ...(weight === undefined ? {} : { weight }),
  });

  it.each([
    [
      'capacity below team size',
      { teamSize: 5, capacity: 3 },
      'input.capacity',
      /^must be at least the team size \(5\)$/,
    ],
    [
      'team size above its limit',
      { teamSize: 101, capacity: 200 },
      'input.teamSize',
      /at most 100/,
    ],
    [
      'an unknown skill id',
      {
        requiredSkills: [need('稲作'), { skillId: randomUUID(), requirement: 'NICE', minLevel: 1 }],
      },
      'input.requiredSkills.1.skillId',
      /^unknown skill [0-9a-f-]{36}$/,
    ],
    [
      'a skill id that is not an id',
      { requiredSkills: [{ skillId: 'rice-farming', requirement: 'MUST', minLevel: 1 }] },
      'input.requiredSkills.0.skillId',
      /must be a valid id/,
    ],
    [
      'a skill listed twice',
      { requiredSkills: [need('稲作'), need('SNS', 'NICE'), need('稲作', 'NICE', 1)] },
      'input.requiredSkills.2.skillId',
      /^is listed twice$/,
    ],
    [
      'minLevel 0',
      { requiredSkills: [need('稲作', 'MUST', 0)] },
      'input.requiredSkills.0.minLevel',
      /^must be 1 to 5$/,
    ],
    [
      'minLevel 6',
      { requiredSkills: [need('SNS'), need('稲作', 'MUST', 6)] },
      'input.requiredSkills.1.minLevel',
      /^must be 1 to 5$/,
    ],
    [
      'weight 0',
      { requiredSkills: [need('稲作', 'MUST', 1, 0)] },
      'input.requiredSkills.0.weight',
      /^must be 1 to 5$/,
    ],
    [
      'weight 6',
      { requiredSkills: [need('稲作', 'MUST', 1, 6)] },
      'input.requiredSkills.0.weight',
      /^must be 1 to 5$/,
    ],
    [
      'a non-URL attachment',
      { attachments: [{ title: '地図', url: 'not a url' }] },
      'input.attachments.0.url',
      /http\(s\) URL/,
    ],
    [
      'an attachment without a scheme',
      {
        attachments: [
          { title: '地図', url: 'https://example.jp/a' },
          { title: '表', url: 'example.jp/b' },
        ],
      },
      'input.attachments.1.url',
      /http\(s\) URL/,
    ],
    [
      'a javascript: attachment',
      { attachments: [{ title: '地図', url: 'javascript:alert(1)' }] },
      'input.attachments.0.url',
      /http\(s\) URL/,
    ],
    [
      'an ftp attachment',
      { attachments: [{ title: '地図', url: 'ftp://example.jp/a' }] },
      'input.attachments.0.url',
      /http\(s\) URL/,
    ],
    [
      'an attachment without a title',
      { attachments: [{ title: '', url: 'https://example.jp/a' }] },
      'input.attachments.0.title',
      /./,
    ],
    ['season month 0', { seasonMonths: [0, 5] }, 'input.seasonMonths', /^months are 1 to 12$/],
    ['season month 13', { seasonMonths: [4, 13] }, 'input.seasonMonths', /^months are 1 to 12$/],
    [
      'a season month twice',
      { seasonMonths: [5, 5] },
      'input.seasonMonths',
      /must not repeat a month/,
    ],
    ['language jpn', { languages: ['ja', 'jpn'] }, 'input.languages', /ISO 639-1/],
    ['language JA', { languages: ['JA'] }, 'input.languages', /ISO 639-1/],
    ['a title of spaces', { title: ' \u3000  ' }, 'input.title', /^must be 3 to 200 characters$/],
    [
      'a description that is short once trimmed',
      { description: '   短い説明です   ' },
      'input.description',
      /^must be 10 to 10,000 characters$/,
    ],
    ['hours 0', { hoursPerWeek: 0 }, 'input.hoursPerWeek', /^must be 1 to 80$/],
    ['hours 81', { hoursPerWeek: 81 }, 'input.hoursPerWeek', /^must be 1 to 80$/],
    [
      'a program of an intermediary that does not cover the place',
      { programId: FOREIGN_PROGRAM },
      'input.programId',
      /does not cover this project's place/,
    ],
    ['an unknown program', { programId: randomUUID() }, 'input.programId', /^is not a program$/],
    [
      'a program id that is not an id',
      { programId: 'program-1' },
      'input.programId',
      /must be a valid id/,
    ],
  ])('rejects %s at its path', async (_what, overrides, path, message) => {
    await expectFieldError(resolved(overrides), path, message);
  });

  it('rejects a wrong requirement or participant kind at the GraphQL layer', async () => {
    for (const overrides of [
      { requiredSkills: [{ ...need('稲作'), requirement: 'SOMETIMES' }] },
      { eligibleKinds: ['RETIREE'] },
    ]) {
      const before = await count();
      const result = await platform.gql(
        CREATE,
        { input: { ...valid(), ...overrides } },
        staff.token,
      );
      expect(result.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(await count()).toBe(before);
    }
  });

  it('rejects the same problems in an edit, at paths under input.changes', async () => {
    const { id } = expectData(
      await platform.gql(CREATE, { input: valid() }, staff.token),
    ).createProject;
    const cases: Array<[Record<string, unknown>, string]> = [
      [
        { requiredSkills: [need('英語'), { ...need('SNS'), skillId: randomUUID() }] },
        'input.changes.requiredSkills.1.skillId',
      ],
      [
        { requiredSkills: [need('英語'), need('英語', 'NICE')] },
        'input.changes.requiredSkills.1.skillId',
      ],
      [{ requiredSkills: [need('英語', 'MUST', 7)] }, 'input.changes.requiredSkills.0.minLevel'],
      [{ seasonMonths: [13] }, 'input.changes.seasonMonths'],
      [{ languages: ['jpn'] }, 'input.changes.languages'],
      [{ attachments: [{ title: 'x', url: 'nope' }] }, 'input.changes.attachments.0.url'],
      [{ teamSize: 9 }, 'input.changes.capacity'],
      [{ programId: foreignProgram }, 'input.changes.programId'],
    ];
    for (const [changes, path] of cases) {
      const result = await platform.gql(UPDATE, { input: { projectId: id, changes } }, staff.token);
      expect(result.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions.fields!.map((x) => x.path.join('.'))).toContain(path);
    }
    const history = expectData(
      await platform.gql(
        `query($projectId: ID!) { projectHistory(projectId: $projectId) { action } }`,
        { projectId: id },
        staff.token,
      ),
    ).projectHistory;
    expect(history).toEqual([{ action: 'CREATED' }]);
  });

  it('takes null for an optional detail as its default on create', async () => {
    const data = expectData(
      await platform.gql(
        CREATE,
        {
          input: {
            ...valid(),
            teamSize: null,
            seasonMonths: null,
            eligibleKinds: null,
            languages: null,
            attachments: null,
            requiredSkills: null,
            hoursPerWeek: null,
            endDate: null,
            programId: null,
            municipalityCode: null,
          },
        },
        staff.token,
      ),
    ).createProject;
    expect(data).toMatchObject({
      teamSize: 1,
      seasonMonths: [],
      eligibleKinds: [],
      languages: ['ja'],
      attachments: [],
      requiredSkills: [],
      hoursPerWeek: null,
      endDate: null,
      program: null,
      place: { municipality: { code: '152081' } },
    });
  });

  it('treats an unknown theme in search filters as matching nothing, not as an error', async () => {
    const result = await platform.gql(
      `query($filter: ProjectFilter) { projects(filter: $filter) { edges { node { id } } } }`,
      { filter: { themeCodes: ['fishing', 'no such theme'] } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.projects.edges).toEqual([]);
  });

  it('creates a project with every field and reads it all back', async () => {
    const input = {
      ...valid(),
      title: '  錦鯉の里 ガイド育成  ',
      description: '  小千谷の錦鯉の歴史を学び、訪れる人を案内できるガイドを育てます。  ',
      themeCode: 'learning',
      municipalityCode: '152081',
      mode: 'HYBRID',
      startDate: '2027-04-01',
      endDate: '2028-03-31',
      seasonMonths: [4, 5, 9, 10],
      hoursPerWeek: 8,
      teamSize: 2,
      capacity: 6,
      eligibleKinds: ['UNIVERSITY_STUDENT', 'PRO_BONO'],
      languages: ['ja', 'en'],
      attachments: [
        { title: '  募集要項  ', url: 'https://example.jp/koi/guide.pdf' },
        { title: '地図', url: 'http://example.jp/map?q=%E5%B0%8F%E5%8D%83%E8%B0%B7' },
      ],
      // Given in no particular order; read back must-haves first, then by weight.
      requiredSkills: [
        need('SNS', 'NICE', 1, 5),
        need('英語', 'MUST', 3, 2),
        need('ファシリテーション', 'MUST', 2, 4),
        need('グラフィックデザイン', 'NICE', 2, 1),
      ],
      programId: coveringProgram,
    };
    const created = expectData(await platform.gql(CREATE, { input }, staff.token)).createProject;
    const read = expectData(await platform.gql(GET, { id: created.id }, staff.token)).project;
    expect(read).toEqual(created);

    const expectedSkill = (
      name: string,
      requirement: string,
      minLevel: number,
      weight: number,
    ) => ({
      skillId: skill[name].id,
      code: skill[name].code,
      name: skill[name].name,
      nameEn: skill[name].nameEn,
      requirement,
      minLevel,
      weight,
    });
    expect(read).toEqual({
      id: created.id,
      title: '錦鯉の里 ガイド育成',
      description: '小千谷の錦鯉の歴史を学び、訪れる人を案内できるガイドを育てます。',
      mode: 'HYBRID',
      startDate: '2027-04-01',
      endDate: '2028-03-31',
      seasonMonths: [4, 5, 9, 10],
      hoursPerWeek: 8,
      teamSize: 2,
      capacity: 6,
      eligibleKinds: ['UNIVERSITY_STUDENT', 'PRO_BONO'],
      languages: ['ja', 'en'],
      attachments: [
        { title: '募集要項', url: 'https://example.jp/koi/guide.pdf' },
        { title: '地図', url: 'http://example.jp/map?q=%E5%B0%8F%E5%8D%83%E8%B0%B7' },
      ],
      status: 'DRAFT',
      reviewComment: null,
      publishedAt: null,
      closedAt: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      theme: { code: 'learning', name: 'まなび', nameEn: 'Learning' },
      region: {
        id: regionId,
        name: 'Region 152081',
        kind: 'REGION',
        municipality: { code: '152081', name: '新潟県小千谷市', prefectureCode: '15' },
      },
      program: {
        id: coveringProgram,
        name: '中越ふるさと応援',
        description: '中越地域の関係人口づくり',
        intermediaryOrganizationId: coveringHubOrg,
      },
      place: {
        prefecture: { code: '15', name: '新潟県', nameEn: 'Niigata' },
        municipality: {
          code: '152081',
          name: '新潟県小千谷市',
          nameEn: 'Ojiya City',
          prefectureCode: '15',
        },
        lat: 37.31444444,
        lng: 138.795,
      },
      requiredSkills: [
        expectedSkill('ファシリテーション', 'MUST', 2, 4),
        expectedSkill('英語', 'MUST', 3, 2),
        expectedSkill('SNS', 'NICE', 1, 5),
        expectedSkill('グラフィックデザイン', 'NICE', 2, 1),
      ],
    });
    expect(Date.parse(read.createdAt)).not.toBeNaN();
  });
});
