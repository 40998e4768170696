import {
  defaultParameters,
  fertilityForTotal,
  HouseholdKind,
  householdMembers,
  SettlementTarget,
  solveSettlement,
} from '@tsunagu/regions';
import { expectData, Fixtures, Person, rejection } from './support/fixtures';
import { startTestPlatform, TestPlatform } from './support/test-platform';

const PROFILE = `query($id: ID!) { regionProfile(organizationId: $id) {
  organizationId description
  organization { id name kind municipality { code name } }
  population { censusYear total ageGroups { fromAge toAge male female } }
  projects { id title status }
  supervisingIntermediaries { id name }
  relationships { completedEngagements participants returningParticipants } } }`;
const PROJECTION = `query($id: ID!, $parameters: PopulationProjectionInput) {
  regionPopulationProjection(organizationId: $id, parameters: $parameters) {
    baseYear household householdSize
    parameters { totalFertilityRate fertility survivalMale survivalFemale sexRatioAtBirth defaults }
    baseline { year total children working elderly }
    settlements { target householdsPerYear peoplePerYear withNewcomers { year total children } } } }`;
const IMPORT = `mutation($input: ImportRegionPopulationInput!) {
  importRegionPopulationCsv(input: $input) { population { censusYear total } } }`;
const SAVE = `mutation($input: RegionPopulationInput!) {
  saveRegionPopulation(input: $input) { population { censusYear total ageGroups { male } } } }`;
const UPDATE = `mutation($input: UpdateRegionProfileInput!) {
  updateRegionProfile(input: $input) { description } }`;
const TRANSITION = `mutation($input: TransitionEngagementInput!) {
  transitionEngagement(input: $input) { id status } }`;
const APPLY = `mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id } }`;
const TERMS = { startDate: '2027-01-10', hoursPerWeek: 4, goals: '町の発信を整える' };

// An ageing town, in the census' own spelling: full-width ranges, a total column and line.
const MALE = [
  120, 140, 160, 150, 60, 70, 110, 130, 150, 170, 200, 240, 300, 330, 310, 260, 190, 120, 50,
];
const FEMALE = [
  110, 130, 150, 140, 55, 65, 100, 125, 150, 175, 210, 260, 320, 360, 350, 320, 280, 210, 130,
];
function censusCsv(): string {
  const rows = ['年齢,総数,男,女'];
  MALE.forEach((m, i) => {
    const label = i === 18 ? '90歳以上' : `${i * 5}～${i * 5 + 4}歳`;
    rows.push(`${label},${m + FEMALE[i]},${m},${FEMALE[i]}`);
  });
  return rows.join('\r\n');
}

