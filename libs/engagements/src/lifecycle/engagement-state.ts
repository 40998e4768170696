// The engagement lifecycle, pure: an application (or an accepted scout offer) goes through an
// interview, is accepted by the region, approved by the supervising intermediary with terms, runs
// and completes; it can be declined, withdrawn or cancelled on the way, always with a reason.

export enum EngagementStatus {
  SUBMITTED = 'SUBMITTED',
  INTERVIEW = 'INTERVIEW',
  ACCEPTED = 'ACCEPTED',
  APPROVED = 'APPROVED',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
  CANCELLED = 'CANCELLED',
}

export enum EngagementAction {
  // The region proposes interview slots (again, to reschedule).
  PROPOSE_INTERVIEW = 'PROPOSE_INTERVIEW',
  ACCEPT = 'ACCEPT',
  DECLINE = 'DECLINE',
  // The intermediary approves the terms (period, hours, goals, supervisor).
  APPROVE = 'APPROVE',
  START = 'START',
  COMPLETE = 'COMPLETE',
  // The participant steps back.
  WITHDRAW = 'WITHDRAW',
  // Region or intermediary end an accepted engagement.
  CANCEL = 'CANCEL',
}

export enum EngagementRole {
  // The participant the engagement is about.
  PARTICIPANT = 'PARTICIPANT',
  // Staff of the region that owns the project.
  REGION = 'REGION',
  // Staff of an intermediary whose remit covers the project.
  INTERMEDIARY = 'INTERMEDIARY',
}

const S = EngagementStatus;
const R = EngagementRole;

interface Rule {
  from: EngagementStatus[];
  to: EngagementStatus;
  by: EngagementRole[];
  // Ending someone's engagement always says why.
  needsReason: boolean;
}

const ENGAGEMENT_RULES: Record<EngagementAction, Rule> = {
  [EngagementAction.PROPOSE_INTERVIEW]: {
    from: [S.SUBMITTED, S.INTERVIEW],
    to: S.INTERVIEW,
    by: [R.REGION],
    needsReason: false,
  },
  [EngagementAction.ACCEPT]: {
    from: [S.SUBMITTED, S.INTERVIEW],
    to: S.ACCEPTED,
    by: [R.REGION],
    needsReason: false,
  },
  [EngagementAction.DECLINE]: {
    from: [S.SUBMITTED, S.INTERVIEW],
    to: S.DECLINED,
    by: [R.REGION],
    needsReason: true,
  },
  [EngagementAction.APPROVE]: {
    from: [S.ACCEPTED],
    to: S.APPROVED,
    by: [R.INTERMEDIARY],
    needsReason: false,
  },
  [EngagementAction.START]: {
    from: [S.APPROVED],
    to: S.ACTIVE,
    by: [R.REGION, R.INTERMEDIARY],
    needsReason: false,
  },
  [EngagementAction.COMPLETE]: {
    from: [S.ACTIVE],
    to: S.COMPLETED,
    by: [R.REGION, R.INTERMEDIARY],
    needsReason: false,
  },
  [EngagementAction.WITHDRAW]: {
    from: [S.SUBMITTED, S.INTERVIEW, S.ACCEPTED, S.APPROVED, S.ACTIVE],
    to: S.WITHDRAWN,
    by: [R.PARTICIPANT],
    needsReason: true,
  },
  [EngagementAction.CANCEL]: {
    from: [S.ACCEPTED, S.APPROVED, S.ACTIVE],
    to: S.CANCELLED,
    by: [R.REGION, R.INTERMEDIARY],
    needsReason: true,
  },
};

// Which engagements hold one of the project's seats (ACCEPTED, APPROVED, ACTIVE, COMPLETED) is
// defined once, in the database: engagement_holds_seat / project_seats_held count and enforce it.

// From here on participant and region see each other's contact details.
export const CONTACTS_SHARED: readonly EngagementStatus[] = [S.APPROVED, S.ACTIVE, S.COMPLETED];

export type EngagementDecision =
  | { ok: true; to: EngagementStatus; needsReason: boolean }
  | { ok: false; reason: 'FORBIDDEN' | 'INVALID_TRANSITION'; message: string };

export interface EngagementNextStep {
  action: EngagementAction;
  // Who may take it: anyone of these.
  by: EngagementRole[];
}

// What may happen next to an engagement in `status`, and who takes each step (the state
// machine read forwards, for pages that say what happens next).
export function nextSteps(status: EngagementStatus): EngagementNextStep[] {
  return (Object.keys(ENGAGEMENT_RULES) as EngagementAction[])
    .filter((action) => ENGAGEMENT_RULES[action].from.includes(status))
    .map((action) => ({ action, by: [...ENGAGEMENT_RULES[action].by] }));
}

// How error messages name who may act ("Only the region or a supervising intermediary can …").
export function whoMay(roles: readonly EngagementRole[]): string {
  return roles.map((r) => WHO[r]).join(' or ');
}

const WHO: Record<EngagementRole, string> = {
  PARTICIPANT: 'the participant',
  REGION: 'the region',
  INTERMEDIARY: 'a supervising intermediary',
};

// Whether someone with `roles` may take `action` on an engagement in `status`, and where it leads.
export function decideEngagement(
  status: EngagementStatus,
  action: EngagementAction,
  roles: ReadonlySet<EngagementRole>,
): EngagementDecision {
  const rule = ENGAGEMENT_RULES[action];
  const verb = action.toLowerCase().replace('_', ' ');
  if (!rule.by.some((role) => roles.has(role))) {
    return {
      ok: false,
      reason: 'FORBIDDEN',
      message: `Only ${whoMay(rule.by)} can ${verb} an engagement`,
    };
  }
  if (!rule.from.includes(status)) {
    return {
      ok: false,
      reason: 'INVALID_TRANSITION',
      message: `Cannot ${verb} an engagement that is ${status} (allowed from ${rule.from.join(', ')})`,
    };
  }
  return { ok: true, to: rule.to, needsReason: rule.needsReason };
}
