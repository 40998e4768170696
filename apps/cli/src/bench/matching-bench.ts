import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  allocateOptimal,
  allocateStable,
  type AllocationInstance,
  DEFAULT_WEIGHTS,
  findBlockingPairs,
  type Match,
  ParticipantIndex,
  ProjectIndex,
  topCandidates,
  topProjects,
} from '@tsunagu/matching';
import { Prng } from '../synthetic/prng';
import { BenchOptionsError, parseWholeNumberFlags, percentileOfSorted } from './bench-args';
import { generateBenchData } from './bench-data';
import { referenceOptimum } from './reference-optimum';

// npm run bench:matching -- [--participants N] [--projects M] [--k K] [--seed S]
//   [--alloc-participants N] [--alloc-projects M] [--project-sample P]
//
// In one run, on generated data: every participant's top-k by brute force (every pair through
// pairScore) and by the ProjectIndex, checked equal; a sample of projects' top-k candidates both
// ways; then a cohort allocation (stable, optimal, LP reference). Prints a table, then one JSON
// object as the last line.

export const BENCH_USAGE =
  'bench:matching [--participants N] [--projects M] [--k K] [--seed S] ' +
  '[--alloc-participants N] [--alloc-projects M] [--project-sample P]';

export interface BenchOptions {
  participants: number;
  projects: number;
  k: number;
  seed: number;
  allocParticipants: number;
  allocProjects: number;
  projectSample: number;
}

const DEFAULTS: BenchOptions = {
  participants: 100_000,
  projects: 10_000,
  k: 20,
  seed: 42,
  allocParticipants: 5_000,
  allocProjects: 1_000,
  projectSample: 200,
};

// How many projects each cohort participant ranks, and the seat range per project.
const COHORT_CHOICES = 10;
const COHORT_CAPACITY = [1, 8] as const;

const FLAGS: Record<keyof BenchOptions, { flag: string; min: number }> = {
  participants: { flag: 'participants', min: 1 },
  projects: { flag: 'projects', min: 1 },
  k: { flag: 'k', min: 1 },
  // Seed and sample may be 0; an empty side would leave out the allocation's keys.
  seed: { flag: 'seed', min: 0 },
  allocParticipants: { flag: 'alloc-participants', min: 1 },
  allocProjects: { flag: 'alloc-projects', min: 1 },
  projectSample: { flag: 'project-sample', min: 0 },
};

export function parseBenchArgs(args: readonly string[]): BenchOptions {
  return parseWholeNumberFlags(args, FLAGS, DEFAULTS, BENCH_USAGE);
}

const seconds = (ms: number) => Math.round(ms) / 1000;
const round = (x: number, digits: number) => Number(x.toFixed(digits));

// Everything in a list of matches (ids, scores, factor values, weights, reasons), in 20 bytes.
function fingerprint(matches: Match[]): string {
  return createHash('sha1').update(JSON.stringify(matches)).digest('base64');
}

class RssSampler {
  private peak = 0;
  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
  }
  // The kernel's high-water mark catches peaks between samples.
  peakMb(): number {
    this.sample();
    return Math.round(Math.max(this.peak, process.resourceUsage().maxRSS * 1024) / 1048576);
  }
}

function progress(label: string, done: number, total: number, startedAt: number): void {
  const elapsed = (performance.now() - startedAt) / 1000;
  const eta = done > 0 ? (elapsed * (total - done)) / done : 0;
  process.stderr.write(
    `  ${label}: ${done.toLocaleString('en')}/${total.toLocaleString('en')} ` +
      `(${elapsed.toFixed(1)} s, ~${eta.toFixed(0)} s left)\n`,
  );
}

