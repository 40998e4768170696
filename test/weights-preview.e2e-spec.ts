import { expectData, Fixtures, Person, rejection } from './support/fixtures';
import { eventually, startTestPlatform, TestPlatform } from './support/test-platform';

const PREVIEW = `query($input: SetProgramWeightsInput!) { previewProgramWeights(input: $input) {
  fromRemit projects { projectId projectTitle
    candidates { participantId displayName rankBefore rankAfter scoreBefore scoreAfter } } } }`;
const SET_WEIGHTS = `mutation($input: SetProgramWeightsInput!) { setProgramWeights(input: $input) {
  version } }`;
const CANDIDATES = `query($projectId: ID!) { recommendedCandidates(projectId: $projectId, first: 10) {
  edges { node { rank participant { userId } } } } }`;
const CREATE_PROGRAM = `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }`;

// Theme counts for everything: the participants who like the project's theme go first.
const THEME_FIRST = {
  skills: 0,
  theme: 1,
  availability: 0,
  distance: 0,
  goal: 0,
  tie: 0,
  fairness: 0,
};

describe('previewing a program’s matching weights', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let regionStaff: Person;
  let hubStaff: Person;
  let intermediaryId: string;
  let programId: string;
  let projectId: string;
  let people: Person[];

  const storedOrder = async () =>
    expectData(
      await platform.gql(CANDIDATES, { projectId }, hubStaff.token),
    ).recommendedCandidates.edges.map((e: any) => e.node.participant.userId as string);
  const preview = async (weights: Record<string, number>, as: Person = hubStaff, id = programId) =>
    platform.gql(PREVIEW, { input: { programId: id, weights } }, as.token);

  beforeAll(async () => {
    platform = await startTestPlatform({ worker: true, env: { SCORING_DEBOUNCE_MS: '300' } });
    f = new Fixtures(platform);
    let regionId: string;
    ({ regionStaff, hubStaff, intermediaryId, regionId } = await f.supervisedRegion({
      project: false,
    }));
    programId = expectData(
      await platform.gql(
        CREATE_PROGRAM,
        { input: { intermediaryOrganizationId: intermediaryId, name: 'Web side jobs' } },
        hubStaff.token,
      ),
    ).createProgram.id;
    const webDesign = await f.skill('Web design');
    projectId = await f.publishedProject(hubStaff, regionStaff, regionId, {
      title: 'Webサイトの更新',
      themeCode: 'work',
      programId,
      // A nice-to-have at level 5 gives partial credit below it, so levels rank people.
      requiredSkills: [{ skillId: webDesign, requirement: 'NICE', minLevel: 5, weight: 5 }],
    });
    // Strong skills and another theme first under the defaults; weaker skills in the theme after.
    const profiles = [
      { level: 5, themeCodes: ['agriculture'] },
      { level: 4, themeCodes: ['agriculture'] },
      { level: 1, themeCodes: ['work'] },
    ];
    people = [];
    for (const [i, p] of profiles.entries()) {
      const person = await f.signUp(`candidate-${i}`);
      expectData(
        await f.saveProfile(person, {
          kind: 'PRO_BONO',
          homeMunicipalityCode: '131130',
          travelRangeKm: 500,
          themeCodes: p.themeCodes,
          goals: ['SIDE_JOB_TRIAL'],
          skills: [{ skillId: webDesign, level: p.level }],
        }),
      );
      people.push(person);
    }
    await eventually(async () => (await storedOrder()).length === 3);
  });

  afterAll(() => platform.close());

  it('ranks the stored candidates under both weights, and the saved ranking follows the preview', async () => {
    const before = await storedOrder();
    const result = expectData(await preview(THEME_FIRST)).previewProgramWeights;
    expect(result.fromRemit).toBe(false);
    expect(result.projects).toHaveLength(1);
    const [project] = result.projects;
    expect(project).toMatchObject({ projectId, projectTitle: 'Webサイトの更新' });
    const byRank = (key: 'rankBefore' | 'rankAfter') =>
      [...project.candidates]
        .sort((a: any, b: any) => a[key] - b[key])
        .map((c: any) => c.participantId as string);
    // "Before" is the stored ranking; the theme-lover moves up to the top.
    expect(byRank('rankBefore')).toEqual(before);
    expect(before[0]).toBe(people[0].id);
    expect(byRank('rankAfter')[0]).toBe(people[2].id);
    const mover = project.candidates.find((c: any) => c.participantId === people[2].id);
    expect(mover.rankBefore).toBeGreaterThan(1);
    expect(mover.rankAfter).toBe(1);
    expect(mover.scoreAfter).toBeGreaterThan(mover.scoreBefore);
    expect(mover.displayName).toEqual(expect.any(String));
    // Nothing was stored by the preview.
    const [{ n }] = await platform.dataSource.query(
      'SELECT count(*)::int AS n FROM program_weights WHERE program_id = $1',
      [programId],
    );
    expect(n).toBe(0);

    expectData(
      await platform.gql(
        SET_WEIGHTS,
        { input: { programId, weights: THEME_FIRST } },
        hubStaff.token,
      ),
    );
    await eventually(async () => {
      expect(await storedOrder()).toEqual(byRank('rankAfter'));
      return true;
    });
  });

  it('refuses bad weights and people outside the program’s intermediary', async () => {
    const bad = rejection(await preview({ ...THEME_FIRST, theme: 2 }));
    expect(bad.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.extensions?.fields).toEqual([
      { path: ['input', 'weights', 'theme'], message: 'must be between 0 and 1' },
    ]);
    expect(rejection(await preview(THEME_FIRST, regionStaff)).extensions?.code).toBe('FORBIDDEN');
    expect(
      rejection(await preview(THEME_FIRST, hubStaff, '00000000-0000-4000-8000-000000000000'))
        .extensions?.code,
    ).toBe('NOT_FOUND');
  });

  it('uses projects in the remit for a program without published projects', async () => {
    const emptyProgram = expectData(
      await platform.gql(
        CREATE_PROGRAM,
        { input: { intermediaryOrganizationId: intermediaryId, name: 'New program' } },
        hubStaff.token,
      ),
    ).createProgram.id;
    const result = expectData(
      await preview(THEME_FIRST, hubStaff, emptyProgram),
    ).previewProgramWeights;
    expect(result.fromRemit).toBe(true);
    expect(result.projects.map((p: any) => p.projectId)).toContain(projectId);
  });
});
