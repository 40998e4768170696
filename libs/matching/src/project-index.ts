import { chordLowerBoundKm, cosLatitude, haversineKm, unitVector } from './geo-distance';
import {
  assertUniqueIds,
  assertValidWeights,
  distanceValueNear,
  eligibleKindMask,
  hasRegularSkills,
  PackedLists,
  partitionAllows,
  partitionOf,
  PARTITIONS,
  Stamps,
} from './index-support';
import {
  fairnessValue,
  goalFitMask,
  goalMask,
  goalValueOfMasks,
  hoursValue,
  skillCredit,
  themeValue,
} from './match-factors';
import type { ParticipantFacts, ProjectFacts } from './match-facts';
import {
  explainMatch,
  FactorCombiner,
  type Match,
  pairScore,
  type RankedMatch,
} from './match-score';
import type { MatchingWeights } from './match-weights';
import { TopK } from './top-k';

// Projects without must-have skills that score alike on everything a participant brings but
// fairness: same theme, same goals served, same skills value (1 without skills, otherwise 0 for
// anyone who has none of them). Sorted by fairness, best first, then by id.
interface Bucket {
  theme: number;
  goalFit: number;
  skillsValue: number;
  projects: Int32Array;
  // The bound of its best project for anyone (theme and goal values at 1, no tie).
  ceiling: number;
}

// One per partition (kind × remote-only): the projects whose pairs with those participants pass
// the kind and remote-only filters.
interface Postings {
  // Projects with must-haves, under one of them (the key), by ascending minimum level.
  keyStart: Int32Array;
  keyProject: Int32Array;
  keyMinLevel: Float64Array;
  // Projects without must-haves, under each of their skills.
  niceStart: Int32Array;
  niceProject: Int32Array;
  buckets: Bucket[];
}

const MODE_REMOTE = 0;
const MODE_ONSITE = 1;
const MODE_HYBRID = 2;
// Room for a candidate's number beside its bound in one heap key (bounds are up to 10^6
// millionths: the product stays below 2^53).
const CANDIDATE_SPAN = 2 ** 30;
// What a query reads of a project, side by side in one row.
const ROW = 17;
const R_HOURS = 0;
const R_FAIRNESS = 1;
const R_THEME = 2;
const R_GOAL_FIT = 3;
const R_REGION = 4;
const R_MODE = 5;
const R_REQ_START = 6;
const R_REQ_END = 7;
const R_X = 8;
const R_Y = 9;
const R_Z = 10;
const R_KINDS = 11;
const R_LAT = 12;
const R_LNG = 13;
// cosLatitude of the location, for haversineKm.
const R_COS = 14;
// The period as date ranks (see dateRank); an open end is Infinity.
const R_FROM = 15;
const R_TO = 16;
// A requirement in a row of its own: skill index, minimum level, weight, must (1/0).
const REQ = 4;

// A participant's top-k projects without scoring every project, equal to rankProjects and
// topProjects (same matches, same order, same scores; explanations built for the k returned
// only). Built once per set of projects and weights; queries are synchronous and reuse scratch
// arrays, so one index serves one query at a time.
//
// Why it is exact: a project is left out only when a hard filter provably excludes it (kind and
// remote-only by partition; a must-have the participant lacks or holds below its minimum level;
// on site beyond the chord distance, which is never longer than the real one) or when an upper
// bound of its score is below the k-th score so far, or equal to it with a larger project id
// (which loses the tie). Bounds go through FactorCombiner, the same arithmetic as the real score,
// fed each factor's exact value (the same functions) or a value at least as high; every step of
// that arithmetic is monotone for valid weights, which the constructor insists on. Projects not
// left out are scored from the rows with the same values in the same arithmetic as pairScore
// (the remaining filters on date ranks, the km through haversineKm); projects the rows cannot
// hold exactly (see isRegular) go through pairScore itself.
export class ProjectIndex {
  private readonly projects: readonly ProjectFacts[];
  private readonly weights: MatchingWeights;
  private readonly n: number;
  private readonly ids: string[];
  private readonly combiner: FactorCombiner;
  private readonly rows: Float64Array;
  private readonly reqs: Float64Array;
  private readonly mustCount: Int32Array;
  private readonly skillIndex = new Map<string, number>();
  private readonly themeCodes: string[] = [];
  private readonly regionIndex = new Map<string, number>();
  private readonly regionProjects: PackedLists;
  private readonly postings: Postings[] = [];
  // Every date of a project period, sorted: dates compare as ranks in this list (see dateRank).
  private readonly dates: string[];
  // Projects the postings, bounds or numeric scoring cannot reason about (see isRegular): always
  // scored through pairScore.
  private readonly irregular: number[] = [];

