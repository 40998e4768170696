// The one map of every background job: its name, the queue it runs on and its payload.
// Payloads carry ids only; the state lives in Postgres. The worker refuses to start unless every
// job here has exactly one handler.
import type { DomainEvent } from '../events/domain-event';

export const QUEUE_NAMES = [
  'notifications',
  'scoring',
  'cohorts',
  'engagements',
  'events',
] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export interface JobPayloads {
  // A domain event happened: resolve who hears of it and plan one delivery per recipient and
  // channel (and per subscribed webhook); one job per channel below carries the event's batch.
  'notify.event': { event: DomainEvent };
  // Several events the outbox relay found together (each recorded as its own 'notify.event'),
  // fanned out as one batch; an event that fails goes on alone as its own 'notify.event' job.
  'notify.events': { events: DomainEvent[] };
  // In-app notifications (one event's batch, or one delivery an operator retries): each stored
  // once, then pushed to its recipient's live subscriptions.
  'deliver.in-app': DeliveryBatch;
  // E-mails (one event's batch, or one retried delivery): each sent at most once after the SMTP
  // server accepted it.
  'deliver.email': DeliveryBatch;
  // One transactional e-mail about an account (verification, password reset, e-mail change),
  // sent at most once after the SMTP server accepted it; no preference switches these off.
  'account.mail': { mailId: string };
  // One e-mail asking a guardian to consent (a participant under 18 applied or registered),
  // sent at most once; skipped when its link was replaced or answered meanwhile.
  'guardian.mail': { mailId: string };
  // Every quarter hour: gather each user's digest items once their local digest hour has come.
  'notify.digest-sweep': Record<string, never>;
  // One daily digest e-mail.
  'deliver.digest': { digestId: string };
  // One signed call to a webhook endpoint, at least once: receivers dedupe on Tsunagu-Delivery.
  'deliver.webhook': { deliveryId: string };
  // A profile changed: recompute the participant's recommended projects.
  'score.participant': { participantId: string };
  // A project was published, changed or closed: recompute its candidates and its place in
  // participants' recommendations.
  'score.project': { projectId: string };
  // A full re-score (e.g. after a weights change): plans the run's chunks as a BullMQ flow.
  'score.all': { runId: string };
  // One chunk of a full re-score; skipped when already done, so a resumed run never redoes it.
  'score.chunk': { runId: string; chunk: number };
  // The parent of a run's chunks: runs once every chunk has finished.
  'score.all-finished': { runId: string };
  // An intermediary asked for an allocation of a cohort: compute and store the proposal.
  'cohort.allocate': { allocationId: string };
  // Repeatable sweep: flag quiet engagements and overdue milestones, tell their supervisors.
  'engagements.flag-stale': Record<string, never>;
  // Repeatable sweep: flag applications left unanswered past the response period, pause projects
  // that leave too many of them, unpause those that answered.
  'engagements.flag-unanswered': Record<string, never>;
  // Repeatable sweep: tell participant and supervisor when a 3/6/12-month follow-up falls due.
  'engagements.follow-ups-due': Record<string, never>;
  // Repeatable sweep: send event reminders (the day before, an hour before) that fell due.
  'events.send-reminders': Record<string, never>;
  // Repeatable sweep: remind those signed up for tomorrow's activity days.
  'engagements.activity-day-reminders': Record<string, never>;
}

// A batch of deliveries and the run they belong to: `retries` is 0 for the fan-out's jobs and n
// for an operator's n-th retry of a dead delivery, so a job acts only on the rows of its own run
// (a shared job still retrying its other e-mails must not take, or dead-letter again, a row an
// operator has since given a fresh run). Jobs written before batching carry one `deliveryId`,
// jobs written before runs were named no `retries`: they act on their rows whatever the run.
export type DeliveryBatch = { deliveryIds: string[]; retries?: number } | { deliveryId: string };

export interface DeliveryRun {
  ids: string[];
  retries?: number;
}

export function deliveryRunOf(payload: DeliveryBatch): DeliveryRun {
  return 'deliveryIds' in payload
    ? { ids: payload.deliveryIds, retries: payload.retries }
    : { ids: [payload.deliveryId] };
}

export type JobName = keyof JobPayloads;
export type JobPayload<N extends JobName> = JobPayloads[N];

export interface JobDefinition<N extends JobName = JobName> {
  queue: QueueName;
  attempts: number;
  // Exponential backoff base delay in milliseconds.
  backoffMs: number;
  // Deliveries to the outside world back off from DELIVERY_RETRY_BASE_MS instead, so operators
  // can tune how long a failing mail server or webhook is retried before the dead-letter state.
  deliveryBackoff?: boolean;
  // Debounced jobs wait SCORING_DEBOUNCE_MS; a newer job with the same key replaces a waiting
  // one, and one added while it runs is kept to run right after (never two at once).
  debounceKey?: (payload: JobPayload<N>) => string;
  // A repeatable sweep: the worker upserts its scheduler at start to run it every `everyMs`.
  // Only payload-less jobs can be scheduled (a scheduler has no payload to give).
  schedule?: JobPayload<N> extends Record<string, never> ? { everyMs: number } : never;
}

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