export async function runMatchingBench(options: BenchOptions): Promise<Record<string, unknown>> {
  const rss = new RssSampler();
  const weights = DEFAULT_WEIGHTS;
  const { k } = options;

  let t = performance.now();
  const { participants, projects } = generateBenchData(options);
  const generateMs = performance.now() - t;
  rss.sample();
  const n = participants.length;
  const step = Math.max(1, Math.ceil(n / 10));

  // Brute force: every participant against every project through pairScore (topProjects).
  const expectedIds: string[][] = new Array<string[]>(n);
  const expectedScores: number[][] = new Array<number[]>(n);
  const expectedPrints: string[] = new Array<string>(n);
  let bruteMs = 0;
  const bruteStarted = performance.now();
  for (let i = 0; i < n; i++) {
    t = performance.now();
    const matches = topProjects(participants[i], projects, weights, k);
    bruteMs += performance.now() - t;
    expectedIds[i] = matches.map((m) => m.projectId);
    expectedScores[i] = matches.map((m) => m.score);
    expectedPrints[i] = fingerprint(matches);
    if ((i + 1) % step === 0) progress('brute force', i + 1, n, bruteStarted);
  }
  rss.sample();

  // The engine: build the index, then everyone's top-k again.
  t = performance.now();
  const index = new ProjectIndex(projects, weights);
  const buildMs = performance.now() - t;
  const perParticipant = new Float64Array(n);
  let identical = true;
  let firstDifference: string | null = null;
  let queryMs = 0;
  const engineStarted = performance.now();
  for (let i = 0; i < n; i++) {
    t = performance.now();
    const matches = index.topProjects(participants[i], k);
    const ms = performance.now() - t;
    perParticipant[i] = ms;
    queryMs += ms;
    const same =
      matches.length === expectedIds[i].length &&
      matches.every(
        (m, j) => m.projectId === expectedIds[i][j] && m.score === expectedScores[i][j],
      ) &&
      fingerprint(matches) === expectedPrints[i];
    if (!same) {
      identical = false;
      firstDifference ??= participants[i].id;
    }
    if ((i + 1) % step === 0) progress('engine', i + 1, n, engineStarted);
  }
  rss.sample();
  const engineMs = buildMs + queryMs;
  perParticipant.sort();

  // The other side on a sample of projects: their top-k participants, brute force and indexed.
  const sampleRng = Prng.from(options.seed, 'bench-project-sample');
  const sample = sampleRng.sample(projects, Math.min(options.projectSample, projects.length));
  t = performance.now();
  const participantIndex = new ParticipantIndex(participants, weights);
  const participantBuildMs = performance.now() - t;
  let projectSideBruteMs = 0;
  let projectSideEngineMs = 0;
  let projectSideIdentical = true;
  for (const project of sample) {
    t = performance.now();
    const expected = topCandidates(project, participants, weights, k);
    projectSideBruteMs += performance.now() - t;
    t = performance.now();
    const actual = participantIndex.topCandidates(project, k);
    projectSideEngineMs += performance.now() - t;
    if (fingerprint(actual) !== fingerprint(expected)) projectSideIdentical = false;
  }
  rss.sample();

  // A cohort after a matching seminar: participants rank their engine's best projects in it.
  const cohortRng = Prng.from(options.seed, 'bench-cohort');
  const cohortParticipants = cohortRng.sample(participants, options.allocParticipants);
  const cohortProjects = cohortRng.sample(projects, options.allocProjects);
  const cohortIndex = new ProjectIndex(cohortProjects, weights);
  const instance: AllocationInstance = {
    participants: cohortParticipants.map((p) => ({
      id: p.id,
      choices: cohortIndex
        .topProjects(p, COHORT_CHOICES)
        .map((m) => ({ projectId: m.projectId, score: m.score })),
    })),
    projects: cohortProjects.map((p) => ({
      id: p.id,
      capacity: cohortRng.int(COHORT_CAPACITY[0], COHORT_CAPACITY[1]),
    })),
  };
  t = performance.now();
  const stable = allocateStable(instance);
  const stableMs = performance.now() - t;
  const blocking = findBlockingPairs(instance, stable.assignments);
  t = performance.now();
  const optimal = allocateOptimal(instance);
  const optimalMs = performance.now() - t;
  // Loading and compiling HiGHS takes longer than many solves: do it on a tiny instance first.
  await referenceOptimum({
    participants: [{ id: 'warm-up', choices: [{ projectId: 'warm-up', score: 1 }] }],
    projects: [{ id: 'warm-up', capacity: 1 }],
  });
  t = performance.now();
  const reference = await referenceOptimum(instance);
  const referenceMs = performance.now() - t;
  const allocation = {
    alloc_participants: instance.participants.length,
    alloc_projects: instance.projects.length,
    alloc_ranked_pairs: instance.participants.reduce((s, p) => s + p.choices.length, 0),
    alloc_stable_s: seconds(stableMs),
    alloc_stable_assigned: stable.assignments.length,
    alloc_stable_total: stable.totalScore,
    alloc_blocking_pairs: blocking.length,
    alloc_optimal_s: seconds(optimalMs),
    alloc_optimal_assigned: optimal.assignments.length,
    alloc_optimal_total: optimal.totalScore,
    alloc_reference_s: seconds(referenceMs),
    alloc_reference_total: reference.totalScore,
    alloc_objective_equal: optimal.totalScore === reference.totalScore,
  };

  return {
    participants: n,
    projects: projects.length,
    k,
    seed: options.seed,
    generate_s: seconds(generateMs),
    bruteforce_s: seconds(bruteMs),
    index_build_s: seconds(buildMs),
    engine_s: seconds(engineMs),
    speedup: round(bruteMs / engineMs, 1),
    topk_identical: identical,
    ...(firstDifference ? { first_difference: firstDifference } : {}),
    engine_pairs_scored: index.scoredPairs,
    engine_pairs_scored_share: round(index.scoredPairs / (n * projects.length), 5),
    per_participant_p50_ms: round(percentileOfSorted(perParticipant, 50), 4),
    per_participant_p99_ms: round(percentileOfSorted(perParticipant, 99), 4),
    project_sample: sample.length,
    project_side_bruteforce_s: seconds(projectSideBruteMs),
    project_side_index_build_s: seconds(participantBuildMs),
    project_side_engine_s: seconds(projectSideEngineMs),
    project_side_identical: projectSideIdentical,
    ...allocation,
    peak_rss_mb: rss.peakMb(),
  };
}

function printTable(result: Record<string, unknown>): void {
  const width = Math.max(...Object.keys(result).map((key) => key.length));
  console.log('matching benchmark');
  for (const [key, value] of Object.entries(result)) {
    console.log(`  ${key.padEnd(width)}  ${String(value)}`);
  }
}

async function main(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof BenchOptionsError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const result = await runMatchingBench(options);
  printTable(result);
  console.log(JSON.stringify(result));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