  // How many pairs were scored, for tests and benchmarks of the pruning.
  scoredPairs = 0;

  // Per query: the participant and what it brings, found once.
  private participant!: ParticipantFacts;
  private top!: TopK;
  private readonly levels: Float64Array;
  private readonly themeValues: Float64Array;
  private readonly tiedRegions: Stamps;
  private goals = 0;
  private home = false;
  private homeX = 0;
  private homeY = 0;
  private homeZ = 0;
  private homeLat = 0;
  private homeLng = 0;
  private homeCos = 0;
  private range = 0;
  private weeklyHours: number | null = null;
  // The participant's periods as date ranks, from and to side by side (to Infinity when open).
  private periods = new Float64Array(8);
  private periodCount = 0;
  // Per query: candidates with their skills value and first bound, a heap of them, projects seen.
  private readonly seen: Stamps;
  private readonly candidate: Int32Array;
  private readonly candidateSkills: Float64Array;
  private readonly candidateBound: Float64Array;
  private readonly heap: Float64Array;

  constructor(input: readonly ProjectFacts[], weights: MatchingWeights) {
    assertValidWeights(weights);
    assertUniqueIds(input, 'project');
    // Internal order: projects under the same key must-have side by side, by minimum level, so a
    // walk down a key list reads their rows in memory order.
    const projects = sortedByKey(input);
    this.projects = projects;
    this.weights = weights;
    const n = (this.n = projects.length);
    this.ids = projects.map((p) => p.id);
    this.combiner = new FactorCombiner(weights);
    this.rows = new Float64Array(n * ROW);
    this.mustCount = new Int32Array(n);
    const dateSet = new Set<string>();
    for (const { period } of projects) {
      dateSet.add(period.from);
      if (period.to !== null) dateSet.add(period.to);
    }
    // Code-unit order, as `<` compares strings.
    this.dates = [...dateSet].sort();
    const themeIndex = new Map<string, number>();
    const regionLists: number[][] = [];
    const regular: boolean[] = [];
    let requirements = 0;
    for (let i = 0; i < n; i++) {
      const project = projects[i];
      const row = i * ROW;
      const [x, y, z] = unitVector(project.location);
      let theme = themeIndex.get(project.themeCode);
      if (theme === undefined) {
        theme = this.themeCodes.push(project.themeCode) - 1;
        themeIndex.set(project.themeCode, theme);
      }
      let region = this.regionIndex.get(project.regionOrganizationId);
      if (region === undefined) {
        region = regionLists.push([]) - 1;
        this.regionIndex.set(project.regionOrganizationId, region);
      }
      regionLists[region].push(i);
      this.rows[row + R_HOURS] = project.hoursPerWeek ?? NaN;
      this.rows[row + R_FAIRNESS] = fairnessValue(project.candidateCount);
      this.rows[row + R_THEME] = theme;
      this.rows[row + R_GOAL_FIT] = goalFitMask(project);
      this.rows[row + R_REGION] = region;
      this.rows[row + R_MODE] =
        project.mode === 'REMOTE'
          ? MODE_REMOTE
          : project.mode === 'ONSITE'
            ? MODE_ONSITE
            : MODE_HYBRID;
      this.rows[row + R_REQ_START] = requirements * REQ;
      requirements += project.skills.length;
      this.rows[row + R_REQ_END] = requirements * REQ;
      this.rows[row + R_X] = x;
      this.rows[row + R_Y] = y;
      this.rows[row + R_Z] = z;
      this.rows[row + R_KINDS] = eligibleKindMask(project);
      this.rows[row + R_LAT] = project.location.lat;
      this.rows[row + R_LNG] = project.location.lng;
      this.rows[row + R_COS] = cosLatitude(project.location.lat);
      this.rows[row + R_FROM] = this.dateRank(project.period.from);
      this.rows[row + R_TO] =
        project.period.to === null ? Infinity : this.dateRank(project.period.to);
      regular[i] = isRegular(project);
      if (!regular[i]) this.irregular.push(i);
      for (const s of project.skills) {
        if (s.must) this.mustCount[i]++;
        if (!this.skillIndex.has(s.skillId)) this.skillIndex.set(s.skillId, this.skillIndex.size);
      }
    }
    this.reqs = new Float64Array(requirements * REQ);
    for (let i = 0; i < n; i++) {
      projects[i].skills.forEach((s, j) => {
        const r = this.rows[i * ROW + R_REQ_START] + j * REQ;
        this.reqs[r] = this.skillIndex.get(s.skillId)!;
        this.reqs[r + 1] = s.minLevel;
        this.reqs[r + 2] = s.weight;
        this.reqs[r + 3] = s.must ? 1 : 0;
      });
    }
    this.regionProjects = new PackedLists(regionLists);

    const skills = this.skillIndex.size;
    for (let part = 0; part < PARTITIONS; part++) {
      const allowed = (i: number) =>
        regular[i] &&
        partitionAllows(part, this.rows[i * ROW + R_KINDS], this.modeOf(i) === MODE_ONSITE);
      const keyed: number[][] = Array.from({ length: skills }, () => []);
      const keyedMin: number[][] = Array.from({ length: skills }, () => []);
      const nice: number[][] = Array.from({ length: skills }, () => []);
      // Internal order already runs by key and minimum level, so the lists come out sorted.
      for (let i = 0; i < n; i++) {
        if (!allowed(i)) continue;
        const key = keyRequirement(projects[i]);
        if (key >= 0) {
          const s = this.skillIndex.get(projects[i].skills[key].skillId)!;
          keyed[s].push(i);
          keyedMin[s].push(projects[i].skills[key].minLevel);
        } else {
          for (const required of projects[i].skills) {
            nice[this.skillIndex.get(required.skillId)!].push(i);
          }
        }
      }
      const keys = new PackedLists(keyed);
      const nices = new PackedLists(nice);
      this.postings.push({
        keyStart: keys.start,
        keyProject: keys.items,
        keyMinLevel: Float64Array.from(keyedMin.flat()),
        niceStart: nices.start,
        niceProject: nices.items,
        buckets: this.bucketsFor(allowed),
      });
    }

    this.levels = new Float64Array(skills);
    this.themeValues = new Float64Array(this.themeCodes.length);
    this.tiedRegions = new Stamps(this.regionIndex.size);
    this.seen = new Stamps(n);
    this.candidate = new Int32Array(n);
    this.candidateSkills = new Float64Array(n);
    this.candidateBound = new Float64Array(n);
    this.heap = new Float64Array(n);
  }

