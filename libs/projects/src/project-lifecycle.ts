import type { Actor, PolicyService, ProjectScope } from '@tsunagu/identity';
import { ProjectStatus } from './project-status';

// What someone can do to a project, and who they are to it.
export enum ProjectAction {
  SUBMIT = 'SUBMIT',
  REQUEST_CHANGES = 'REQUEST_CHANGES',
  PUBLISH = 'PUBLISH',
  EXTEND = 'EXTEND',
  CLOSE = 'CLOSE',
  ARCHIVE = 'ARCHIVE',
}

export enum ProjectRole {
  // Staff of the region organisation that owns the project.
  REGION = 'REGION',
  // Staff of an intermediary whose remit covers the project's municipality, or a platform admin.
  SUPERVISOR = 'SUPERVISOR',
}

// Who the actor is to the project, as identity's policy answers it: the owning region's staff
// edit it; a covering intermediary's staff and platform admins supervise it.
export function projectRolesOf(
  policy: Pick<PolicyService, 'canEditProject' | 'canPublishProject'>,
  actor: Actor,
  project: ProjectScope,
): Set<ProjectRole> {
  const roles = new Set<ProjectRole>();
  if (policy.canEditProject(actor, project)) roles.add(ProjectRole.REGION);
  if (policy.canPublishProject(actor, project)) roles.add(ProjectRole.SUPERVISOR);
  return roles;
}

interface Rule {
  from: ProjectStatus[];
  to: (from: ProjectStatus) => ProjectStatus;
  by: ProjectRole[];
}

const same = (from: ProjectStatus) => from;

// The whole lifecycle: DRAFT → IN_REVIEW → PUBLISHED → CLOSED → ARCHIVED, back to DRAFT with
// review comments, published projects extended or closed early, drafts discarded by archiving.
export const PROJECT_RULES: Record<ProjectAction, Rule> = {
  [ProjectAction.SUBMIT]: {
    from: [ProjectStatus.DRAFT],
    to: () => ProjectStatus.IN_REVIEW,
    by: [ProjectRole.REGION],
  },
  [ProjectAction.REQUEST_CHANGES]: {
    from: [ProjectStatus.IN_REVIEW, ProjectStatus.PUBLISHED],
    to: () => ProjectStatus.DRAFT,
    by: [ProjectRole.SUPERVISOR],
  },
  [ProjectAction.PUBLISH]: {
    from: [ProjectStatus.IN_REVIEW],
    to: () => ProjectStatus.PUBLISHED,
    by: [ProjectRole.SUPERVISOR],
  },
  [ProjectAction.EXTEND]: {
    from: [ProjectStatus.PUBLISHED],
    to: same,
    by: [ProjectRole.REGION, ProjectRole.SUPERVISOR],
  },
  [ProjectAction.CLOSE]: {
    from: [ProjectStatus.PUBLISHED],
    to: () => ProjectStatus.CLOSED,
    by: [ProjectRole.REGION, ProjectRole.SUPERVISOR],
  },
  [ProjectAction.ARCHIVE]: {
    from: [ProjectStatus.DRAFT, ProjectStatus.CLOSED],
    to: () => ProjectStatus.ARCHIVED,
    by: [ProjectRole.REGION, ProjectRole.SUPERVISOR],
  },
};

export type TransitionDecision =
  | { ok: true; to: ProjectStatus }
  | { ok: false; reason: 'FORBIDDEN' | 'INVALID_TRANSITION'; message: string };

// Pure: whether `roles` may take `action` on a project in `status`, and where it leads.
export function decideTransition(
  status: ProjectStatus,
  action: ProjectAction,
  roles: ReadonlySet<ProjectRole>,
): TransitionDecision {
  const rule = PROJECT_RULES[action];
  if (!rule.by.some((role) => roles.has(role))) {
    const who = rule.by.map((r) =>
      r === ProjectRole.REGION ? 'the region' : 'a supervising intermediary',
    );
    return {
      ok: false,
      reason: 'FORBIDDEN',
      message: `Only ${who.join(' or ')} can ${verb(action)} a project`,
    };
  }
  if (!rule.from.includes(status)) {
    return {
      ok: false,
      reason: 'INVALID_TRANSITION',
      message: `Cannot ${verb(action)} a project that is ${status} (allowed from ${rule.from.join(', ')})`,
    };
  }
  return { ok: true, to: rule.to(status) };
}

function verb(action: ProjectAction): string {
  return action.toLowerCase().replace('_', ' ');
}
