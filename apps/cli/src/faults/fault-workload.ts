import { randomBytes } from 'node:crypto';
import { forEachConcurrently } from '../bench/notifications-bench-options';
import { GqlClient, GqlFailure } from './gql-client';

// The fault harness's mixed workload, all through the public GraphQL API: people sign up and
// fill in profiles, regions publish projects, participants apply (region staff hear of it in-app
// and by e-mail), regions accept more people than there are seats, intermediaries approve and
// start, participants check in, and profiles keep being edited (each edit is re-scored).

export const PASSWORD = 'fault-harness-password-1';
// 長岡市 and 三条市 (Niigata), covered by the one intermediary's remit.
const MUNICIPALITIES = ['152021', '152048'];
const EMAIL_DOMAIN = 'faults.tsunagu.invalid';
const BIOS = ['東京から週末に通えます。', '写真と発信が得意です。', '農作業の経験があります。'];

export interface Person {
  id: string;
  email: string;
  token: string;
}

export interface Scene {
  admin: Person;
  hub: Person[];
  regions: Array<{ id: string; staff: Person[] }>;
  projects: Array<{ id: string; regionIndex: number; capacity: number }>;
  participants: Person[];
}

export interface WorkloadCounts {
  // API calls answered successfully (after retries).
  operations: number;
  // Calls refused for good (a CONFLICT for a full project is expected: more accept than fit).
  refused: Record<string, number>;
  applications: number;
  acceptances: number;
  checkIns: number;
  profileEdits: number;
}

const tag = () => randomBytes(4).toString('hex');

export class FaultWorkload {
  readonly counts: WorkloadCounts = {
    operations: 0,
    refused: {},
    applications: 0,
    acceptances: 0,
    checkIns: 0,
    profileEdits: 0,
  };

  constructor(
    private readonly gql: GqlClient,
    private readonly concurrency: number,
    // Marks a new account's address verified (applying needs it); the harness does it in the
    // database: what is under test here is the application pipeline, not the verification mail.
    private readonly markVerified: (userId: string) => Promise<void>,
  ) {}

  private async call<T = unknown>(
    query: string,
    variables: Record<string, unknown>,
    token?: string,
    alreadyDone?: (e: GqlFailure) => boolean,
  ): Promise<T | undefined> {
    try {
      const data = await this.gql.request<T>(query, variables, token, alreadyDone);
      this.counts.operations++;
      return data;
    } catch (error) {
      if (!(error instanceof GqlFailure)) throw error;
      const key = `${error.operation}:${error.code ?? 'NONE'}`;
      this.counts.refused[key] = (this.counts.refused[key] ?? 0) + 1;
      return undefined;
    }
  }

  private async must<T>(
    query: string,
    variables: Record<string, unknown>,
    token?: string,
  ): Promise<T> {
    const data = await this.gql.request<T>(query, variables, token);
    this.counts.operations++;
    return data;
  }

  async signIn(email: string): Promise<Person> {
    const data = await this.must<{ signIn: { accessToken: string; user: { id: string } } }>(
      `mutation($input: SignInInput!) { signIn(input: $input) { accessToken user { id } } }`,
      { input: { email, password: PASSWORD } },
    );
    return { id: data.signIn.user.id, email, token: data.signIn.accessToken };
  }

  async signUp(label: string): Promise<Person> {
    const email = `${label}-${tag()}@${EMAIL_DOMAIN}`;
    const data = await this.must<{ signUp: { accessToken: string; user: { id: string } } }>(
      `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken user { id } } }`,
      { input: { email, password: PASSWORD, displayName: `Faults ${label}`, locale: 'ja' } },
    );
    await this.markVerified(data.signUp.user.id);
    return { id: data.signUp.user.id, email, token: data.signUp.accessToken };
  }

  private async organization(admin: Person, input: Record<string, unknown>, members: Person[]) {
    const data = await this.must<{ createOrganization: { id: string } }>(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
      { input },
      admin.token,
    );
    const id = data.createOrganization.id;
    for (const member of members)
      await this.must(
        `mutation($input: AddMemberInput!) { addOrganizationMember(input: $input) { role } }`,
        { input: { organizationId: id, email: member.email, role: 'STAFF' } },
        admin.token,
      );
    return id;
  }

  async saveProfile(person: Person, bio: string): Promise<boolean> {
    const data = await this.call(
      `mutation($input: ParticipantProfileInput!) { saveMyParticipantProfile(input: $input) { userId } }`,
      { input: { kind: 'PRO_BONO', homeMunicipalityCode: '131130', bio } },
      person.token,
    );
    return data !== undefined;
  }

