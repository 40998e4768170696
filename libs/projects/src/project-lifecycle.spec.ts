import { decideTransition, PROJECT_RULES, ProjectAction, ProjectRole } from './project-lifecycle';
import { ProjectStatus } from './project-status';

const ALL_ROLE_SETS: Array<[string, Set<ProjectRole>]> = [
  ['nobody', new Set()],
  ['region', new Set([ProjectRole.REGION])],
  ['supervisor', new Set([ProjectRole.SUPERVISOR])],
  ['both', new Set([ProjectRole.REGION, ProjectRole.SUPERVISOR])],
];

// Expected outcomes written out by hand: status × action → (who, result).
const EXPECTED: Record<
  ProjectAction,
  { who: ProjectRole[]; from: Partial<Record<ProjectStatus, ProjectStatus>> }
> = {
  [ProjectAction.SUBMIT]: { who: [ProjectRole.REGION], from: { DRAFT: ProjectStatus.IN_REVIEW } },
  [ProjectAction.REQUEST_CHANGES]: {
    who: [ProjectRole.SUPERVISOR],
    from: { IN_REVIEW: ProjectStatus.DRAFT, PUBLISHED: ProjectStatus.DRAFT },
  },
  [ProjectAction.PUBLISH]: {
    who: [ProjectRole.SUPERVISOR],
    from: { IN_REVIEW: ProjectStatus.PUBLISHED },
  },
  [ProjectAction.EXTEND]: {
    who: [ProjectRole.REGION, ProjectRole.SUPERVISOR],
    from: { PUBLISHED: ProjectStatus.PUBLISHED },
  },
  [ProjectAction.CLOSE]: {
    who: [ProjectRole.REGION, ProjectRole.SUPERVISOR],
    from: { PUBLISHED: ProjectStatus.CLOSED },
  },
  [ProjectAction.ARCHIVE]: {
    who: [ProjectRole.REGION, ProjectRole.SUPERVISOR],
    from: { DRAFT: ProjectStatus.ARCHIVED, CLOSED: ProjectStatus.ARCHIVED },
  },
};

describe('project lifecycle', () => {
  it('has a rule for every action', () => {
    expect(Object.keys(PROJECT_RULES).sort()).toEqual(Object.values(ProjectAction).sort());
  });

  // Every status × action × role combination.
  for (const status of Object.values(ProjectStatus)) {
    for (const action of Object.values(ProjectAction)) {
      for (const [label, roles] of ALL_ROLE_SETS) {
        const expected = EXPECTED[action];
        const allowedRole = expected.who.some((r) => roles.has(r));
        const target = expected.from[status];
        const outcome = !allowedRole ? 'FORBIDDEN' : target ? `→ ${target}` : 'INVALID_TRANSITION';
        it(`${action} on ${status} by ${label}: ${outcome}`, () => {
          const decision = decideTransition(status, action, roles);
          if (!allowedRole) expect(decision).toMatchObject({ ok: false, reason: 'FORBIDDEN' });
          else if (target) expect(decision).toEqual({ ok: true, to: target });
          else expect(decision).toMatchObject({ ok: false, reason: 'INVALID_TRANSITION' });
        });
      }
    }
  }

  it('explains a refused transition in words', () => {
    const decision = decideTransition(
      ProjectStatus.ARCHIVED,
      ProjectAction.PUBLISH,
      new Set([ProjectRole.SUPERVISOR]),
    );
    expect(decision).toEqual({
      ok: false,
      reason: 'INVALID_TRANSITION',
      message: 'Cannot publish a project that is ARCHIVED (allowed from IN_REVIEW)',
    });
    const forbidden = decideTransition(
      ProjectStatus.DRAFT,
      ProjectAction.SUBMIT,
      new Set([ProjectRole.SUPERVISOR]),
    );
    expect(forbidden).toMatchObject({ message: 'Only the region can submit a project' });
  });
});
