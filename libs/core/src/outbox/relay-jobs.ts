import { createHash } from 'node:crypto';
import type { DomainEvent } from '../events/domain-event';
import { isJobName, JobName } from '../queue/job-registry';

export interface RelayRow {
  id: string;
  jobName: string;
  jobId: string;
  payload: unknown;
}

// One job to hand to BullMQ and the outbox rows it carries (marked dispatched once it went).
export interface RelayJob<R extends RelayRow = RelayRow> {
  name: JobName;
  payload: unknown;
  jobId: string;
  rows: R[];
}

// The jobs for one relay pass's rows, in their order. The 'notify.event' rows of the pass go as
// 'notify.events' jobs of up to `eventsPerJob` events (NOTIFICATIONS_EVENTS_PER_JOB): one job and
// one fan-out transaction for events that were committed together, rather than one job each
// whose worker slot waits for the batch in front of it. A lone event keeps its own 'notify.event'
// job, as every other row does; with `eventsPerJob` 1 every event does.
//
// A merged job's id is a digest of its rows' job ids: a pass that runs again after a crash
// before marking its rows sends the same job when it finds the same rows. It often finds others
// (rows committed since, rows another relay holds), groups them differently and sends other
// jobs, so an event can be fanned out by two jobs; the fan-out stores, plans and sends nothing
// twice for an event it sees again (unique keys, locks taken in key order).
export function relayJobs<R extends RelayRow>(
  rows: readonly R[],
  eventsPerJob: number,
): Array<RelayJob<R>> {
  const events = eventsPerJob > 1 ? rows.filter((r) => r.jobName === 'notify.event') : [];
  const jobs: Array<RelayJob<R>> = [];
  for (const row of rows) {
    if (events.length > 1 && row.jobName === 'notify.event') continue;
    if (!isJobName(row.jobName)) throw new Error(`unknown job ${row.jobName}`);
    jobs.push({ name: row.jobName, payload: row.payload, jobId: row.jobId, rows: [row] });
  }
  if (events.length < 2) return jobs;
  for (let start = 0; start < events.length; start += eventsPerJob) {
    const chunk = events.slice(start, start + eventsPerJob);
    if (chunk.length === 1) {
      jobs.push({
        name: 'notify.event',
        payload: chunk[0].payload,
        jobId: chunk[0].jobId,
        rows: chunk,
      });
      continue;
    }
    const digest = createHash('sha256')
      .update(chunk.map((r) => r.jobId).join('\n'))
      .digest('hex')
      .slice(0, 32);
    jobs.push({
      name: 'notify.events',
      payload: { events: chunk.map((r) => (r.payload as { event: DomainEvent }).event) },
      jobId: `events.${digest}`,
      rows: chunk,
    });
  }
  return jobs;
}