export const JOBS: { readonly [N in JobName]: JobDefinition<N> } = {
  'notify.event': { queue: 'notifications', attempts: 8, backoffMs: 1000 },
  'notify.events': { queue: 'notifications', attempts: 8, backoffMs: 1000 },
  'deliver.in-app': { queue: 'notifications', attempts: 5, backoffMs: 0, deliveryBackoff: true },
  'deliver.email': { queue: 'notifications', attempts: 6, backoffMs: 0, deliveryBackoff: true },
  'account.mail': { queue: 'notifications', attempts: 6, backoffMs: 0, deliveryBackoff: true },
  'guardian.mail': { queue: 'notifications', attempts: 6, backoffMs: 0, deliveryBackoff: true },
  // Digest hours are whole local hours: sweeping every quarter hour sends within 15 minutes of it.
  'notify.digest-sweep': {
    queue: 'notifications',
    attempts: 3,
    backoffMs: 5000,
    schedule: { everyMs: 15 * MINUTE },
  },
  'deliver.digest': { queue: 'notifications', attempts: 6, backoffMs: 0, deliveryBackoff: true },
  'deliver.webhook': { queue: 'notifications', attempts: 8, backoffMs: 0, deliveryBackoff: true },
  'score.participant': {
    queue: 'scoring',
    attempts: 5,
    backoffMs: 2000,
    debounceKey: (p) => `score-participant-${p.participantId}`,
  },
  'score.project': {
    queue: 'scoring',
    attempts: 5,
    backoffMs: 2000,
    debounceKey: (p) => `score-project-${p.projectId}`,
  },
  'score.all': { queue: 'scoring', attempts: 5, backoffMs: 2000 },
  'score.chunk': { queue: 'scoring', attempts: 5, backoffMs: 2000 },
  'score.all-finished': { queue: 'scoring', attempts: 5, backoffMs: 2000 },
  'cohort.allocate': { queue: 'cohorts', attempts: 3, backoffMs: 2000 },
  // Staleness is counted in days; an hourly sweep flags an engagement soon enough.
  'engagements.flag-stale': {
    queue: 'engagements',
    attempts: 3,
    backoffMs: 5000,
    schedule: { everyMs: HOUR },
  },
  // The response period is counted in days too.
  'engagements.flag-unanswered': {
    queue: 'engagements',
    attempts: 3,
    backoffMs: 5000,
    schedule: { everyMs: HOUR },
  },
  // Follow-ups fall due by the month: hourly is plenty.
  'engagements.follow-ups-due': {
    queue: 'engagements',
    attempts: 3,
    backoffMs: 5000,
    schedule: { everyMs: HOUR },
  },
  // The hour-before reminder must not arrive late: every five minutes.
  'events.send-reminders': {
    queue: 'events',
    attempts: 3,
    backoffMs: 5000,
    schedule: { everyMs: 5 * MINUTE },
  },
  // The day-before reminder is due at 09:00: within the quarter hour is on time.
  'engagements.activity-day-reminders': {
    queue: 'engagements',
    attempts: 3,
    backoffMs: 5000,
    schedule: { everyMs: 15 * MINUTE },
  },
};

export const JOB_NAMES = Object.keys(JOBS) as JobName[];

export function isJobName(name: string): name is JobName {
  return Object.prototype.hasOwnProperty.call(JOBS, name);
}

// Every repeatable sweep and how often it runs, read from the registry.
export function scheduledJobs(): Array<{ name: JobName; everyMs: number }> {
  const out: Array<{ name: JobName; everyMs: number }> = [];
  for (const name of JOB_NAMES) {
    const { schedule } = JOBS[name] as { schedule?: { everyMs: number } };
    if (schedule) out.push({ name, everyMs: schedule.everyMs });
  }
  return out;
}

// BullMQ refuses ':' in custom job ids (it is its key separator).
export function assertValidJobId(jobId: string): void {
  if (!/^[A-Za-z0-9._-]+$/.test(jobId)) {
    throw new Error(`Job id "${jobId}" may contain only letters, digits, ".", "_" and "-"`);
  }
}

// Checks discovered handlers against the registry: each job exactly one handler, none unknown.
export function checkJobHandlers(handled: string[]): string[] {
  const problems: string[] = [];
  const counts = new Map<string, number>();
  for (const name of handled) counts.set(name, (counts.get(name) ?? 0) + 1);
  for (const name of JOB_NAMES) {
    const count = counts.get(name) ?? 0;
    if (count === 0) problems.push(`job "${name}" has no handler`);
    if (count > 1) problems.push(`job "${name}" has ${count} handlers`);
  }
  for (const name of counts.keys()) {
    if (!isJobName(name)) problems.push(`handler for unknown job "${name}"`);
  }
  return problems;
}