describe('region profiles: population, projection and the public page', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let admin: Person;
  let regionStaff: Person;
  let hubStaff: Person;
  let otherRegionStaff: Person;
  let regionId: string;
  let intermediaryId: string;
  let projectId: string;

  beforeAll(async () => {
    platform = await startTestPlatform();
    f = new Fixtures(platform);
    const scene = await f.supervisedRegion({ project: { capacity: 10 } });
    ({ admin, regionStaff, hubStaff, regionId, intermediaryId, projectId } = scene);
    otherRegionStaff = await f.signUp('other-region');
    await f.region(admin, '015431', [otherRegionStaff]);
  });

  afterAll(() => platform.close());

  it('refuses a CSV with bad lines, naming each, and saves nothing', async () => {
    const bad =
      censusCsv().replace('5～9歳,270,140,130', '5～9歳,270,百四十,130') + '\r\n12-15,1,1,0';
    const error = rejection(
      await platform.gql(
        IMPORT,
        { input: { organizationId: regionId, censusYear: 2020, csv: bad } },
        regionStaff.token,
      ),
    );
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.fields).toEqual([
      {
        path: ['input', 'csv', '3', 'COUNT'],
        message: 'Line 3: "百四十" is not a number of people (a whole number, 0 or more)',
      },
      {
        path: ['input', 'csv', '21', 'AGE_GROUP'],
        message: 'Line 21: "12-15" is not a 5-year age group such as 0-4 or 90+',
      },
    ]);
    const profile = expectData(await platform.gql(PROFILE, { id: regionId })).regionProfile;
    expect(profile.population).toBeNull();
    expect(
      expectData(await platform.gql(PROJECTION, { id: regionId })).regionPopulationProjection,
    ).toBeNull();
  });

  it('lets only the region’s own staff (or admins) change its page', async () => {
    const input = { organizationId: regionId, censusYear: 2020, csv: censusCsv() };
    for (const person of [hubStaff, otherRegionStaff]) {
      expect(rejection(await platform.gql(IMPORT, { input }, person.token)).extensions.code).toBe(
        'FORBIDDEN',
      );
    }
    expect(rejection(await platform.gql(IMPORT, { input })).extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    const notRegion = rejection(
      await platform.gql(
        IMPORT,
        { input: { ...input, organizationId: intermediaryId } },
        admin.token,
      ),
    );
    expect(notRegion.extensions.code).toBe('NOT_FOUND');
    expect(
      expectData(await platform.gql(PROFILE, { id: regionId })).regionProfile.population,
    ).toBeNull();
  });

  it('imports the census CSV and projects it as the model computes, for anyone to read', async () => {
    const saved = expectData(
      await platform.gql(
        IMPORT,
        { input: { organizationId: regionId, censusYear: 2020, csv: censusCsv() } },
        regionStaff.token,
      ),
    ).importRegionPopulationCsv;
    const total = [...MALE, ...FEMALE].reduce((s, v) => s + v, 0);
    expect(saved.population).toEqual({ censusYear: 2020, total });

    const profile = expectData(await platform.gql(PROFILE, { id: regionId })).regionProfile;
    expect(profile.population.ageGroups[0]).toEqual({
      fromAge: 0,
      toAge: 4,
      male: 120,
      female: 110,
    });
    expect(profile.population.ageGroups[18]).toEqual({
      fromAge: 90,
      toAge: null,
      male: 50,
      female: 130,
    });

    const projection = expectData(
      await platform.gql(PROJECTION, { id: regionId }),
    ).regionPopulationProjection;
    const base = { male: MALE, female: FEMALE };
    const family = householdMembers(HouseholdKind.FAMILY_WITH_CHILD);
    const expected = solveSettlement(
      base,
      2020,
      defaultParameters(),
      family,
      SettlementTarget.TOTAL,
    );
    expect(projection.baseYear).toBe(2020);
    expect(projection.household).toBe('FAMILY_WITH_CHILD');
    expect(projection.householdSize).toBe(3);
    expect(projection.parameters.defaults).toBe(true);
    expect(projection.parameters.totalFertilityRate).toBeCloseTo(1.33, 2);
    expect(projection.baseline.map((p: { year: number }) => p.year)).toEqual([
      2020, 2025, 2030, 2035, 2040, 2045, 2050,
    ]);
    expect(projection.baseline[0].total).toBe(total);
    expect(projection.baseline[6].total).toBeCloseTo(expected.baseline[6].total, 6);
    expect(projection.baseline[6].total).toBeLessThan(total);
    const [keepTotal, keepChildren] = projection.settlements;
    expect(keepTotal.target).toBe('TOTAL');
    expect(keepTotal.householdsPerYear).toBeCloseTo(expected.householdsPerYear!, 6);
    expect(keepTotal.withNewcomers[6].total).toBeCloseTo(total, 3);
    expect(keepChildren.target).toBe('CHILDREN');
    expect(keepChildren.withNewcomers[6].children).toBeCloseTo(projection.baseline[0].children, 3);
  });

  it('takes overridden rates, and refuses rates out of shape at their path', async () => {
    const higher = expectData(
      await platform.gql(PROJECTION, {
        id: regionId,
        parameters: { totalFertilityRate: 2.07, household: 'YOUNG_COUPLE' },
      }),
    ).regionPopulationProjection;
    const parameters = { ...defaultParameters(), fertility: fertilityForTotal(2.07) };
    const expected = solveSettlement(
      { male: MALE, female: FEMALE },
      2020,
      parameters,
      householdMembers(HouseholdKind.YOUNG_COUPLE),
      SettlementTarget.CHILDREN,
    );
    expect(higher.parameters.defaults).toBe(false);
    expect(higher.parameters.totalFertilityRate).toBeCloseTo(2.07, 6);
    expect(higher.settlements[1].householdsPerYear).toBeCloseTo(expected.householdsPerYear!, 6);

    const refused = await platform.gql(PROJECTION, {
      id: regionId,
      parameters: { survivalMale: [0.9, 0.9], totalFertilityRate: 9 },
    });
    expect(refused.data?.regionPopulationProjection ?? null).toBeNull();
    expect(refused.errors).toHaveLength(1);
    const bad = refused.errors![0];
    expect(bad.extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.extensions.fields).toEqual(
      expect.arrayContaining([
        { path: ['parameters', 'totalFertilityRate'], message: 'must be from 0.5 to 3' },
        { path: ['parameters', 'survivalMale'], message: 'must give 18 ratios' },
      ]),
    );
  });

  it('saves a population typed in, checking its shape, and a description', async () => {
    const short = rejection(
      await platform.gql(
        SAVE,
        { input: { organizationId: regionId, censusYear: 2025, male: [1, 2], female: FEMALE } },
        regionStaff.token,
      ),
    );
    expect(short.extensions.fields).toEqual([
      { path: ['input', 'male'], message: 'must give 19 numbers' },
    ]);
    const negative = rejection(
      await platform.gql(
        SAVE,
        {
          input: {
            organizationId: regionId,
            censusYear: 2025,
            male: MALE.map((m) => -m),
            female: FEMALE,
          },
        },
        regionStaff.token,
      ),
    );
    expect(negative.extensions.fields).toEqual([
      { path: ['input', 'male'], message: 'must each be from 0 to 10000000' },
    ]);
    const saved = expectData(
      await platform.gql(
        SAVE,
        {
          input: {
            organizationId: regionId,
            censusYear: 2025,
            male: MALE.map((m) => m + 1),
            female: FEMALE,
          },
        },
        admin.token,
      ),
    ).saveRegionPopulation;
    expect(saved.population.censusYear).toBe(2025);
    expect(saved.population.ageGroups[0].male).toBe(121);

    expect(
      expectData(
        await platform.gql(
          UPDATE,
          { input: { organizationId: regionId, description: '  棚田と温泉の町です。 ' } },
          regionStaff.token,
        ),
      ).updateRegionProfile,
    ).toEqual({ description: '棚田と温泉の町です。' });
    expect(
      rejection(
        await platform.gql(
          UPDATE,
          { input: { organizationId: regionId, description: 'x' } },
          hubStaff.token,
        ),
      ).extensions.code,
    ).toBe('FORBIDDEN');
  });

  it('shows its public projects, supervising intermediaries and relationships built', async () => {
    const draftId = await f.project(regionStaff, regionId, { title: '下書きの企画' });
    const transition = (person: Person, input: Record<string, unknown>) =>
      platform.gql(TRANSITION, { input }, person.token);
    const complete = async (participant: Person, project: string) => {
      const id = expectData(
        await platform.gql(
          APPLY,
          { input: { projectId: project, motivation: '週末に町の発信を手伝いたいです。' } },
          participant.token,
        ),
      ).applyToProject.id;
      expectData(await transition(regionStaff, { engagementId: id, action: 'ACCEPT' }));
      expectData(await transition(hubStaff, { engagementId: id, action: 'APPROVE', terms: TERMS }));
      expectData(await transition(hubStaff, { engagementId: id, action: 'START' }));
      expectData(await transition(hubStaff, { engagementId: id, action: 'COMPLETE' }));
    };
    const [mai, ken] = await Promise.all([f.participant('mai'), f.participant('ken')]);
    const secondId = await f.publishedProject(hubStaff, regionStaff, regionId, {
      title: '棚田の保全',
      capacity: 10,
    });
    await complete(mai, projectId);
    await complete(mai, secondId);
    await complete(ken, projectId);

    const profile = expectData(await platform.gql(PROFILE, { id: regionId })).regionProfile;
    expect(profile.organization).toMatchObject({
      id: regionId,
      kind: 'REGION',
      municipality: { code: '152081' },
    });
    const ids = profile.projects.map((p: { id: string }) => p.id);
    expect(ids).toEqual(expect.arrayContaining([projectId, secondId]));
    expect(ids).not.toContain(draftId);
    expect(profile.supervisingIntermediaries.map((o: { id: string }) => o.id)).toEqual([
      intermediaryId,
    ]);
    expect(profile.relationships).toEqual({
      completedEngagements: 3,
      participants: 2,
      returningParticipants: 1,
    });

    const missing = rejection(await platform.gql(PROFILE, { id: intermediaryId }));
    expect(missing.extensions.code).toBe('NOT_FOUND');
  });
});
