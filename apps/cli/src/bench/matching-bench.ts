import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  allocateOptimal,
  allocateStable,
  type AllocationInstance,
  DEFAULT_WEIGHTS,
  explainMatch,
  findBlockingPairs,
  type Match,
  ParticipantIndex,
  type ProjectFacts,
  ProjectIndex,
  type RankedMatch,
  rankProjects,
  scorePair,
  TopK,
  topCandidates,
} from '@tsunagu/matching';
import { Prng } from '../synthetic/prng';
import { BenchOptionsError, median, parseWholeNumberFlags, percentileOfSorted } from './bench-args';
import { generateBenchData } from './bench-data';
import { referenceOptimum } from './reference-optimum';

// npm run bench:matching -- [--participants N] [--projects M] [--k K] [--seed S] [--runs R]
//   [--alloc-participants N] [--alloc-projects M] [--project-sample P] [--participant-sample Q]
//
// On generated data, R runs (3) each of: every participant's top-k by brute force (every pair
// through pairScore, then the k kept explained) and by the ProjectIndex (its build included),
// ranking only and ranking + explaining, side by side chunk by chunk so that both meet the same
// load; every list checked equal (ids, order, scores, and explanations equal to scorePair's).
// Then a sample of projects' top-k candidates both ways, and a cohort allocation (stable,
// optimal, LP reference). Prints a table, then one JSON object (medians over the runs) as the
// last line.
//
// --participant-sample Q (0: everyone) takes brute force and the engine through the same random
// Q participants only, every list still checked, so that a full-size run takes minutes: the
// index is built over all projects as ever, and its build time is counted in the proportion
// Q / N, as a full run spreads it over N participants (see sampledEngineMs).
//
// Run with node --expose-gc --single-threaded-gc (as the npm script does), every timed loop
// starts on a collected heap (gc_between_loops in the JSON): each side pays for its own garbage.
// Each side keeps one of its objects alive across those collections (kept_across_collections),
// so that neither pays for compiling its code again in its timed loops (KeptAcrossCollections).

export const BENCH_USAGE =
  'bench:matching [--participants N] [--projects M] [--k K] [--seed S] [--runs R] ' +
  '[--alloc-participants N] [--alloc-projects M] [--project-sample P] [--participant-sample Q]';

export interface BenchOptions {
  participants: number;
  projects: number;
  k: number;
  seed: number;
  runs: number;
  allocParticipants: number;
  allocProjects: number;
  projectSample: number;
  participantSample: number;
}

const DEFAULTS: BenchOptions = {
  participants: 100_000,
  projects: 10_000,
  k: 20,
  seed: 42,
  runs: 3,
  allocParticipants: 5_000,
  allocProjects: 1_000,
  projectSample: 200,
  participantSample: 0,
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
  runs: { flag: 'runs', min: 1 },
  allocParticipants: { flag: 'alloc-participants', min: 1 },
  allocProjects: { flag: 'alloc-projects', min: 1 },
  projectSample: { flag: 'project-sample', min: 0 },
  participantSample: { flag: 'participant-sample', min: 0 },
};

export function parseBenchArgs(args: readonly string[]): BenchOptions {
  return parseWholeNumberFlags(args, FLAGS, DEFAULTS, BENCH_USAGE);
}

