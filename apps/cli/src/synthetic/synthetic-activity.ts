import type { Prng } from './prng';
import { WeightedTable } from './prng';

// A year of engagements on top of the synthetic people and projects: applications to published
// projects over the twelve months before the snapshot day, each walked through the engagement
// lifecycle as far as its dates reach (interview, accepted or declined, approved with terms,
// active, completed; withdrawn or cancelled on the way), with the rows the screens read beside
// it: the audit trail, check-ins, milestones, feedback, follow-ups, the conversation and its
// messages, and the notifications the transitions sent. Every participant's applications come
// from a stream of their own (Prng 'activity', n), in participant order.

export type EngagementStatusValue =
  | 'SUBMITTED'
  | 'INTERVIEW'
  | 'ACCEPTED'
  | 'APPROVED'
  | 'ACTIVE'
  | 'COMPLETED'
  | 'DECLINED'
  | 'WITHDRAWN'
  | 'CANCELLED';
export type EngagementActionValue =
  | 'PROPOSE_INTERVIEW'
  | 'ACCEPT'
  | 'DECLINE'
  | 'APPROVE'
  | 'START'
  | 'COMPLETE'
  | 'WITHDRAW'
  | 'CANCEL';

// The statuses that hold one of the project's seats (engagement_holds_seat in the database).
export const SEAT_HOLDING: ReadonlySet<EngagementStatusValue> = new Set([
  'ACCEPTED',
  'APPROVED',
  'ACTIVE',
  'COMPLETED',
]);

export interface EngagementRow {
  id: string;
  projectId: string;
  participantId: string;
  motivation: string;
  status: EngagementStatusValue;
  interview: { slots: string[]; meetingUrl: string | null; notes: string | null } | null;
  terms: {
    startDate: string;
    endDate: string | null;
    hoursPerWeek: number;
    goals: string;
    supervisorId: string;
  } | null;
  statusReason: string | null;
  statusChangedAt: string | null;
  createdAt: string;
}

export interface EngagementEventRow {
  engagementId: string;
  actorId: string | null;
  action: EngagementActionValue;
  fromStatus: EngagementStatusValue;
  toStatus: EngagementStatusValue;
  reason: string | null;
  createdAt: string;
}

export interface CheckInRow {
  id: string;
  engagementId: string;
  participantId: string;
  summary: string;
  hours: number;
  mood: number | null;
  blocked: boolean;
  approvedAt: string | null;
  approvedById: string | null;
  createdAt: string;
}

export interface MilestoneRow {
  id: string;
  engagementId: string;
  title: string;
  dueDate: string;
  doneAt: string | null;
  createdById: string | null;
  createdAt: string;
}

export interface FeedbackRow {
  id: string;
  engagementId: string;
  side: 'PARTICIPANT' | 'REGION';
  rating: number;
  comment: string | null;
  authorId: string | null;
  createdAt: string;
}

export interface FollowUpRow {
  id: string;
  engagementId: string;
  dueMonths: 3 | 6 | 12;
  dueAt: string;
  outcomes: string[] | null;
  note: string | null;
  recordedById: string | null;
  recordedAt: string | null;
  notifiedAt: string | null;
  createdAt: string;
}

export interface ConversationRow {
  id: string;
  engagementId: string;
  projectId: string;
  participantId: string;
  messageCount: number;
  lastMessageAt: string | null;
  lastActivityAt: string;
  createdAt: string;
}

export interface MessageRow {
  id: string;
  conversationId: string;
  seq: number;
  authorId: string;
  authorRole: 'PARTICIPANT' | 'REGION' | 'INTERMEDIARY';
  body: string;
  createdAt: string;
}

export interface NotificationRow {
  id: string;
  recipientId: string;
  eventKey: string;
  type: 'APPLICATION_SUBMITTED' | 'ENGAGEMENT_STATUS_CHANGED';
  title: string;
  body: string;
  data: Record<string, string>;
  facts: Record<string, string>;
  audience: 'PARTICIPANT' | 'REGION' | 'INTERMEDIARY';
  readAt: string | null;
  createdAt: string;
}

export interface ActivityDataset {
  engagements: EngagementRow[];
  engagementEvents: EngagementEventRow[];
  checkIns: CheckInRow[];
  milestones: MilestoneRow[];
  feedback: FeedbackRow[];
  followUps: FollowUpRow[];
  conversations: ConversationRow[];
  messages: MessageRow[];
  notifications: NotificationRow[];
}

