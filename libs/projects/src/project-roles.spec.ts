// Identity's files, not its barrel, which loads every entity and service for nothing here.
import type { Actor, ActorMembership } from '../../identity/src/actor';
import { MembershipRole, OrganizationKind } from '../../identity/src/organization.types';
import { PolicyService, ProjectScope } from '../../identity/src/policy.service';
import { decideTransition, ProjectAction, ProjectRole, projectRolesOf } from './project-lifecycle';
import { ProjectStatus } from './project-status';

// The people of test/project-lifecycle.e2e-spec.ts, as actors: that file takes each step through
// GraphQL once; here every person takes every step from every status.
const BIHORO = '015431'; // 美幌町, 北海道
const MUKAWA = '015865'; // むかわ町, 北海道

function membership(overrides: Partial<ActorMembership>): ActorMembership {
  return {
    organizationId: 'org',
    organizationKind: OrganizationKind.COMPANY,
    role: MembershipRole.STAFF,
    municipalityCode: null,
    remitPrefectureCodes: [],
    remitMunicipalityCodes: [],
    ...overrides,
  };
}
const actor = (...memberships: ActorMembership[]): Actor => ({
  userId: 'user',
  locale: 'ja',
  memberships,
});
const region = (id: string, municipalityCode: string, role = MembershipRole.STAFF) =>
  membership({
    organizationId: id,
    organizationKind: OrganizationKind.REGION,
    municipalityCode,
    role,
  });
const hub = (id: string, remit: Partial<ActorMembership>) =>
  membership({ organizationId: id, organizationKind: OrganizationKind.INTERMEDIARY, ...remit });

const PEOPLE = {
  region: actor(region('region-bihoro', BIHORO)),
  regionOwner: actor(region('region-bihoro', BIHORO, MembershipRole.OWNER)),
  // Another region of the same prefecture.
  otherRegion: actor(region('region-mukawa', MUKAWA)),
  coveringHub: actor(hub('hub-hokkaido', { remitPrefectureCodes: ['01'] })),
  townHub: actor(hub('hub-bihoro', { remitMunicipalityCodes: [BIHORO] })),
  farHub: actor(hub('hub-iwate', { remitPrefectureCodes: ['03'] })),
  // On the staff of the region and of an intermediary covering it.
  regionAndHub: actor(
    region('region-bihoro', BIHORO),
    hub('hub-hokkaido', { remitPrefectureCodes: ['01'] }),
  ),
  // Staff of a company (no say over projects) and a participant (no memberships).
  company: actor(membership({ organizationId: 'company', role: MembershipRole.OWNER })),
  participant: actor(),
  admin: actor(
    membership({ organizationId: 'platform', organizationKind: OrganizationKind.PLATFORM }),
  ),
};
type Person = keyof typeof PEOPLE;

const project: ProjectScope = { regionOrganizationId: 'region-bihoro', municipalityCode: BIHORO };
const policy = new PolicyService();

// Written out by hand: who each person is to the Bihoro project.
const ROLES: Record<Person, ProjectRole[]> = {
  region: [ProjectRole.REGION],
  regionOwner: [ProjectRole.REGION],
  otherRegion: [],
  coveringHub: [ProjectRole.SUPERVISOR],
  townHub: [ProjectRole.SUPERVISOR],
  farHub: [],
  regionAndHub: [ProjectRole.REGION, ProjectRole.SUPERVISOR],
  company: [],
  participant: [],
  admin: [ProjectRole.SUPERVISOR],
};

// Written out by hand too: who may take each step, and from which statuses.
const supervisors: Person[] = ['coveringHub', 'townHub', 'regionAndHub', 'admin'];
const regionOrSupervisors: Person[] = ['region', 'regionOwner', ...supervisors];
// `to` is where the step leads; none for a step that keeps the status.
const STEPS: Record<ProjectAction, { by: Person[]; from: ProjectStatus[]; to?: ProjectStatus }> = {
  [ProjectAction.SUBMIT]: {
    by: ['region', 'regionOwner', 'regionAndHub'],
    from: [ProjectStatus.DRAFT],
    to: ProjectStatus.IN_REVIEW,
  },
  [ProjectAction.REQUEST_CHANGES]: {
    by: supervisors,
    from: [ProjectStatus.IN_REVIEW, ProjectStatus.PUBLISHED],
    to: ProjectStatus.DRAFT,
  },
  [ProjectAction.PUBLISH]: {
    by: supervisors,
    from: [ProjectStatus.IN_REVIEW],
    to: ProjectStatus.PUBLISHED,
  },
  [ProjectAction.CLOSE]: {
    by: regionOrSupervisors,
    from: [ProjectStatus.PUBLISHED],
    to: ProjectStatus.CLOSED,
  },
  [ProjectAction.ARCHIVE]: {
    by: regionOrSupervisors,
    from: [ProjectStatus.DRAFT, ProjectStatus.CLOSED],
    to: ProjectStatus.ARCHIVED,
  },
  [ProjectAction.EXTEND]: { by: regionOrSupervisors, from: [ProjectStatus.PUBLISHED] },
};

describe('who each person is to a project', () => {
  it.each(Object.keys(PEOPLE) as Person[])('%s', (person) => {
    expect([...projectRolesOf(policy, PEOPLE[person], project)].sort()).toEqual(
      [...ROLES[person]].sort(),
    );
  });

  it('is nobody to a project of another region and place', () => {
    const elsewhere = { regionOrganizationId: 'region-ichinoseki', municipalityCode: '032093' };
    for (const person of ['region', 'coveringHub', 'townHub', 'participant'] as const) {
      expect(projectRolesOf(policy, PEOPLE[person], elsewhere).size).toBe(0);
    }
  });

  // Edits are the region's (REGION); remarks anyone's who supervises, and only a supervisor's
  // become the review comment.
  it.each(Object.keys(PEOPLE) as Person[])('%s edits and comments as its roles say', (person) => {
    const roles = ROLES[person];
    expect(policy.canEditProject(PEOPLE[person], project)).toBe(roles.includes(ProjectRole.REGION));
    expect(policy.canSupervise(PEOPLE[person], project)).toBe(roles.length > 0);
    expect(policy.canPublishProject(PEOPLE[person], project)).toBe(
      roles.includes(ProjectRole.SUPERVISOR),
    );
  });
});

describe('every person, step and status', () => {
  const cases = (Object.keys(STEPS) as ProjectAction[]).flatMap((action) =>
    Object.values(ProjectStatus).flatMap((status) =>
      (Object.keys(PEOPLE) as Person[]).map((person) => [action, status, person] as const),
    ),
  );

  it.each(cases)('%s on %s by %s', (action, status, person) => {
    const step = STEPS[action];
    const decision = decideTransition(
      status,
      action,
      projectRolesOf(policy, PEOPLE[person], project),
    );
    if (!step.by.includes(person)) {
      expect(decision).toMatchObject({ ok: false, reason: 'FORBIDDEN' });
      expect(decision.ok || decision.message).toMatch(
        /^Only (the region|a supervising intermediary)/,
      );
    } else if (step.from.includes(status)) {
      expect(decision).toEqual({ ok: true, to: step.to ?? status });
    } else {
      expect(decision).toEqual({
        ok: false,
        reason: 'INVALID_TRANSITION',
        message: expect.stringMatching(
          new RegExp(
            `^Cannot [a-z ]+ a project that is ${status} \\(allowed from ${step.from.join(', ')}\\)$`,
          ),
        ),
      });
    }
  });
});
