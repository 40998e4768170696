import { DataSource } from 'typeorm';
import type { Job } from 'bullmq';
import type { QueueService } from '@tsunagu/core';
import { median, percentile } from './bench-args';

// Where one pipeline phase's time went, event by event (BENCH_NOTIFICATIONS_TIMELINE=1): each
// event's path is cut at the stamps its jobs already carry (BullMQ's added / taken / finished,
// all this process's clock) plus the request's own start and commit, so the waits between
// stages can be summed over the whole run. The API, the relay and the worker share this
// process, so one clock orders them all.

export interface RequestStamps {
  // Event key → when its request started and when its transaction had committed.
  started: Map<string, number>;
  committed: Map<string, number>;
}

// The stages of one event, in order: each is the time from the stage before it.
const STAGES = [
  'request (begin → commit)',
  'relay (commit → fan-out job added)',
  'queue (fan-out job added → taken by a slot)',
  'fan-out (taken → its e-mail job added)',
  'fan-out tail (e-mail job added → fan-out job done)',
  'queue (e-mail job added → taken by a slot)',
  'e-mail job (taken → done)',
] as const;

export interface PipelineTimeline {
  events: number;
  // Per stage: the median, p95 and the sum over every event (ms).
  stages: Array<{ stage: string; p50: number; p95: number; sum: number }>;
  // How busy the notification slots were over the phase: each job kind's summed run time
  // against slots × window.
  window_ms: number;
  slot_ms: Record<string, number>;
  slots: number;
  // The fan-out jobs that carried this phase's events, and how many events each.
  fan_out_jobs: number;
  events_per_fan_out_job: { p50: number; max: number };
}

async function jobsOf(queues: QueueService): Promise<Job[]> {
  return queues.queue('notifications').getJobs(['completed'], 0, -1);
}

export async function pipelineTimeline(
  db: DataSource,
  queues: QueueService,
  projectId: string,
  stamps: RequestStamps,
  windowStart: number,
  windowEnd: number,
  slots: number,
): Promise<PipelineTimeline> {
  // The events of this phase, each with one of its e-mail deliveries (all of an event's e-mails
  // go in one job, shared with the other events of its fan-out).
  const events = await db.query<Array<{ key: string; delivery_id: string }>>(
    `SELECT e.key, min(d.id::text) AS delivery_id FROM engagement a
       JOIN notification_event e ON e.key = 'application-submitted.' || a.id
       JOIN notification_delivery d ON d.event_id = e.id AND d.channel = 'EMAIL'
      WHERE a.project_id = $1
      GROUP BY e.key`,
    [projectId],
  );
  const byId = new Map((await jobsOf(queues)).map((j) => [j.id, j]));
  const mailJobOf = new Map<string, Job>();
  for (const job of byId.values())
    if (job.name === 'deliver.email')
      for (const id of (job.data as { deliveryIds: string[] }).deliveryIds) mailJobOf.set(id, job);
  // The fan-out job of each event: its own 'notify.event', or the 'notify.events' holding it.
  const fanOutOf = new Map<string, Job>();
  for (const job of byId.values()) {
    if (job.name === 'notify.event')
      fanOutOf.set((job.data as { event: { key: string } }).event.key, job);
    if (job.name === 'notify.events')
      for (const e of (job.data as { events: Array<{ key: string }> }).events)
        fanOutOf.set(e.key, job);
  }
  const samples: number[][] = STAGES.map(() => []);
  const fanOutJobs = new Map<string, number>();
  for (const { key, delivery_id } of events) {
    const fan = fanOutOf.get(key);
    const mail = mailJobOf.get(delivery_id);
    const begun = stamps.started.get(key);
    const committed = stamps.committed.get(key);
    if (!fan || !mail || begun === undefined || committed === undefined) continue;
    fanOutJobs.set(fan.id!, (fanOutJobs.get(fan.id!) ?? 0) + 1);
    const points = [
      begun,
      committed,
      fan.timestamp,
      fan.processedOn!,
      mail.timestamp,
      fan.finishedOn!,
    ];
    points.forEach((p, i) => i > 0 && samples[i - 1].push(p - points[i - 1]));
    samples[5].push(mail.processedOn! - mail.timestamp);
    samples[6].push(mail.finishedOn! - mail.processedOn!);
  }
  const slotMs: Record<string, number> = {};
  for (const job of byId.values()) {
    if (!job.processedOn || !job.finishedOn) continue;
    // Only the part of each job's run inside this phase's window.
    const from = Math.max(job.processedOn, windowStart);
    const to = Math.min(job.finishedOn, windowEnd);
    if (to > from) slotMs[job.name] = (slotMs[job.name] ?? 0) + (to - from);
  }
  return {
    events: samples[0].length,
    stages: STAGES.map((stage, i) => ({
      stage,
      p50: Math.round(median(samples[i])),
      p95: Math.round(percentile(samples[i], 95)),
      sum: Math.round(samples[i].reduce((a, b) => a + b, 0)),
    })),
    window_ms: windowEnd - windowStart,
    slot_ms: Object.fromEntries(Object.entries(slotMs).map(([k, v]) => [k, Math.round(v)])),
    slots,
    fan_out_jobs: fanOutJobs.size,
    events_per_fan_out_job: {
      p50: median([...fanOutJobs.values()]),
      max: Math.max(0, ...fanOutJobs.values()),
    },
  };
}

export function formatTimeline(t: PipelineTimeline): string[] {
  const lines = [`    timeline of ${t.events} events (ms: p50 / p95 / sum over events)`];
  for (const s of t.stages)
    lines.push(`      ${s.stage.padEnd(52)} ${s.p50} / ${s.p95} / ${s.sum}`);
  lines.push(
    `      ${t.fan_out_jobs} fan-out jobs, events per job p50 ${t.events_per_fan_out_job.p50}, ` +
      `max ${t.events_per_fan_out_job.max}`,
  );
  const capacity = t.slots * t.window_ms;
  for (const [name, ms] of Object.entries(t.slot_ms))
    lines.push(
      `      slot time of ${name.padEnd(16)} ${ms} ms (${((100 * ms) / capacity).toFixed(0)} % of ${t.slots} slots × ${t.window_ms} ms)`,
    );
  return lines;
}