// The engine's time on `ranked` of `all` participants: ranking them, plus the build's share that
// ranking everyone would spread over them.
export function sampledEngineMs(buildMs: number, rankMs: number, ranked: number, all: number) {
  return rankMs + (buildMs * ranked) / all;
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

// Participants brute force and engine take in turn, so that both meet the same load.
const CHUNK = 500;

// A full garbage collection, outside the timed loops, when node runs with --expose-gc (the npm
// script passes it). Without it a loop pays for the garbage of the loop before: brute force
// leaves the young generation full and an incremental marking under way, which the engine's
// short loops then finish (they ran 2x slower in some processes than in others for this). The
// script also passes --single-threaded-gc: otherwise the collection's sweeping goes on in helper
// threads during the next loop, and process CPU time counts them (the engine's ranking: 200 µs a
// participant so, 51 µs with this flag, 75 µs with no collection, in processes started together).
const forceGc = (globalThis as { gc?: () => void }).gc;
export const GC_BETWEEN_LOOPS = forceGc !== undefined;
function collectGarbage(): void {
  forceGc?.();
}

// V8 reaches the hidden class of an object with fields only through weak links from its
// constructor: a collection at a moment when no object of that class is alive drops the class,
// and with it every optimized function that checks it. The next loop then runs those functions
// unoptimized and pays the compiler again, in process CPU time (the compiler's threads count).
// The collections between loops did that to both sides: to brute force at every chunk (its
// TopK, one per ranking, none alive between loops), to the engine at every run (its index
// dropped before the next is built: 400–600 µs a participant in a run's first chunk, ~50 after).
// Each side keeps one of its objects alive across the collections, as a process that keeps
// ranking does, so that both are measured warm.
interface KeptAcrossCollections {
  bruteForceTopK: TopK;
  // The last run's index, dropped only once the next one is built.
  engineIndex?: ProjectIndex;
}

// CPU time of this process (user + system) in ms: unlike wall-clock time it leaves out the time
// the process waits for a core, which on a shared machine is most of it.
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

interface ParticipantSideRun {
  bruteMs: number;
  bruteExplainMs: number;
  buildMs: number;
  rankMs: number;
  // CPU time of brute force's ranking, the build and the engine's ranking.
  bruteCpuMs: number;
  buildCpuMs: number;
  rankCpuMs: number;
  explainedMs: number;
  perParticipant: Float64Array;
  pairsScored: number;
  identical: boolean;
  explanationsIdentical: boolean;
  firstDifference: string | null;
}

// One run of the participant side: brute force and the engine on every participant, a chunk at
// a time each. Explanations are checked against scorePair (today's explained path) in the first
// run only.
function participantSideRun(
  participants: ReadonlyArray<Parameters<typeof rankProjects>[0]>,
  projects: readonly ProjectFacts[],
  k: number,
  checkExplanations: boolean,
  label: string,
  kept: KeptAcrossCollections,
): ParticipantSideRun {
  const weights = DEFAULT_WEIGHTS;
  const byId = new Map(projects.map((p) => [p.id, p]));
  const n = participants.length;
  collectGarbage();
  let t = performance.now();
  let cpu = cpuMs();
  const index = new ProjectIndex(projects, weights);
  kept.engineIndex = index;
  const run: ParticipantSideRun = {
    bruteMs: 0,
    bruteExplainMs: 0,
    buildMs: performance.now() - t,
    rankMs: 0,
    bruteCpuMs: 0,
    buildCpuMs: cpuMs() - cpu,
    rankCpuMs: 0,
    explainedMs: 0,
    perParticipant: new Float64Array(n),
    pairsScored: 0,
    identical: true,
    explanationsIdentical: true,
    firstDifference: null,
  };
  const expected: RankedMatch[][] = [];
  const expectedMatches: Match[][] = [];
  const differs = (id: string) => {
    run.identical = false;
    run.firstDifference ??= id;
  };
  const started = performance.now();
  const step = Math.max(CHUNK, Math.ceil(n / 10 / CHUNK) * CHUNK);
  const ranked: RankedMatch[][] = [];
  for (let from = 0; from < n; from += CHUNK) {
    const to = Math.min(n, from + CHUNK);
    // Brute force: what topProjects does, its two halves timed apart. CPU time is taken per
    // loop: the counters are too coarse for one participant.
    collectGarbage();
    cpu = cpuMs();
    for (let i = from; i < to; i++) {
      t = performance.now();
      expected[i - from] = rankProjects(participants[i], projects, weights, k);
      run.bruteMs += performance.now() - t;
    }
    run.bruteCpuMs += cpuMs() - cpu;
    for (let i = from; i < to; i++) {
      t = performance.now();
      expectedMatches[i - from] = expected[i - from].map((m) =>
        explainMatch(participants[i], byId.get(m.projectId)!, weights, m.score),
      );
      run.bruteExplainMs += performance.now() - t;
    }
    // The engine, ranking only.
    collectGarbage();
    cpu = cpuMs();
    for (let i = from; i < to; i++) {
      t = performance.now();
      ranked[i - from] = index.rankProjects(participants[i], k);
      const ms = performance.now() - t;
      run.perParticipant[i] = ms;
      run.rankMs += ms;
    }
    run.rankCpuMs += cpuMs() - cpu;
    for (let i = from; i < to; i++) {
      const got = ranked[i - from];
      const want = expected[i - from];
      const same =
        got.length === want.length &&
        got.every(
          (m, j) =>
            m.projectId === want[j].projectId &&
            m.score === want[j].score &&
            m.participantId === want[j].participantId,
        );
      if (!same) differs(participants[i].id);
    }
    // The engine, ranking + explaining.
    collectGarbage();
    for (let i = from; i < to; i++) {
      t = performance.now();
      const matches = index.topProjects(participants[i], k);
      run.explainedMs += performance.now() - t;
      if (fingerprint(matches) !== fingerprint(expectedMatches[i - from]))
        differs(participants[i].id);
      if (checkExplanations) {
        const today = matches.map((m) =>
          scorePair(participants[i], byId.get(m.projectId)!, weights),
        );
        if (fingerprint(today as Match[]) !== fingerprint(matches)) {
          run.explanationsIdentical = false;
        }
      }
    }
    if (to % step === 0 || to === n) progress(label, to, n, started);
  }
  // Both engine passes rank alike: the pairs of one.
  run.pairsScored = index.scoredPairs / 2;
  return run;
}

export async function runMatchingBench(options: BenchOptions): Promise<Record<string, unknown>> {
  const rss = new RssSampler();
  const weights = DEFAULT_WEIGHTS;
  const { k } = options;

  let t = performance.now();
  const generated = generateBenchData(options);
  const generateMs = performance.now() - t;
  rss.sample();
  const { projects } = generated;
  const sampled =
    options.participantSample > 0 && options.participantSample < generated.participants.length;
  const participants = sampled
    ? Prng.from(options.seed, 'bench-participant-sample').sample(
        generated.participants,
        options.participantSample,
      )
    : generated.participants;
  const n = participants.length;
  const all = generated.participants.length;

  // The participant side, run after run.
  const runs: ParticipantSideRun[] = [];
  const kept: KeptAcrossCollections = { bruteForceTopK: new TopK(k) };
  for (let r = 0; r < options.runs; r++) {
    runs.push(participantSideRun(participants, projects, k, r === 0, `run ${r + 1}`, kept));
    rss.sample();
  }
  const med = (f: (run: ParticipantSideRun) => number) => median(runs.map(f));
  const engineMs = (run: ParticipantSideRun) => sampledEngineMs(run.buildMs, run.rankMs, n, all);
  const engineExplainedMs = (run: ParticipantSideRun) =>
    sampledEngineMs(run.buildMs, run.explainedMs, n, all);
  const bruteExplainedMs = (run: ParticipantSideRun) => run.bruteMs + run.bruteExplainMs;
  const speedups = runs.map((run) => run.bruteMs / engineMs(run));
  const engineCpuMs = (run: ParticipantSideRun) =>
    sampledEngineMs(run.buildCpuMs, run.rankCpuMs, n, all);
  const cpuSpeedups = runs.map((run) => run.bruteCpuMs / engineCpuMs(run));
  const explainedSpeedups = runs.map((run) => bruteExplainedMs(run) / engineExplainedMs(run));
  // Per-participant times of the run with the median ranking time.
  const middle = [...runs].sort((a, b) => a.rankMs - b.rankMs)[runs.length >> 1];
  const perParticipant = middle.perParticipant.slice().sort();
  const firstDifference = runs.find((run) => run.firstDifference)?.firstDifference;

  // The other side on a sample of projects: their top-k participants, brute force and indexed.
  const sampleRng = Prng.from(options.seed, 'bench-project-sample');
  const sample = sampleRng.sample(projects, Math.min(options.projectSample, projects.length));
  t = performance.now();
  const participantIndex = new ParticipantIndex(generated.participants, weights);
  const participantBuildMs = performance.now() - t;
  let projectSideBruteMs = 0;
  let projectSideEngineMs = 0;
  let projectSideIdentical = true;
  for (const project of sample) {
    t = performance.now();
    const expected = topCandidates(project, generated.participants, weights, k);
    projectSideBruteMs += performance.now() - t;
    t = performance.now();
    const actual = participantIndex.topCandidates(project, k);
    projectSideEngineMs += performance.now() - t;
    if (fingerprint(actual) !== fingerprint(expected)) projectSideIdentical = false;
  }
  rss.sample();

  // A cohort after a matching seminar: participants rank their engine's best projects in it.
  const cohortRng = Prng.from(options.seed, 'bench-cohort');
  const cohortParticipants = cohortRng.sample(generated.participants, options.allocParticipants);
  const cohortProjects = cohortRng.sample(projects, options.allocProjects);
  const cohortIndex = new ProjectIndex(cohortProjects, weights);
  const instance: AllocationInstance = {
    participants: cohortParticipants.map((p) => ({
      id: p.id,
      choices: cohortIndex
        .rankProjects(p, COHORT_CHOICES)
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
    participants: all,
    ...(sampled ? { participant_sample: n } : {}),
    projects: projects.length,
    k,
    seed: options.seed,
    gc_between_loops: GC_BETWEEN_LOOPS,
    kept_across_collections: true,
    generate_s: seconds(generateMs),
    runs: runs.length,
    bruteforce_s: seconds(med((run) => run.bruteMs)),
    index_build_s: seconds(med((run) => run.buildMs)),
    engine_s: seconds(med(engineMs)),
    speedup: round(median(speedups), 1),
    speedup_runs: speedups.map((x) => round(x, 1)),
    bruteforce_cpu_s: seconds(med((run) => run.bruteCpuMs)),
    engine_cpu_s: seconds(med(engineCpuMs)),
    // The engine's ranking alone (its build's share left out), CPU µs per participant, and the
    // build's CPU time: to set the bench's figures beside warm passes measured elsewhere.
    engine_rank_cpu_us: round(
      med((run) => (run.rankCpuMs * 1000) / n),
      1,
    ),
    index_build_cpu_s: seconds(med((run) => run.buildCpuMs)),
    speedup_cpu: round(median(cpuSpeedups), 1),
    speedup_cpu_runs: cpuSpeedups.map((x) => round(x, 1)),
    bruteforce_explained_s: seconds(med(bruteExplainedMs)),
    engine_explained_s: seconds(med(engineExplainedMs)),
    speedup_explained: round(median(explainedSpeedups), 1),
    speedup_explained_runs: explainedSpeedups.map((x) => round(x, 1)),
    topk_identical: runs.every((run) => run.identical),
    ...(firstDifference ? { first_difference: firstDifference } : {}),
    explanations_identical: runs[0].explanationsIdentical,
    engine_pairs_scored: runs[0].pairsScored,
    engine_pairs_scored_share: round(runs[0].pairsScored / (n * projects.length), 5),
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