  get size(): number {
    return this.n;
  }

  // The participant's best k projects, best first, numbers only: as rankProjects(participant,
  // projects, weights, k).
  rankProjects(participant: ParticipantFacts, k: number): RankedMatch[] {
    const top = this.rank(participant, k);
    const scores = top.itemScores();
    return top.items().map((i, j) => ({
      participantId: participant.id,
      projectId: this.ids[i],
      score: scores[j],
    }));
  }

  // The participant's best k projects, best first, explained: as topProjects(participant,
  // projects, weights, k).
  topProjects(participant: ParticipantFacts, k: number): Match[] {
    const top = this.rank(participant, k);
    const scores = top.itemScores();
    return top
      .items()
      .map((i, j) => explainMatch(participant, this.projects[i], this.weights, scores[j]));
  }

  private rank(participant: ParticipantFacts, k: number): TopK {
    const top = new TopK(k);
    if (k > 0) this.collect(participant, top);
    return top;
  }

  private modeOf(i: number): number {
    return this.rows[i * ROW + R_MODE];
  }

  // A date's place among the projects' dates, such that comparing ranks of a participant's date
  // and a project's date gives what comparing the strings gives: a project date at position p
  // ranks 2p + 1, any other date 2 × (how many project dates are below it).
  private dateRank(date: string): number {
    const dates = this.dates;
    let lo = 0;
    let hi = dates.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (dates[mid] < date) lo = mid + 1;
      else hi = mid;
    }
    return lo < dates.length && dates[lo] === date ? 2 * lo + 1 : 2 * lo;
  }
  // Projects without must-have skills, grouped so that a participant's bound is fairness plus a
  // per-group constant.
  private bucketsFor(allowed: (i: number) => boolean): Bucket[] {
    const { rows, ids } = this;
    const groups = new Map<string, number[]>();
    for (let i = 0; i < this.n; i++) {
      if (!allowed(i) || this.mustCount[i] > 0) continue;
      const row = i * ROW;
      const hasSkills = rows[row + R_REQ_END] > rows[row + R_REQ_START] ? 1 : 0;
      const key = `${rows[row + R_THEME]}/${rows[row + R_GOAL_FIT]}/${hasSkills}`;
      const list = groups.get(key) ?? [];
      list.push(i);
      groups.set(key, list);
    }
    const fairness = (i: number) => rows[i * ROW + R_FAIRNESS];
    return (
      [...groups.values()]
        .map((list) => {
          list.sort(
            (a, b) => fairness(b) - fairness(a) || (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0),
          );
          const row = list[0] * ROW;
          const skillsValue = rows[row + R_REQ_END] > rows[row + R_REQ_START] ? 0 : 1;
          return {
            theme: rows[row + R_THEME],
            goalFit: rows[row + R_GOAL_FIT],
            skillsValue,
            projects: Int32Array.from(list),
            ceiling: this.combiner.combine(skillsValue, 1, 1, 1, 1, 0, rows[row + R_FAIRNESS]),
          };
        })
        // Highest ceiling first, so a participant stops at the first bucket below its k-th score.
        .sort((a, b) => b.ceiling - a.ceiling)
    );
  }

  private collect(participant: ParticipantFacts, top: TopK): void {
    const { seen, levels, ids } = this;
    seen.next();
    this.participant = participant;
    this.top = top;
    const partition = partitionOf(participant.kind, participant.remoteOnly);
    const postings = this.postings[partition];

    // What the participant brings, once: skill levels by skill index, theme value per theme,
    // goals as bits, tied regions, home as a unit vector.
    const held: number[] = [];
    for (const [skillId, level] of participant.skills) {
      const s = this.skillIndex.get(skillId);
      if (s === undefined) continue;
      levels[s] = level;
      held.push(s);
    }
    const themes = this.themeValues;
    for (let t = 0; t < themes.length; t++) themes[t] = themeValue(participant, this.themeCodes[t]);
    this.goals = goalMask(participant.goals);
    this.tiedRegions.next();
    for (const region of participant.regionTies) {
      const r = this.regionIndex.get(region);
      if (r !== undefined) this.tiedRegions.mark(r);
    }
    this.home = participant.home !== null;
    [this.homeX, this.homeY, this.homeZ] = participant.home
      ? unitVector(participant.home)
      : [0, 0, 0];
    if (participant.home) {
      this.homeLat = participant.home.lat;
      this.homeLng = participant.home.lng;
      this.homeCos = cosLatitude(participant.home.lat);
    }
    this.range = participant.travelRangeKm;
    this.weeklyHours = participant.weeklyHours;
    this.periodCount = participant.availability.length;
    if (this.periods.length < 2 * this.periodCount) {
      this.periods = new Float64Array(2 * this.periodCount);
    }
    participant.availability.forEach((period, j) => {
      this.periods[2 * j] = this.dateRank(period.from);
      this.periods[2 * j + 1] = period.to === null ? Infinity : this.dateRank(period.to);
    });

    // 1. Projects the bounds cannot reason about (a skills value above 1, say): scored outright.
    for (const i of this.irregular) {
      seen.mark(i);
      this.scoredPairs++;
      const score = pairScore(participant, this.projects[i], this.weights);
      if (score !== null) top.offer(score, ids[i], i);
    }

    // 2. Candidates: projects keyed by a must-have the participant meets (a prefix of the key
    // list), projects without must-haves asking for a skill it has, and projects of tied regions
    // without must-haves.
    let count = 0;
    const { keyStart, keyProject, keyMinLevel, niceStart, niceProject } = postings;
    for (const s of held) {
      const level = levels[s];
      for (let e = keyStart[s], end = keyStart[s + 1]; e < end && keyMinLevel[e] <= level; e++) {
        count = this.addCandidate(count, keyProject[e], this.skillsOrNaN(keyProject[e]));
      }
      for (let e = niceStart[s], end = niceStart[s + 1]; e < end; e++) {
        const i = niceProject[e];
        if (seen.mark(i)) count = this.addCandidate(count, i, this.skillsOrNaN(i));
      }
    }
    for (const region of participant.regionTies) {
      const r = this.regionIndex.get(region);
      if (r === undefined) continue;
      const { start, items } = this.regionProjects;
      for (let e = start[r]; e < start[r + 1]; e++) {
        const i = items[e];
        if (this.mustCount[i] > 0 || !seen.mark(i)) continue;
        const onsite = this.modeOf(i) === MODE_ONSITE;
        if (partitionAllows(partition, this.rows[i * ROW + R_KINDS], onsite)) {
          count = this.addCandidate(count, i, this.skillsOrNaN(i));
        }
      }
    }
    for (const s of held) levels[s] = 0;

    // 3. Candidates best bound first, so that the k-th score soon rises above most bounds and
    // those pairs are never scored. Bounds are whole millionths (round6), so bound and candidate
    // pack into one number; a heap hands them out best first, and usually few are taken.
    const { candidate, candidateSkills, candidateBound: bounds, heap } = this;
    // Odd inputs (say a negative candidate count) can push a bound out of [0, 1]: then the order
    // is only a heuristic, and nothing is cut on it.
    let ordered = true;
    for (let c = 0; c < count; c++) {
      const q = Math.round(bounds[c] * 1e6);
      const inRange = q >= 0 && q <= 1e6;
      if (!inRange) ordered = false;
      heap[c] = (inRange ? q : q > 1e6 ? 1e6 : 0) * CANDIDATE_SPAN + c;
    }
    for (let h = (count >> 1) - 1; h >= 0; h--) siftDown(heap, h, count);
    for (let left = count; left > 0; left--) {
      const c = heap[0] % CANDIDATE_SPAN;
      heap[0] = heap[left - 1];
      siftDown(heap, 0, left - 1);
      const b = bounds[c];
      if (top.closedBelow(b)) {
        // The rest have no higher bound.
        if (ordered) break;
        continue;
      }
      const i = candidate[c];
      if (top.admits(b, ids[i])) this.consider(i, candidateSkills[c]);
    }

    // 4. Everything else that can pass: projects without must-haves sharing no skill with the
    // participant and not in a tied region. Their bound is constant per bucket but for fairness.
    for (const bucket of postings.buckets) {
      // The rest have no higher ceiling.
      if (top.closedBelow(bucket.ceiling)) break;
      const theme = themes[bucket.theme];
      const goal = goalValueOfMasks(this.goals, bucket.goalFit);
      const list = bucket.projects;
      for (let b = 0; b < list.length; b++) {
        const i = list[b];
        const fairness = this.rows[i * ROW + R_FAIRNESS];
        const loose = this.combiner.combine(bucket.skillsValue, theme, 1, 1, goal, 0, fairness);
        // Later projects have no more fairness, so no higher bound.
        if (top.closedBelow(loose)) break;
        if (!seen.has(i) && top.admits(loose, ids[i])) this.consider(i, bucket.skillsValue);
      }
    }
  }

  // skillsValue from the participant's levels as laid out in `levels`: the same arithmetic in the
  // same order, so the same value; NaN when a must-have is not met.
  private skillsOrNaN(i: number): number {
    const { levels, reqs, rows } = this;
    const start = rows[i * ROW + R_REQ_START];
    const end = rows[i * ROW + R_REQ_END];
    if (start === end) return 1;
    let weighted = 0;
    let total = 0;
    for (let r = start; r < end; r += REQ) {
      const level = levels[reqs[r]];
      const min = reqs[r + 1];
      if (reqs[r + 3] === 1 && level < min) return NaN;
      weighted += reqs[r + 2] * skillCredit(level, min);
      total += reqs[r + 2];
    }
    return weighted / total;
  }

  // Records a candidate with its skills value and a first bound, the distance factor at its
  // highest; NaN skills (a must-have missed) records nothing.
  private addCandidate(count: number, i: number, skills: number): number {
    if (skills !== skills) return count;
    this.candidate[count] = i;
    this.candidateSkills[count] = skills;
    const distance = this.modeOf(i) === MODE_REMOTE || this.home ? 1 : 0.5;
    this.candidateBound[count] = this.boundWith(i, skills, distance);
    return count + 1;
  }

  // A bound of project i's score given its skills value and a distance value at least the real
  // one: every other factor is exact (the same functions, or values stored from them). With the
  // exact skills and distance values it is the exact score.
  private boundWith(i: number, skills: number, distance: number): number {
    const { rows } = this;
    const row = i * ROW;
    const hours = rows[row + R_HOURS];
    return this.combiner.combine(
      skills,
      this.themeValues[rows[row + R_THEME]],
      hoursValue(this.weeklyHours, hours !== hours ? null : hours),
      distance,
      goalValueOfMasks(this.goals, rows[row + R_GOAL_FIT]),
      this.tiedRegions.has(rows[row + R_REGION]) ? 1 : 0,
      rows[row + R_FAIRNESS],
    );
  }

  // Scores project i unless its bound with the chord distance rules it out.
  private consider(i: number, skills: number): void {
    const { rows } = this;
    const row = i * ROW;
    const mode = rows[row + R_MODE];
    let distance = mode === MODE_REMOTE ? 1 : 0.5;
    if (mode !== MODE_REMOTE && this.home) {
      const chord = chordLowerBoundKm(
        this.homeX,
        this.homeY,
        this.homeZ,
        rows[row + R_X],
        rows[row + R_Y],
        rows[row + R_Z],
      );
      if (mode === MODE_ONSITE && chord > this.range) return;
      distance = distanceValueNear(mode === MODE_HYBRID, chord);
    }
    if (!this.top.admits(this.boundWith(i, skills, distance), this.ids[i])) return;
    this.score(i, skills);
  }

  // Scores project i (its exact skills value given) as pairScore does, from the rows: the
  // filters the postings leave (periods, travel range), the exact km, and the same combination.
  private score(i: number, skills: number): void {
    this.scoredPairs++;
    const { rows } = this;
    const row = i * ROW;
    if (this.periodCount > 0 && !this.periodsOverlap(row)) return;
    const mode = rows[row + R_MODE];
    let distance = mode === MODE_REMOTE ? 1 : 0.5;
    if (mode !== MODE_REMOTE && this.home) {
      const km = haversineKm(
        this.homeLat,
        this.homeLng,
        this.homeCos,
        rows[row + R_LAT],
        rows[row + R_LNG],
        rows[row + R_COS],
      );
      // Written as withinTravelRange tests it, so that a NaN km fails here too.
      if (mode === MODE_ONSITE && !(km <= this.range)) return;
      distance = distanceValueNear(mode === MODE_HYBRID, km);
    }
    this.top.offer(this.boundWith(i, skills, distance), this.ids[i], i);
  }

  // periodsOverlap on ranks: some period of the participant's neither ends before the project's
  // starts nor starts after it ends.
  private periodsOverlap(row: number): boolean {
    const { periods, rows } = this;
    const from = rows[row + R_FROM];
    const to = rows[row + R_TO];
    for (let j = 0; j < 2 * this.periodCount; j += 2) {
      if (!(periods[j + 1] < from) && !(to < periods[j])) return true;
    }
    return false;
  }
}