  // Before any fault: the organisations, projects and people the workload acts as.
  async setUp(
    adminEmail: string,
    sizes: { staff: number; projects: number; participants: number; capacity: number },
  ): Promise<Scene> {
    const admin = await this.signIn(adminEmail);
    const hub = [await this.signUp('hub-1'), await this.signUp('hub-2')];
    const hubId = await this.organization(admin, { kind: 'INTERMEDIARY', name: '中間支援' }, hub);
    await this.must(
      `mutation($input: SetRemitInput!) { setRemit(input: $input) { id } }`,
      {
        input: { organizationId: hubId, prefectureCodes: [], municipalityCodes: MUNICIPALITIES },
      },
      admin.token,
    );
    const regions: Scene['regions'] = [];
    for (const [r, municipalityCode] of MUNICIPALITIES.entries()) {
      const staff: Person[] = [];
      for (let i = 0; i < sizes.staff; i++) staff.push(await this.signUp(`r${r}-staff${i}`));
      const id = await this.organization(
        admin,
        { kind: 'REGION', name: `地域 ${municipalityCode}`, municipalityCode },
        staff,
      );
      regions.push({ id, staff });
    }
    const projects: Scene['projects'] = [];
    for (let p = 0; p < sizes.projects; p++) {
      const regionIndex = p % regions.length;
      const staff = regions[regionIndex].staff[0];
      const data = await this.must<{ createProject: { id: string } }>(
        `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`,
        {
          input: {
            regionOrganizationId: regions[regionIndex].id,
            title: `棚田の援農 ${p + 1}`,
            description: '草刈りと収穫を手伝ってください。',
            themeCode: 'work',
            mode: 'HYBRID',
            startDate: '2027-01-01',
            endDate: '2027-03-31',
            capacity: sizes.capacity,
          },
        },
        staff.token,
      );
      const id = data.createProject.id;
      await this.must(
        `mutation($id: ID!) { submitProject(id: $id) { status } }`,
        { id },
        staff.token,
      );
      await this.must(
        `mutation($id: ID!) { publishProject(id: $id) { status } }`,
        { id },
        hub[0].token,
      );
      projects.push({ id, regionIndex, capacity: sizes.capacity });
    }
    const participants: Person[] = [];
    await forEachConcurrently(
      Array.from({ length: sizes.participants }, (_, i) => i),
      this.concurrency,
      async (i) => {
        const person = await this.signUp(`p${i}`);
        await this.must(
          `mutation($input: ParticipantProfileInput!) { saveMyParticipantProfile(input: $input) { userId } }`,
          { input: { kind: 'PRO_BONO', homeMunicipalityCode: '131130', bio: BIOS[0] } },
          person.token,
        );
        participants.push(person);
      },
    );
    return { admin, hub, regions, projects, participants };
  }

  // Each participant applies to `perParticipant` projects and edits the profile in between.
  async applyAndEdit(scene: Scene, perParticipant: number): Promise<void> {
    await forEachConcurrently(scene.participants, this.concurrency, async (person, i) => {
      for (let k = 0; k < perParticipant; k++) {
        const project = scene.projects[(i + k) % scene.projects.length];
        const applied = await this.call(
          `mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id } }`,
          { input: { projectId: project.id, motivation: '週末に棚田の作業を手伝いたいです。' } },
          person.token,
          // A retry after the first try went through.
          (e) => e.code === 'CONFLICT',
        );
        if (applied !== undefined) this.counts.applications++;
        if (await this.saveProfile(person, BIOS[(k + 1) % BIOS.length])) this.counts.profileEdits++;
      }
    });
  }

  // More profile edits, one round: keeps outbox traffic (re-scores) flowing while faults run.
  async editRound(scene: Scene, round: number): Promise<void> {
    await forEachConcurrently(scene.participants, this.concurrency, async (person) => {
      if (await this.saveProfile(person, `${BIOS[round % BIOS.length]} (${round})`))
        this.counts.profileEdits++;
    });
  }

  // Region staff accept `perProject` applicants of each project at once, more than it seats;
  // the intermediary approves and starts each accepted one and the participant checks in.
  async acceptAndCheckIn(scene: Scene, perProject: number, checkIns: number): Promise<void> {
    const started: Array<{ engagementId: string; participant: Person }> = [];
    await forEachConcurrently(scene.projects, scene.projects.length, async (project) => {
      const staff = scene.regions[project.regionIndex].staff;
      const data = await this.must<{
        projectApplications: {
          edges: Array<{ node: { id: string; applicant: { userId: string } } }>;
        };
      }>(
        `query($id: ID!) { projectApplications(projectId: $id, first: 50) { edges { node { id applicant { userId } } } } }`,
        { id: project.id },
        staff[0].token,
      );
      const applications = (
        data.projectApplications.edges as Array<{
          node: { id: string; applicant: { userId: string } };
        }>
      ).slice(0, perProject);
      const accepted: string[] = [];
      await Promise.all(
        applications.map(async ({ node }, i) => {
          const done = await this.call(
            `mutation($input: TransitionEngagementInput!) { transitionEngagement(input: $input) { status } }`,
            { input: { engagementId: node.id, action: 'ACCEPT' } },
            staff[i % staff.length].token,
          );
          if (done !== undefined) {
            this.counts.acceptances++;
            accepted.push(node.id);
          }
        }),
      );
      for (const engagementId of accepted) {
        const approved = await this.call(
          `mutation($input: TransitionEngagementInput!) { transitionEngagement(input: $input) { status } }`,
          {
            input: {
              engagementId,
              action: 'APPROVE',
              terms: {
                startDate: '2027-01-10',
                endDate: '2027-03-31',
                hoursPerWeek: 4,
                goals: '棚田の草刈りと収穫',
              },
            },
          },
          scene.hub[0].token,
        );
        if (approved === undefined) continue;
        const active = await this.call(
          `mutation($input: TransitionEngagementInput!) { transitionEngagement(input: $input) { status } }`,
          { input: { engagementId, action: 'START' } },
          scene.hub[1].token,
        );
        const applicant = applications.find((a) => a.node.id === engagementId)!.node.applicant;
        const participant = scene.participants.find((p) => p.id === applicant.userId);
        if (active !== undefined && participant) started.push({ engagementId, participant });
      }
    });
    await forEachConcurrently(started, this.concurrency, async ({ engagementId, participant }) => {
      for (let i = 0; i < checkIns; i++) {
        const done = await this.call(
          `mutation($input: AddCheckInInput!) { addCheckIn(input: $input) { id } }`,
          { input: { engagementId, summary: `草刈り ${i + 1} 回目`, hours: 2.5, mood: 4 } },
          participant.token,
        );
        if (done !== undefined) this.counts.checkIns++;
      }
    });
  }
}
