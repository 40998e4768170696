import { BENCH_SKILL_COUNT, generateBenchData } from './bench-data';
import { BenchOptionsError } from './bench-args';
import { parseBenchArgs, sampledEngineMs } from './matching-bench';

describe('bench data', () => {
  const data = generateBenchData({ participants: 400, projects: 300, seed: 5 });

  it('is reproducible, and a smaller run is a prefix of a larger one', () => {
    const again = generateBenchData({ participants: 100, projects: 300, seed: 5 });
    expect(again.participants.map((p) => p.id)).toEqual(
      data.participants.slice(0, 100).map((p) => p.id),
    );
    expect(again.projects).toEqual(data.projects);
    expect(generateBenchData({ participants: 1, projects: 1, seed: 6 }).projects[0].id).not.toBe(
      data.projects[0].id,
    );
  });

  it('looks like the platform: 118 skills, 2–6 per person, 1–4 per project, homes and places', () => {
    expect(BENCH_SKILL_COUNT).toBe(118);
    for (const p of data.participants) {
      expect(p.skills.size).toBeGreaterThanOrEqual(2);
      expect(p.skills.size).toBeLessThanOrEqual(6);
      expect(p.travelRangeKm).toBeGreaterThanOrEqual(50);
      expect(p.travelRangeKm).toBeLessThanOrEqual(800);
      // Japan, roughly.
      expect(p.home!.lat).toBeGreaterThan(24);
      expect(p.home!.lat).toBeLessThan(46);
    }
    for (const project of data.projects) {
      expect(project.skills.length).toBeGreaterThanOrEqual(1);
      expect(project.skills.length).toBeLessThanOrEqual(4);
    }
    const share = (n: number) => n / data.projects.length;
    expect(share(data.projects.filter((p) => p.skills.some((s) => s.must)).length)).toBeGreaterThan(
      0.6,
    );
    expect(share(data.projects.filter((p) => p.mode === 'REMOTE').length)).toBeGreaterThan(0.15);
    expect(data.participants.some((p) => p.remoteOnly)).toBe(true);
    expect(data.participants.some((p) => p.regionTies.size > 0)).toBe(true);
  });
});

describe('bench options', () => {
  it('has defaults and reads flags', () => {
    expect(parseBenchArgs([])).toMatchObject({
      participants: 100_000,
      projects: 10_000,
      k: 20,
      runs: 3,
    });
    expect(parseBenchArgs(['--runs', '1']).runs).toBe(1);
    expect(() => parseBenchArgs(['--runs', '0'])).toThrow('--runs must be a whole number >= 1');
    expect(parseBenchArgs(['--participants', '2_000', '--alloc-projects', '50'])).toMatchObject({
      participants: 2000,
      allocProjects: 50,
    });
  });

  it('rejects unknown flags and bad numbers', () => {
    expect(() => parseBenchArgs(['--users', '5'])).toThrow(BenchOptionsError);
    expect(() => parseBenchArgs(['--k', '0'])).toThrow('--k must be a whole number >= 1');
    expect(() => parseBenchArgs(['--seed', 'x'])).toThrow(BenchOptionsError);
    // An empty cohort would drop the alloc_* keys from the JSON line.
    expect(() => parseBenchArgs(['--alloc-participants', '0'])).toThrow(
      '--alloc-participants must be a whole number >= 1',
    );
    expect(() => parseBenchArgs(['--alloc-projects', '0'])).toThrow(BenchOptionsError);
    expect(parseBenchArgs(['--seed', '0', '--project-sample', '0'])).toMatchObject({
      seed: 0,
      projectSample: 0,
    });
  });

  it('reads a participant sample, everyone by default', () => {
    expect(parseBenchArgs([]).participantSample).toBe(0);
    expect(parseBenchArgs(['--participant-sample', '5_000']).participantSample).toBe(5000);
    expect(() => parseBenchArgs(['--participant-sample', '-1'])).toThrow(BenchOptionsError);
  });

  it('counts the share of the build a sample would carry in a full run', () => {
    // 1,000 of 100,000 participants carry 1 % of a 500 ms build.
    expect(sampledEngineMs(500, 20, 1_000, 100_000)).toBe(25);
    // Everyone ranked: the whole build.
    expect(sampledEngineMs(500, 20, 100_000, 100_000)).toBe(520);
  });
});
