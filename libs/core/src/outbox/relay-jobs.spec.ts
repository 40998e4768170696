import { relayJobs, RelayRow } from './relay-jobs';

const EVENTS_PER_JOB = 25;

const event = (n: number): RelayRow => ({
  id: String(n),
  jobName: 'notify.event',
  jobId: `event.e${n}`,
  payload: { event: { key: `e${n}`, type: 'APPLICATION_SUBMITTED', payload: {}, occurredAt: '' } },
});
const rescore = (n: number): RelayRow => ({
  id: String(n),
  jobName: 'score.participant',
  jobId: `score.${n}`,
  payload: { participantId: `p${n}` },
});

describe('relayJobs', () => {
  it('keeps a lone event as its own notify.event job, and every other row as its own job', () => {
    const jobs = relayJobs([rescore(1), event(2), rescore(3)], EVENTS_PER_JOB);
    expect(jobs.map((j) => [j.name, j.jobId, j.rows.map((r) => r.id)])).toEqual([
      ['score.participant', 'score.1', ['1']],
      ['notify.event', 'event.e2', ['2']],
      ['score.participant', 'score.3', ['3']],
    ]);
  });

  it("hands a pass's events to one notify.events job, in their order, under an id their rows decide", () => {
    const rows = [event(1), rescore(2), event(3), event(4)];
    const jobs = relayJobs(rows, EVENTS_PER_JOB);
    expect(jobs.map((j) => j.name)).toEqual(['score.participant', 'notify.events']);
    const merged = jobs[1];
    expect(merged.rows.map((r) => r.id)).toEqual(['1', '3', '4']);
    expect((merged.payload as { events: Array<{ key: string }> }).events.map((e) => e.key)).toEqual(
      ['e1', 'e3', 'e4'],
    );
    expect(merged.jobId).toMatch(/^events\.[0-9a-f]{32}$/);
    // The same rows again (a pass re-run after a crash) give the same job; other rows another.
    expect(relayJobs(rows, EVENTS_PER_JOB)[1].jobId).toBe(merged.jobId);
    expect(relayJobs([event(1), event(3)], EVENTS_PER_JOB)[0].jobId).not.toBe(merged.jobId);
  });

  it('makes one job per EVENTS_PER_JOB events, a lone remainder keeping its own job', () => {
    const rows = Array.from({ length: EVENTS_PER_JOB + 1 }, (_, i) => event(i + 1));
    const jobs = relayJobs(rows, EVENTS_PER_JOB);
    expect(jobs.map((j) => [j.name, j.rows.length])).toEqual([
      ['notify.events', EVENTS_PER_JOB],
      ['notify.event', 1],
    ]);
    expect(jobs[1].jobId).toBe(`event.e${EVENTS_PER_JOB + 1}`);
    // Every row is carried by exactly one job.
    expect(jobs.flatMap((j) => j.rows)).toHaveLength(rows.length);
  });

  it('gives every event its own notify.event job with one event per job (before a roll-back)', () => {
    const jobs = relayJobs([event(1), rescore(2), event(3)], 1);
    expect(jobs.map((j) => [j.name, j.jobId, j.rows.map((r) => r.id)])).toEqual([
      ['notify.event', 'event.e1', ['1']],
      ['score.participant', 'score.2', ['2']],
      ['notify.event', 'event.e3', ['3']],
    ]);
  });
});
