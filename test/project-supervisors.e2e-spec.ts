import { expectData, Fixtures } from './support/fixtures';
import { startTestPlatform, TestPlatform } from './support/test-platform';

const SUPERVISORS = `query($id: ID!) { project(id: $id) { supervisingIntermediaries { id kind } } }`;

// What a participant reads on a project's page: who accompanies it. The intermediaries whose
// remit covers the project's municipality, by its prefecture or by name; none other.
describe('a project names its supervising intermediaries', () => {
  let platform: TestPlatform;
  let f: Fixtures;

  beforeAll(async () => {
    platform = await startTestPlatform();
    f = new Fixtures(platform);
  });
  afterAll(() => platform.close());

  it('lists the intermediaries covering the place, to a guest too', async () => {
    const admin = await f.admin();
    const [staff, byPrefecture, byMunicipality, elsewhere] = await Promise.all(
      ['staff', 'pref', 'muni', 'other'].map((label) => f.signUp(label)),
    );
    // 小千谷市 (152081) in 新潟県 (15).
    const regionId = await f.region(admin, '152081', [staff]);
    const prefectureHub = await f.intermediary(admin, { prefectureCodes: ['15'] }, [byPrefecture]);
    const municipalityHub = await f.intermediary(admin, { municipalityCodes: ['152081'] }, [
      byMunicipality,
    ]);
    await f.intermediary(admin, { prefectureCodes: ['01'], municipalityCodes: ['152102'] }, [
      elsewhere,
    ]);
    const projectId = await f.publishedProject(byPrefecture, staff, regionId);

    const { project } = expectData(await platform.gql(SUPERVISORS, { id: projectId }));
    expect(project.supervisingIntermediaries.map((o: { id: string }) => o.id).sort()).toEqual(
      [prefectureHub, municipalityHub].sort(),
    );
    expect(project.supervisingIntermediaries.every((o: any) => o.kind === 'INTERMEDIARY')).toBe(
      true,
    );
  });
});
