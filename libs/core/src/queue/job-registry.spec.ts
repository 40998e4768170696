import {
  assertValidJobId,
  checkJobHandlers,
  isJobName,
  JOB_NAMES,
  scheduledJobs,
} from './job-registry';

describe('checkJobHandlers', () => {
  it('reports nothing when every job has exactly one handler', () => {
    expect(JOB_NAMES.length).toBeGreaterThan(0);
    expect(checkJobHandlers([...JOB_NAMES])).toEqual([]);
  });

  it('reports a job without a handler', () => {
    expect(checkJobHandlers([])).toEqual(JOB_NAMES.map((name) => `job "${name}" has no handler`));
  });

  it('reports a job with two handlers', () => {
    const [first, ...rest] = JOB_NAMES;

    expect(checkJobHandlers([first, first, ...rest])).toEqual([`job "${first}" has 2 handlers`]);
  });

  it('reports a handler for a job that is not registered', () => {
    expect(checkJobHandlers([...JOB_NAMES, 'notify.nothing'])).toEqual([
      'handler for unknown job "notify.nothing"',
    ]);
  });

  it('reports every problem together', () => {
    const problems = checkJobHandlers(['notify.nothing', 'notify.nothing']);

    expect(problems).toContain('handler for unknown job "notify.nothing"');
    expect(problems).toContain(`job "${JOB_NAMES[0]}" has no handler`);
    // An unknown job is reported once, however many handlers claim it.
    expect(problems.filter((p) => p.includes('notify.nothing'))).toHaveLength(1);
  });
});

describe('scheduledJobs', () => {
  it('lists every sweep declared in the registry, one job per sweep, with its interval', () => {
    const hour = 60 * 60 * 1000;
    expect(scheduledJobs()).toEqual([
      { name: 'notify.digest-sweep', everyMs: hour / 4 },
      { name: 'engagements.flag-stale', everyMs: hour },
      { name: 'engagements.flag-unanswered', everyMs: hour },
      { name: 'engagements.follow-ups-due', everyMs: hour },
      { name: 'events.send-reminders', everyMs: hour / 12 },
      { name: 'engagements.activity-day-reminders', everyMs: hour / 4 },
    ]);
  });
});

describe('isJobName', () => {
  it('knows registered jobs and nothing inherited from Object', () => {
    expect(isJobName('notify.event')).toBe(true);
    expect(isJobName('notify.nothing')).toBe(false);
    expect(isJobName('toString')).toBe(false);
  });
});

describe('assertValidJobId', () => {
  it('accepts a name and uuid joined by a dot', () => {
    expect(() =>
      assertValidJobId('application-submitted.0b6f7a4e-3c2d-4f7e-9a51-2b8c1d0e6f43'),
    ).not.toThrow();
  });

  it.each(['application-submitted:123', 'application submitted', 'job id', ''])(
    'rejects %j',
    (jobId) => {
      expect(() => assertValidJobId(jobId)).toThrow(/may contain only/);
    },
  );
});