// Whether the index can bound and score a project on numbers: skills the postings can reason
// about (hasRegularSkills), a known mode, a finite location and hours that are a number or null.
function isRegular(project: ProjectFacts): boolean {
  return (
    hasRegularSkills(project) &&
    (project.mode === 'REMOTE' || project.mode === 'ONSITE' || project.mode === 'HYBRID') &&
    Number.isFinite(project.location.lat) &&
    Number.isFinite(project.location.lng) &&
    !Number.isNaN(project.hoursPerWeek)
  );
}

// The must-have a project is listed under: the highest minimum level (fewest people meet it),
// the first of equals; -1 without must-haves.
function keyRequirement(project: ProjectFacts): number {
  let key = -1;
  project.skills.forEach((s, j) => {
    if (s.must && (key < 0 || s.minLevel > project.skills[key].minLevel)) key = j;
  });
  return key;
}

function sortedByKey(projects: readonly ProjectFacts[]): ProjectFacts[] {
  const keys = projects.map((p): [string, number] => {
    const key = keyRequirement(p);
    return key < 0 ? ['', 0] : [p.skills[key].skillId, p.skills[key].minLevel];
  });
  return projects
    .map((_, i) => i)
    .sort((a, b) => {
      const [sa, la] = keys[a];
      const [sb, lb] = keys[b];
      return sa < sb ? -1 : sa > sb ? 1 : la - lb || a - b;
    })
    .map((i) => projects[i]);
}

// Restores the max-heap order of heap[0, size) below position h.
function siftDown(heap: Float64Array, h: number, size: number): void {
  const value = heap[h];
  for (;;) {
    let child = 2 * h + 1;
    if (child >= size) break;
    if (child + 1 < size && heap[child + 1] > heap[child]) child++;
    if (heap[child] <= value) break;
    heap[h] = heap[child];
    h = child;
  }
  heap[h] = value;
}
