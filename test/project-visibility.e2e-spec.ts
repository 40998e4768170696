import { expectData, Fixtures, Person, rejection } from './support/fixtures';
import { startTestPlatform, TestPlatform } from './support/test-platform';

// What the web app's project page asks (operations Project and InterestState, shortened).
const PROJECT = `query($id: ID!) { project(id: $id) { id title status } }`;
const INTEREST_STATE = `query($id: ID!) { project(id: $id) { id interestCount interestedByMe } }`;
const APPLY = `mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id } }`;
const MARK = `mutation($projectId: ID!) { markProjectInterest(projectId: $projectId) { id } }`;
const UNMARK = `mutation($projectId: ID!) { unmarkProjectInterest(projectId: $projectId) { id status } }`;
const MOTIVATION = '週末に関わりたいです。よろしくお願いします。';

// A project that ends (CLOSED, then ARCHIVED) stays readable by everyone whose own pages link to
// it — a participant with an engagement on it, with a scout offer for it, in a cohort that holds
// it; a company's people whose programme holds it — and stays "not found" for everyone else (a
// company whose team applied but no programme of which holds it included). A project sent back to
// draft is its region's and supervisors' alone. Acting on it still needs a published project.
describe('project visibility once a project is no longer published', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let projectId: string;
  let draftId: string;
  const readers: Record<string, Person> = {};
  let unrelated: Person;
  let regionStaff: Person;
  // A company's people with no programme holding the project: one of its teams applied to it, and
  // another company took no part at all.
  let teamOwner: Person;
  let otherCompanyOwner: Person;
  let sentBackId: string;

  const gql = (query: string, variables: Record<string, unknown>, who?: Person) =>
    platform.gql(query, variables, who?.token);

  beforeAll(async () => {
    platform = await startTestPlatform();
    f = new Fixtures(platform);
    const s = await f.supervisedRegion({
      municipalityCode: '152081',
      participants: ['engaged', 'scouted', 'cohort-member', 'unrelated'],
    });
    const [engaged, scouted, cohortMember] = s.participants;
    unrelated = s.participants[3];
    regionStaff = s.regionStaff;
    projectId = s.projectId;
    const hub = s.hubStaff;
    draftId = await f.project(regionStaff, s.regionId, { title: '公開前の下書き' });

    // An engagement (an application is one).
    expectData(await gql(APPLY, { input: { projectId, motivation: MOTIVATION } }, engaged));

    // A scout offer.
    expectData(
      await gql(
        `mutation($input: SendScoutOfferInput!) { sendScoutOffer(input: $input) { id } }`,
        {
          input: { projectId, participantId: scouted.id, message: 'ぜひ一緒に取り組みませんか。' },
        },
        hub,
      ),
    );

    // A cohort of the intermediary's programme that holds the project.
    const programId = expectData(
      await gql(
        `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }`,
        {
          input: {
            intermediaryOrganizationId: s.intermediaryId,
            name: '関係人口ゼミ',
            description: '',
          },
        },
        hub,
      ),
    ).createProgram.id;
    const cohortId = expectData(
      await gql(
        `mutation($input: CreateCohortInput!) { createCohort(input: $input) { id } }`,
        { input: { programId, name: '第1期' } },
        hub,
      ),
    ).createCohort.id;
    expectData(
      await gql(
        `mutation($input: AddCohortProjectsInput!) { addCohortProjects(input: $input) { id } }`,
        { input: { cohortId, projects: [{ projectId }] } },
        hub,
      ),
    );
    expectData(
      await gql(
        `mutation($input: AddCohortMembersInput!) { addCohortMembers(input: $input) { id } }`,
        { input: { cohortId, participantIds: [cohortMember.id] } },
        hub,
      ),
    );

    // A company whose programme holds the project: its owner and an employee who took no part.
    const programOwner = await f.signUp('program-owner');
    const programCompany = await f.company(s.admin, programOwner, 'みらい株式会社');
    const programEmployee = await f.employee(s.admin, programCompany, 'program-employee');
    const companyProgramId = expectData(
      await gql(
        `mutation($input: CreateCompanyProgramInput!) { createCompanyProgram(input: $input) { id } }`,
        {
          input: {
            companyOrganizationId: programCompany,
            name: '地域留職プログラム',
            startDate: '2027-01-01',
          },
        },
        programOwner,
      ),
    ).createCompanyProgram.id;
    expectData(
      await gql(
        `mutation($input: ProgramProjectInput!) { addProjectToCompanyProgram(input: $input) { id } }`,
        { input: { programId: companyProgramId, projectId } },
        programOwner,
      ),
    );

    // Another company whose team applied to the project (no programme of its holds it).
    teamOwner = await f.signUp('team-owner');
    const teamCompany = await f.company(s.admin, teamOwner, 'つなぐ商事');
    const teamMember = await f.employee(s.admin, teamCompany, 'team-member');
    const teamId = expectData(
      await gql(
        `mutation($input: CreateCompanyTeamInput!) { createCompanyTeam(input: $input) { id } }`,
        {
          input: {
            companyOrganizationId: teamCompany,
            name: '地域DXチーム',
            memberEmails: [teamMember.email],
          },
        },
        teamOwner,
      ),
    ).createCompanyTeam.id;
    expectData(
      await gql(
        `mutation($input: ApplyAsCompanyTeamInput!) { applyAsCompanyTeam(input: $input) { id } }`,
        { input: { teamId, projectId, motivation: MOTIVATION } },
        teamOwner,
      ),
    );

    Object.assign(readers, {
      engaged,
      scouted,
      cohortMember,
      programOwner,
      programEmployee,
      teamMember,
    });
    otherCompanyOwner = await f.signUp('other-owner');
    await f.company(s.admin, otherCompanyOwner, 'よそ株式会社');

    // A second project the engaged participant applied to, then sent back to draft for changes.
    sentBackId = await f.publishedProject(hub, regionStaff, s.regionId, { title: '見直し中' });
    expectData(
      await gql(APPLY, { input: { projectId: sentBackId, motivation: MOTIVATION } }, engaged),
    );
    expectData(
      await gql(
        `mutation($id: ID!) { requestProjectChanges(id: $id, comment: "体制を見直してください") { status } }`,
        { id: sentBackId },
        hub,
      ),
    );

    expectData(
      await gql(
        `mutation($id: ID!) { closeProject(id: $id, reason: "期間終了") { status } }`,
        { id: projectId },
        regionStaff,
      ),
    );
  });
  afterAll(() => platform?.close());

  const notFound = async (query: string, id: string, who?: Person) => {
    const refused = rejection(await gql(query, { id }, who));
    expect(refused.extensions.code).toBe('NOT_FOUND');
  };

  it.each(['engaged', 'scouted', 'cohortMember', 'programOwner', 'programEmployee', 'teamMember'])(
    'shows the closed project to %s (project and interest state)',
    async (who) => {
      const person = readers[who];
      expect(expectData(await gql(PROJECT, { id: projectId }, person)).project).toMatchObject({
        id: projectId,
        status: 'CLOSED',
      });
      expect(
        expectData(await gql(INTEREST_STATE, { id: projectId }, person)).project,
      ).toMatchObject({
        id: projectId,
        interestedByMe: false,
      });
    },
  );

  it('keeps the closed project "not found" for an unrelated participant and a visitor', async () => {
    for (const person of [teamOwner, otherCompanyOwner]) {
      await notFound(PROJECT, projectId, person);
      await notFound(INTEREST_STATE, projectId, person);
    }
    await notFound(PROJECT, projectId, unrelated);
    await notFound(INTEREST_STATE, projectId, unrelated);
    await notFound(PROJECT, projectId);
    await notFound(INTEREST_STATE, projectId);
    // Taking back a mark one never made reveals nothing either.
    expect(
      expectData(await gql(UNMARK, { projectId }, unrelated)).unmarkProjectInterest,
    ).toBeNull();
  });

  it('refuses acting on it, even to those who see it', async () => {
    const { engaged, scouted } = readers;
    const interest = rejection(await gql(MARK, { projectId }, scouted));
    expect(interest.extensions.code).toBe('NOT_FOUND');
    expect(interest.message).toContain('Published project');
    const apply = rejection(
      await gql(APPLY, { input: { projectId, motivation: MOTIVATION } }, unrelated),
    );
    expect(apply.extensions.code).toBe('NOT_FOUND');
    expect(apply.message).toContain('Published project');
    // Unmarking answers with the project now that the participant may still see it.
    expect(expectData(await gql(UNMARK, { projectId }, engaged)).unmarkProjectInterest).toEqual({
      id: projectId,
      status: 'CLOSED',
    });
  });

  it('keeps a draft nobody outside the region was shown hidden from all of them', async () => {
    for (const person of [...Object.values(readers), unrelated]) {
      await notFound(PROJECT, draftId, person);
    }
    await notFound(PROJECT, draftId);
  });

  it('keeps a project sent back to draft for its region and supervisors only', async () => {
    await notFound(PROJECT, sentBackId, readers.engaged);
    await notFound(INTEREST_STATE, sentBackId, readers.engaged);
    expect(expectData(await gql(PROJECT, { id: sentBackId }, regionStaff)).project.status).toBe(
      'DRAFT',
    );
  });

  it('still shows it once archived, to the same people only', async () => {
    expectData(
      await gql(
        `mutation($id: ID!) { archiveProject(id: $id) { status } }`,
        { id: projectId },
        regionStaff,
      ),
    );
    for (const person of Object.values(readers)) {
      expect(expectData(await gql(PROJECT, { id: projectId }, person)).project.status).toBe(
        'ARCHIVED',
      );
    }
    for (const person of [unrelated, teamOwner, otherCompanyOwner]) {
      await notFound(PROJECT, projectId, person);
    }
    await notFound(PROJECT, projectId);
  });
});