export const emptyActivity = (): ActivityDataset => ({
  engagements: [],
  engagementEvents: [],
  checkIns: [],
  milestones: [],
  feedback: [],
  followUps: [],
  conversations: [],
  messages: [],
  notifications: [],
});

// What the generator needs of a participant and of a project.
export interface ActivityParticipant {
  userId: string;
  kind: string;
  createdAt: number;
}

export interface ActivityProject {
  id: string;
  title: string;
  status: string;
  capacity: number;
  eligibleKinds: readonly string[];
  hoursPerWeek: number | null;
  publishedAt: number | null;
  closedAt: number | null;
  regionStaffId: string;
  supervisorId: string;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

// How many projects someone who applies at all applied to this year.
const APPLICATIONS = new WeightedTable<number>([
  [1, 60],
  [2, 28],
  [3, 12],
]);

const MOTIVATIONS = [
  '地域の課題に自分のスキルで関わりたいと考え応募しました。',
  '週末を中心に継続して関わりたいと思っています。',
  'これまでの経験を活かして、現場の皆さんと一緒に取り組みたいです。',
  '将来の移住も視野に入れて、まずは地域を知りたいと思い応募しました。',
  'オンラインと現地の両方で貢献できればと思っています。',
];
const CHECK_IN_SUMMARIES = [
  '現地の方と打ち合わせを行い、次の作業を確認しました。',
  '資料を作成し、共有しました。',
  '作業を進めました。来週はレビューの予定です。',
  '現地で作業に参加しました。',
  'オンラインで進捗を報告しました。',
];
const MILESTONE_TITLES = ['現状の聞き取り', '計画の作成', '中間報告', '成果物の納品', '最終報告会'];
const MESSAGES = [
  'よろしくお願いいたします。',
  '日程についてご相談させてください。',
  'ありがとうございます。確認しました。',
  '資料をお送りします。ご確認ください。',
  '当日はよろしくお願いします。',
  '次回の打ち合わせは来週でいかがでしょうか。',
];
const FEEDBACK = ['とても良い経験になりました。', '丁寧に関わっていただきました。', null];
const DECLINE_REASONS = ['今回は募集の条件と合いませんでした。', '定員に達しました。'];
const WITHDRAW_REASONS = ['都合がつかなくなりました。', '他の活動を優先することにしました。'];
const CANCEL_REASONS = ['地域側の事情により中止となりました。'];
const OUTCOMES = ['REVISITED', 'ONLINE_INVOLVEMENT', 'FURUSATO_NOZEI', 'MOVED_OR_MOVING'];

export interface ActivityInput {
  rng(n: number): Prng;
  asOf: number;
  participants: readonly ActivityParticipant[];
  projects: readonly ActivityProject[];
  // Applications go to `applyingShare` of the participants.
  applyingShare?: number;
}

export function generateActivity(input: ActivityInput, out: ActivityDataset): void {
  const { asOf } = input;
  const iso = (ms: number) => new Date(ms).toISOString();
  const date = (ms: number) => iso(ms).slice(0, 10);
  const yearAgo = asOf - 365 * DAY;
  // Projects one could have applied to in the last year.
  const open = input.projects.filter(
    (p) => p.publishedAt !== null && (p.closedAt ?? asOf) > yearAgo,
  );
  if (open.length === 0) return;
  const seats = new Map<string, number>();
  const share = input.applyingShare ?? 0.55;

  input.participants.forEach((person, index) => {
    const rng = input.rng(index + 1);
    if (!rng.chance(share)) return;
    const wanted = APPLICATIONS.pick(rng);
    const chosen = new Set<string>();
    for (let attempt = 0; chosen.size < wanted && attempt < wanted * 12; attempt++) {
      const project = rng.pick(open);
      if (chosen.has(project.id) || !project.eligibleKinds.includes(person.kind)) continue;
      const from = Math.max(project.publishedAt!, person.createdAt, yearAgo);
      const to = Math.min(project.closedAt ?? asOf, asOf) - HOUR;
      if (from >= to) continue;
      chosen.add(project.id);
      engage(rng, person, project, from + Math.floor(rng.next() * (to - from)));
    }
  });

  function engage(rng: Prng, person: ActivityParticipant, project: ActivityProject, t0: number) {
    const id = rng.uuid();
    const participantId = person.userId;
    const region = project.regionStaffId;
    const supervisor = project.supervisorId;
    // Assigned in step(): typed wide, or the checks below would see only the first value.
    let status = 'SUBMITTED' as EngagementStatusValue;
    let changedAt = null as number | null;
    let reason = null as string | null;
    let interview: EngagementRow['interview'] = null;
    let terms: EngagementRow['terms'] = null;
    let startedAt: number | null = null;
    let endedAt: number | null = null;
    const times: number[] = [t0];
    const notify = (
      recipientId: string,
      audience: NotificationRow['audience'],
      type: NotificationRow['type'],
      at: number,
    ) => {
      out.notifications.push({
        id: rng.uuid(),
        recipientId,
        eventKey: `synthetic:${id}:${times.length}`,
        type,
        title:
          type === 'APPLICATION_SUBMITTED' ? '新しい応募があります' : '応募の状況が変わりました',
        body: project.title,
        data: { projectId: project.id, engagementId: id },
        facts: { projectTitle: project.title, status },
        audience,
        readAt: at < asOf - 7 * DAY && rng.chance(0.8) ? iso(at + rng.int(1, 72) * HOUR) : null,
        createdAt: iso(at),
      });
    };
    // One transition, if its moment has come by the snapshot day.
    const step = (
      action: EngagementActionValue,
      to: EngagementStatusValue,
      at: number,
      actorId: string,
      why: string | null = null,
    ): boolean => {
      if (at >= asOf) return false;
      out.engagementEvents.push({
        engagementId: id,
        actorId,
        action,
        fromStatus: status,
        toStatus: to,
        reason: why,
        createdAt: iso(at),
      });
      if (SEAT_HOLDING.has(to) && !SEAT_HOLDING.has(status)) {
        seats.set(project.id, (seats.get(project.id) ?? 0) + 1);
      } else if (!SEAT_HOLDING.has(to) && SEAT_HOLDING.has(status)) {
        seats.set(project.id, seats.get(project.id)! - 1);
      }
      status = to;
      changedAt = at;
      reason = why;
      times.push(at);
      if (actorId !== participantId)
        notify(participantId, 'PARTICIPANT', 'ENGAGEMENT_STATUS_CHANGED', at);
      else notify(region, 'REGION', 'ENGAGEMENT_STATUS_CHANGED', at);
      return true;
    };
    notify(region, 'REGION', 'APPLICATION_SUBMITTED', t0);

    let t = t0;
    walk: {
      if (rng.chance(0.08)) {
        step(
          'WITHDRAW',
          'WITHDRAWN',
          t + rng.int(1, 240) * HOUR,
          participantId,
          rng.pick(WITHDRAW_REASONS),
        );
        break walk;
      }
      t += rng.int(12, 14 * 24) * HOUR;
      if (rng.chance(0.35)) {
        const slot = t + rng.int(3, 10) * DAY;
        if (!step('PROPOSE_INTERVIEW', 'INTERVIEW', t, region)) break walk;
        interview = { slots: [iso(slot), iso(slot + DAY)], meetingUrl: null, notes: null };
        t = slot + rng.int(1, 72) * HOUR;
      }
      const full = (seats.get(project.id) ?? 0) >= project.capacity;
      if (full || rng.chance(0.35)) {
        step('DECLINE', 'DECLINED', t, region, DECLINE_REASONS[full ? 1 : 0]);
        break walk;
      }
      if (!step('ACCEPT', 'ACCEPTED', t, region)) break walk;
      t += rng.int(2, 10) * DAY;
      if (rng.chance(0.04)) {
        step('CANCEL', 'CANCELLED', t, region, rng.pick(CANCEL_REASONS));
        break walk;
      }
      const start = t + rng.int(3, 21) * DAY;
      const plannedEnd = start + rng.int(30, 120) * DAY;
      if (t >= asOf) break walk;
      terms = {
        startDate: date(start),
        endDate: date(plannedEnd),
        hoursPerWeek: project.hoursPerWeek ?? rng.int(2, 10),
        goals: '地域の皆さんと合意した目標に取り組む',
        supervisorId: supervisor,
      };
      step('APPROVE', 'APPROVED', t, supervisor);
      if (!step('START', 'ACTIVE', start, region)) break walk;
      startedAt = start;
      if (rng.chance(0.05)) {
        const at = start + rng.int(7, 60) * DAY;
        if (step('WITHDRAW', 'WITHDRAWN', at, participantId, rng.pick(WITHDRAW_REASONS)))
          endedAt = at;
        break walk;
      }
      if (step('COMPLETE', 'COMPLETED', plannedEnd, region)) endedAt = plannedEnd;
    }

    out.engagements.push({
      id,
      projectId: project.id,
      participantId,
      motivation: rng.pick(MOTIVATIONS),
      status,
      interview,
      terms,
      statusReason: reason,
      statusChangedAt: changedAt === null ? null : iso(changedAt),
      createdAt: iso(t0),
    });

    // Check-ins every one to two weeks while it ran.
    if (startedAt !== null) {
      const until = Math.min(endedAt ?? asOf, asOf);
      for (let at = startedAt + rng.int(5, 14) * DAY; at < until; at += rng.int(7, 14) * DAY) {
        const approved = at + rng.int(6, 72) * HOUR;
        out.checkIns.push({
          id: rng.uuid(),
          engagementId: id,
          participantId,
          summary: rng.pick(CHECK_IN_SUMMARIES),
          hours: rng.int(2, 24) / 2,
          mood: rng.chance(0.9) ? rng.int(2, 5) : null,
          blocked: rng.chance(0.05),
          approvedAt: approved < asOf && rng.chance(0.85) ? iso(approved) : null,
          approvedById: null,
          createdAt: iso(at),
        });
        const last = out.checkIns[out.checkIns.length - 1];
        if (last.approvedAt) last.approvedById = region;
        times.push(at);
      }
    }
    // Milestones over the agreed period.
    if (terms) {
      const from = Date.parse(`${terms.startDate}T00:00:00Z`);
      const to = Date.parse(`${terms.endDate!}T00:00:00Z`);
      const count = rng.int(2, 3);
      const createdAt = Math.min(from, asOf - HOUR);
      for (let k = 1; k <= count; k++) {
        const due = from + Math.floor(((to - from) * k) / count);
        out.milestones.push({
          id: rng.uuid(),
          engagementId: id,
          title: MILESTONE_TITLES[(k - 1) % MILESTONE_TITLES.length],
          dueDate: date(due),
          doneAt:
            due < asOf && startedAt !== null && rng.chance(0.8)
              ? iso(Math.min(due, asOf - HOUR))
              : null,
          createdById: region,
          createdAt: iso(createdAt),
        });
      }
    }
    if (status === 'COMPLETED' && endedAt !== null) {
      const sides: Array<[FeedbackRow['side'], string, number]> = [
        ['PARTICIPANT', participantId, 0.85],
        ['REGION', region, 0.75],
      ];
      for (const [side, authorId, share] of sides) {
        const at = endedAt + rng.int(1, 14 * 24) * HOUR;
        if (at >= asOf || !rng.chance(share)) continue;
        out.feedback.push({
          id: rng.uuid(),
          engagementId: id,
          side,
          rating: rng.int(3, 5),
          comment: rng.pick(FEEDBACK),
          authorId,
          createdAt: iso(at),
        });
      }
      for (const months of [3, 6, 12] as const) {
        const due = endedAt + months * 30 * DAY;
        const recorded = due < asOf && rng.chance(0.6) ? due + rng.int(1, 20) * DAY : null;
        out.followUps.push({
          id: rng.uuid(),
          engagementId: id,
          dueMonths: months,
          dueAt: iso(due),
          outcomes:
            recorded !== null && recorded < asOf ? rng.sample(OUTCOMES, rng.int(1, 2)) : null,
          note: null,
          recordedById: recorded !== null && recorded < asOf ? supervisor : null,
          recordedAt: recorded !== null && recorded < asOf ? iso(recorded) : null,
          notifiedAt: due < asOf ? iso(due) : null,
          createdAt: iso(endedAt),
        });
      }
    }

    // The conversation: a few messages between the application and its last news.
    const conversationId = rng.uuid();
    const lastNews = Math.max(...times);
    const messageCount = rng.int(0, status === 'SUBMITTED' ? 2 : 8);
    let lastMessageAt: number | null = null;
    for (let seq = 1; seq <= messageCount; seq++) {
      const at = Math.min(
        t0 + Math.floor(((lastNews - t0) * seq) / (messageCount + 1)) + seq * 60_000,
        asOf - 1000,
      );
      const fromParticipant = seq % 2 === 1;
      out.messages.push({
        id: rng.uuid(),
        conversationId,
        seq,
        authorId: fromParticipant ? participantId : region,
        authorRole: fromParticipant ? 'PARTICIPANT' : 'REGION',
        body: rng.pick(MESSAGES),
        createdAt: iso(at),
      });
      lastMessageAt = at;
    }
    out.conversations.push({
      id: conversationId,
      engagementId: id,
      projectId: project.id,
      participantId,
      messageCount,
      lastMessageAt: lastMessageAt === null ? null : iso(lastMessageAt),
      lastActivityAt: iso(Math.max(lastMessageAt ?? t0, changedAt ?? t0)),
      createdAt: iso(t0),
    });
  }
}
