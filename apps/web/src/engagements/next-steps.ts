import type { EngagementAction, EngagementRole, EngagementStatus } from '../gql/graphql';

// Where an engagement stands and what happens next, as the participant reads it. Who may take
// which step is the API's rule (Engagement.nextSteps); this only puts it into words and order.

export interface NextStep {
  action: EngagementAction;
  by: readonly EngagementRole[];
}

// The road every engagement takes when all goes well; the interview is optional.
export const MAIN_ROAD: readonly EngagementStatus[] = [
  'SUBMITTED',
  'INTERVIEW',
  'ACCEPTED',
  'APPROVED',
  'ACTIVE',
  'COMPLETED',
];

export const ENDED: readonly EngagementStatus[] = ['DECLINED', 'WITHDRAWN', 'CANCELLED'];

export type StatusGroup = 'all' | 'selection' | 'preparing' | 'active' | 'completed' | 'ended';

// The list's filters: each a few statuses, in the order the road takes them.
export const STATUS_GROUPS: Record<Exclude<StatusGroup, 'all'>, EngagementStatus[]> = {
  selection: ['SUBMITTED', 'INTERVIEW'],
  preparing: ['ACCEPTED', 'APPROVED'],
  active: ['ACTIVE'],
  completed: ['COMPLETED'],
  ended: [...ENDED],
};

export function isStatusGroup(value: string | null): value is StatusGroup {
  return value === 'all' || (value !== null && value in STATUS_GROUPS);
}

// Steps that end an engagement early: not "what happens next" in the ordinary sense.
const ENDING: readonly EngagementAction[] = ['DECLINE', 'WITHDRAW', 'CANCEL'];

export interface Outlook {
  // Who the engagement waits for now (null once it has ended or completed).
  waitingOn: EngagementRole | null;
  // Whether the participant may still step back.
  canWithdraw: boolean;
}

// Completion follows the activity itself: while active, nobody is "waited on".
const NOT_AWAITED: readonly EngagementAction[] = [...ENDING, 'COMPLETE'];

// What happens next is said by the status itself (engagements.next.<status>).
export function outlookOf(steps: readonly NextStep[]): Outlook {
  const forward = steps.find((s) => !NOT_AWAITED.includes(s.action));
  return {
    waitingOn: forward?.by[0] ?? null,
    canWithdraw: steps.some((s) => s.action === 'WITHDRAW' && s.by.includes('PARTICIPANT')),
  };
}

export type TimelineState = 'done' | 'current' | 'upcoming' | 'ended';

export interface TimelineItem {
  status: EngagementStatus;
  state: TimelineState;
  // When it reached this status (ISO), if it has.
  at: string | null;
}

// The timeline: the road so far with dates, where it stands, and what is still ahead. An
// interview that never happened is left out once the road has passed it; an engagement that
// ended early ends the timeline there.
export function timelineOf(
  status: EngagementStatus,
  createdAt: string,
  history: ReadonlyArray<{ toStatus: EngagementStatus; createdAt: string }>,
): TimelineItem[] {
  const reached = new Map<EngagementStatus, string>([['SUBMITTED', createdAt]]);
  for (const event of history) reached.set(event.toStatus, event.createdAt);
  const ended = ENDED.includes(status);
  // How far along the road it got: its status, or for an ended one the last road status reached.
  const lastOnRoad = ended
    ? Math.max(...MAIN_ROAD.map((s, i) => (reached.has(s) ? i : 0)))
    : MAIN_ROAD.indexOf(status);
  const items: TimelineItem[] = [];
  MAIN_ROAD.forEach((road, index) => {
    if (ended && index > lastOnRoad) return;
    if (road === 'INTERVIEW' && !reached.has('INTERVIEW') && index < lastOnRoad) return;
    let state: TimelineState = 'upcoming';
    if (index < lastOnRoad || (ended && index === lastOnRoad)) state = 'done';
    else if (index === lastOnRoad) state = status === 'COMPLETED' ? 'done' : 'current';
    items.push({
      status: road,
      state,
      at: state === 'upcoming' ? null : (reached.get(road) ?? null),
    });
  });
  if (ended) items.push({ status, state: 'ended', at: reached.get(status) ?? null });
  return items;
}
