import { chordLowerBoundKm, cosLatitude, haversineKm, RAD, unitVector } from './geo-distance';
import {
  assertUniqueIds,
  assertValidWeights,
  distanceValueNear,
  eligibleKindMask,
  hasRegularSkills,
  PackedLists,
  ranksOf,
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
import { TopKByRank } from './top-k';

// Projects without must-have skills that score alike on everything a participant brings but
// fairness: same theme, same goals served, same skills value (1 without skills, otherwise 0 for
// anyone who has none of them). Sorted by fairness, best first, then by id.
interface Bucket {
  theme: number;
  goalFit: number;
  skillsValue: number;
  projects: Int32Array;
  // Their fairness values, side by side with them.
  fairness: Float64Array;
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
  // What the first bound reads of each listed project (its class and fairness), beside it, so
  // that a walk down a list reads memory in order.
  keyClass: Uint16Array;
  keyFairness: Float64Array;
  niceClass: Uint16Array;
  niceFairness: Float64Array;
  buckets: Bucket[];
}

const MODE_REMOTE = 0;
const MODE_ONSITE = 1;
const MODE_HYBRID = 2;
// What a query reads of a project once it takes it as a candidate, side by side in one row:
// first what its chord and bound read (theme, hours and goals served through its class), then
// what scoring it reads.
const ROW = 12;
// Unit vector (for chords).
const R_X = 0;
const R_Y = 1;
const R_Z = 2;
const R_MODE = 3;
const R_CLASS = 4;
const R_REGION = 5;
const R_FAIRNESS = 6;
// Latitude, longitude and cosLatitude (for haversineKm).
const R_LAT = 7;
const R_LNG = 8;
const R_COS = 9;
// The period as date ranks (see dateRank); an open end is Infinity.
const R_FROM = 10;
const R_TO = 11;
// What the walk reads of a candidate, in one record of 32-bit floats per project, so that a
// candidate costs one read at a random place (the projects without must-haves) or none (the key
// lists, whose projects sit in the records' order): its unit vector and mode (for the chord),
// then its requirements, REQ numbers each. The row is read only for projects scored.
const W_X = 0;
const W_Y = 1;
const W_Z = 2;
const W_MODE = 3;
const W_REQS = 4;
// A float32 moves each coordinate of a unit vector by at most 2^-24 (6e-8), the chord between
// two by at most 1e-7 × 6371 km (0.7 m): a chord from them less 10 m is still a lower bound.
const GEO_SLACK_KM = 0.01;
// A requirement: skill index, minimum level, weight, must (1/0), as 32-bit floats (projects
// whose levels or weights a float32 cannot hold exactly are irregular).
const REQ = 4;
// Candidates are sorted into this many slices of their first bound, best slice first.
const SLICES = 512;
// A queued bound is summed in another order than FactorCombiner's and not rounded: it may fall
// below the real bound by a rounding (at most half a millionth) and a few ulps. Cuts allow this.
const SLACK = 1e-6;

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
// that arithmetic is monotone for valid weights, which the constructor insists on. Candidates wait
// in slices of their bound; a slice is cut as a whole only with SLACK above its top. Projects not left out are scored with the same values in the same arithmetic as
// pairScore (the remaining filters on date ranks, the km through haversineKm); projects the
// arrays cannot hold exactly (see isRegular) go through pairScore itself.
export class ProjectIndex {
  private readonly projects: readonly ProjectFacts[];
  private readonly weights: MatchingWeights;
  private readonly n: number;
  private readonly ids: string[];
  // Each project's place in its ids' code-unit order: ties compare these (see TopKByRank).
  private readonly idRank: Int32Array;
  private readonly combiner: FactorCombiner;
  // Per project, in internal order: its row, its walk record (from walkStart[i] to
  // walkStart[i + 1], see W_X), and what building the postings and buckets reads.
  private readonly rows: Float64Array;
  private readonly walk: Float32Array;
  private readonly walkStart: Int32Array;
  private readonly mode: Uint8Array;
  private readonly theme: Int32Array;
  private readonly goalFit: Int32Array;
  private readonly region: Int32Array;
  private readonly fairness: Float64Array;
  private readonly reqCount: Int32Array;
  // Everything of a project the first bound reads but fairness and tie: theme, goals served,
  // mode and hours, as a class number; classes of the same values share their number.
  private readonly klass: Uint16Array;
  private readonly classTheme: Int32Array;
  private readonly classGoalFit: Int32Array;
  private readonly classMode: Uint8Array;
  // Each class's hours needed as a slot among the distinct hours (NaN: not stated), so that a
  // participant's availability value is worked out once per distinct hours, not per class.
  private readonly classHoursSlot: Int32Array;
  private readonly distinctHours: Float64Array;
  private readonly hoursValues: Float64Array;
  private readonly mustCount: Int32Array;
  private readonly kinds: Int32Array;
  private readonly skillIndex = new Map<string, number>();
  private readonly themeCodes: string[] = [];
  private readonly regionIndex = new Map<string, number>();
  private readonly regionProjects: PackedLists;
  private readonly postings: Postings[] = [];
  // Every date of a project period, sorted: dates compare as ranks in this list (see dateRank).
  private readonly dates: string[];
  // Projects the postings, bounds or arrays cannot reason about (see isRegular): always scored
  // through pairScore.
  private readonly irregular: number[] = [];

  // How many pairs were scored, for tests and benchmarks of the pruning.
  scoredPairs = 0;

  // Per query: the participant and what it brings, found once.
  private top = new TopKByRank(0);
  private readonly levels: Float64Array;
  // The skills the participant holds that some project asks for (their indexes), and how many.
  private held = new Int32Array(16);
  private readonly themeValues: Float64Array;
  // The weighted sum of a class's theme, availability and goal values for the participant.
  private readonly classTerms: Float64Array;
  // A class's theme, availability and goal values for the participant, for exact bounds.
  private readonly classThemeValue: Float64Array;
  private readonly classHoursValue: Float64Array;
  private readonly classGoalValue: Float64Array;
  private readonly tiedRegions: Stamps;
  private ties = false;
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
  // Per query: projects seen, and candidates in a queue by slice of their bound: each slice a
  // stack linked through `next`; each candidate with its skills value.
  private readonly seen: Stamps;
  private readonly sliceHead = new Int32Array(SLICES);
  private readonly queued: Int32Array;
  private readonly queuedSkills: Float64Array;
  // Each candidate's distance bound and its bound's unrounded share (see addCandidate).
  private readonly queuedDistance: Float64Array;
  private readonly queuedShare: Float64Array;
  private readonly next: Int32Array;
  private queueLength = 0;

  constructor(input: readonly ProjectFacts[], weights: MatchingWeights) {
    assertValidWeights(weights);
    assertUniqueIds(input, 'project');
    // Internal order: projects under the same key must-have side by side, by minimum level, so a
    // walk down a key list reads them in memory order.
    const projects = sortedByKey(input);
    this.projects = projects;
    this.weights = weights;
    const n = (this.n = projects.length);
    this.ids = projects.map((p) => p.id);
    this.idRank = ranksOf(this.ids);
    this.combiner = new FactorCombiner(weights);
    this.rows = new Float64Array(n * ROW);
    this.walkStart = new Int32Array(n + 1);
    this.mode = new Uint8Array(n);
    this.theme = new Int32Array(n);
    this.goalFit = new Int32Array(n);
    this.region = new Int32Array(n);
    this.fairness = new Float64Array(n);
    this.reqCount = new Int32Array(n);
    this.klass = new Uint16Array(n);
    this.mustCount = new Int32Array(n);
    this.kinds = new Int32Array(n);
    const dateSet = new Set<string>();
    for (const { period } of projects) {
      dateSet.add(period.from);
      if (period.to !== null) dateSet.add(period.to);
    }
    // Code-unit order, as `<` compares strings.
    this.dates = [...dateSet].sort();
    const themeIndex = new Map<string, number>();
    const classIndex = new Map<string, number>();
    const classes: Array<[number, number, number, number]> = [];
    const regionLists: number[][] = [];
    const regular: boolean[] = [];
    let walkLength = 0;
    for (let i = 0; i < n; i++) {
      const project = projects[i];
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
      const mode =
        project.mode === 'REMOTE'
          ? MODE_REMOTE
          : project.mode === 'ONSITE'
            ? MODE_ONSITE
            : MODE_HYBRID;
      const hours = project.hoursPerWeek ?? NaN;
      const goalFit = goalFitMask(project);
      const fairness = fairnessValue(project.candidateCount);
      this.mode[i] = mode;
      this.theme[i] = theme;
      this.goalFit[i] = goalFit;
      this.region[i] = region;
      this.fairness[i] = fairness;
      const row = i * ROW;
      const { rows } = this;
      this.walkStart[i] = walkLength;
      walkLength += W_REQS + REQ * project.skills.length;
      this.walkStart[i + 1] = walkLength;
      rows[row + R_REGION] = region;
      rows[row + R_FAIRNESS] = fairness;
      rows[row + R_MODE] = mode;
      rows[row + R_X] = x;
      rows[row + R_Y] = y;
      rows[row + R_Z] = z;
      rows[row + R_LAT] = project.location.lat;
      rows[row + R_LNG] = project.location.lng;
      rows[row + R_COS] = cosLatitude(project.location.lat);
      rows[row + R_FROM] = this.dateRank(project.period.from);
      rows[row + R_TO] = project.period.to === null ? Infinity : this.dateRank(project.period.to);
      this.reqCount[i] = project.skills.length;
      const classKey = `${theme}/${goalFit}/${mode}/${hours}`;
      let klass = classIndex.get(classKey);
      if (klass === undefined) {
        klass = classes.push([theme, goalFit, mode, hours]) - 1;
        classIndex.set(classKey, klass);
      }
      this.klass[i] = klass;
      rows[row + R_CLASS] = klass;
      this.kinds[i] = eligibleKindMask(project);
      regular[i] = isRegular(project) && klass < 0x10000 && fitsFloat32(project);
      if (!regular[i]) this.irregular.push(i);
      for (const s of project.skills) {
        if (s.must) this.mustCount[i]++;
        if (!this.skillIndex.has(s.skillId)) this.skillIndex.set(s.skillId, this.skillIndex.size);
      }
    }
    this.classTheme = Int32Array.from(classes, (c) => c[0]);
    this.classGoalFit = Int32Array.from(classes, (c) => c[1]);
    this.classMode = Uint8Array.from(classes, (c) => c[2]);
    const hoursSlots = new Map<number, number>();
    for (const c of classes) if (!hoursSlots.has(c[3])) hoursSlots.set(c[3], hoursSlots.size);
    this.classHoursSlot = Int32Array.from(classes, (c) => hoursSlots.get(c[3])!);
    this.distinctHours = Float64Array.from(hoursSlots.keys());
    this.hoursValues = new Float64Array(hoursSlots.size);
    const walk = (this.walk = new Float32Array(walkLength));
    for (let i = 0; i < n; i++) {
      const w = this.walkStart[i];
      const row = i * ROW;
      walk[w + W_X] = this.rows[row + R_X];
      walk[w + W_Y] = this.rows[row + R_Y];
      walk[w + W_Z] = this.rows[row + R_Z];
      walk[w + W_MODE] = this.mode[i];
      projects[i].skills.forEach((s, j) => {
        const r = w + W_REQS + j * REQ;
        walk[r] = this.skillIndex.get(s.skillId)!;
        walk[r + 1] = s.minLevel;
        walk[r + 2] = s.weight;
        walk[r + 3] = s.must ? 1 : 0;
      });
    }
    this.regionProjects = new PackedLists(regionLists);

    const skills = this.skillIndex.size;
    // Skill indexes sit in float32 requirement rows, exact below 2^24.
    if (skills >= 1 << 24) throw new RangeError(`${skills} skills are more than an index holds`);
    // Each project's key must-have (skill index and minimum level; -1 without must-haves) and
    // the skill indexes it asks for, worked out once for every partition.
    const keySkill = new Int32Array(n);
    const keyMin = new Float64Array(n);
    const askedSkills: number[][] = [];
    for (let i = 0; i < n; i++) {
      const key = keyRequirement(projects[i]);
      keySkill[i] = key < 0 ? -1 : this.skillIndex.get(projects[i].skills[key].skillId)!;
      keyMin[i] = key < 0 ? 0 : projects[i].skills[key].minLevel;
      askedSkills.push(projects[i].skills.map((s) => this.skillIndex.get(s.skillId)!));
    }
    for (let part = 0; part < PARTITIONS; part++) {
      const allowed = (i: number) =>
        regular[i] && partitionAllows(part, this.kinds[i], this.mode[i] === MODE_ONSITE);
      const keyed: number[][] = Array.from({ length: skills }, () => []);
      const nice: number[][] = Array.from({ length: skills }, () => []);
      // Internal order already runs by key and minimum level, so the lists come out sorted.
      for (let i = 0; i < n; i++) {
        if (!allowed(i)) continue;
        if (keySkill[i] >= 0) keyed[keySkill[i]].push(i);
        else for (const s of askedSkills[i]) nice[s].push(i);
      }
      const keys = new PackedLists(keyed);
      const nices = new PackedLists(nice);
      this.postings.push({
        keyStart: keys.start,
        keyProject: keys.items,
        keyMinLevel: gather(keys.items, keyMin, new Float64Array(keys.items.length)),
        niceStart: nices.start,
        niceProject: nices.items,
        keyClass: gather(keys.items, this.klass, new Uint16Array(keys.items.length)),
        keyFairness: gather(keys.items, this.fairness, new Float64Array(keys.items.length)),
        niceClass: gather(nices.items, this.klass, new Uint16Array(nices.items.length)),
        niceFairness: gather(nices.items, this.fairness, new Float64Array(nices.items.length)),
        buckets: this.bucketsFor(allowed),
      });
    }

    this.levels = new Float64Array(skills);
    this.themeValues = new Float64Array(this.themeCodes.length);
    this.classTerms = new Float64Array(classes.length);
    this.classThemeValue = new Float64Array(classes.length);
    this.classHoursValue = new Float64Array(classes.length);
    this.classGoalValue = new Float64Array(classes.length);
    this.tiedRegions = new Stamps(this.regionIndex.size);
    this.seen = new Stamps(n);
    // A project is queued at most once.
    this.queued = new Int32Array(n);
    this.queuedSkills = new Float64Array(n);
    this.queuedDistance = new Float64Array(n);
    this.queuedShare = new Float64Array(n);
    this.next = new Int32Array(n);
  }

  get size(): number {
    return this.n;
  }

  // The participant's best k projects, best first, numbers only: as rankProjects(participant,
  // projects, weights, k).
  rankProjects(participant: ParticipantFacts, k: number): RankedMatch[] {
    const top = this.rank(participant, k);
    const ranked = new Array<RankedMatch>(top.size);
    for (let j = 0; j < ranked.length; j++) {
      ranked[j] = {
        participantId: participant.id,
        projectId: this.ids[top.ref(j)],
        score: top.score(j),
      };
    }
    return ranked;
  }

  // The participant's best k projects, best first, explained: as topProjects(participant,
  // projects, weights, k).
  topProjects(participant: ParticipantFacts, k: number): Match[] {
    const top = this.rank(participant, k);
    const matches = new Array<Match>(top.size);
    for (let j = 0; j < matches.length; j++) {
      matches[j] = explainMatch(participant, this.projects[top.ref(j)], this.weights, top.score(j));
    }
    return matches;
  }

  private rank(participant: ParticipantFacts, k: number): TopKByRank {
    // One top-k reused query after query: its items are read before the next query starts.
    if (this.top.k !== k) this.top = new TopKByRank(k);
    else this.top.clear();
    if (k > 0) this.collect(participant);
    return this.top;
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
    const { idRank, reqCount, fairness } = this;
    const hasSkills = (i: number) => (reqCount[i] > 0 ? 1 : 0);
    const groups = new Map<number, number[]>();
    for (let i = 0; i < this.n; i++) {
      if (!allowed(i) || this.mustCount[i] > 0) continue;
      // Goals served are a mask of 5 bits: a number keys the group without a string per project.
      const key = (this.theme[i] * 64 + this.goalFit[i]) * 2 + hasSkills(i);
      const list = groups.get(key) ?? [];
      list.push(i);
      groups.set(key, list);
    }
    return (
      [...groups.values()]
        .map((list) => {
          list.sort((a, b) => fairness[b] - fairness[a] || idRank[a] - idRank[b]);
          const first = list[0];
          const skillsValue = hasSkills(first) ? 0 : 1;
          return {
            theme: this.theme[first],
            goalFit: this.goalFit[first],
            skillsValue,
            projects: Int32Array.from(list),
            fairness: gather(Int32Array.from(list), fairness, new Float64Array(list.length)),
            ceiling: this.combiner.combine(skillsValue, 1, 1, 1, 1, 0, fairness[first]),
          };
        })
        // Highest ceiling first, so a participant stops at the first bucket below its k-th score.
        .sort((a, b) => b.ceiling - a.ceiling)
    );
  }

  // Takes in what the participant brings, once: skill levels by skill index (returned: the
  // skills to reset), theme values, goals as bits, tied regions, home, hours, periods as ranks,
  // and each class's share of the first bound.
  private prepare(participant: ParticipantFacts): number {
    const { levels } = this;
    let heldCount = 0;
    if (this.held.length < participant.skills.size) {
      this.held = new Int32Array(participant.skills.size);
    }
    participant.skills.forEach((level, skillId) => {
      const s = this.skillIndex.get(skillId);
      if (s === undefined) return;
      levels[s] = level;
      this.held[heldCount++] = s;
    });
    const themes = this.themeValues;
    for (let t = 0; t < themes.length; t++) themes[t] = themeValue(participant, this.themeCodes[t]);
    this.goals = goalMask(participant.goals);
    this.tiedRegions.next();
    this.ties = false;
    for (const region of participant.regionTies) {
      const r = this.regionIndex.get(region);
      if (r !== undefined) {
        this.tiedRegions.mark(r);
        this.ties = true;
      }
    }
    const home = participant.home;
    this.home = home !== null;
    if (home !== null) {
      const lat = home.lat * RAD;
      const lng = home.lng * RAD;
      // unitVector, without its array.
      this.homeX = Math.cos(lat) * Math.cos(lng);
      this.homeY = Math.cos(lat) * Math.sin(lng);
      this.homeZ = Math.sin(lat);
      this.homeLat = home.lat;
      this.homeLng = home.lng;
      this.homeCos = cosLatitude(home.lat);
    }
    this.range = participant.travelRangeKm;
    this.weeklyHours = participant.weeklyHours;
    this.periodCount = participant.availability.length;
    if (this.periods.length < 2 * this.periodCount) {
      this.periods = new Float64Array(2 * this.periodCount);
    }
    for (let j = 0; j < this.periodCount; j++) {
      const period = participant.availability[j];
      this.periods[2 * j] = this.dateRank(period.from);
      this.periods[2 * j + 1] = period.to === null ? Infinity : this.dateRank(period.to);
    }
    const w = this.weights.weights;
    const { distinctHours, hoursValues } = this;
    for (let h = 0; h < hoursValues.length; h++) {
      const hours = distinctHours[h];
      hoursValues[h] = hoursValue(this.weeklyHours, hours !== hours ? null : hours);
    }
    const { classTerms, classTheme, classGoalFit, classHoursSlot } = this;
    const { classThemeValue, classHoursValue, classGoalValue } = this;
    for (let c = 0; c < classTerms.length; c++) {
      const theme = themes[classTheme[c]];
      const available = hoursValues[classHoursSlot[c]];
      const goal = goalValueOfMasks(this.goals, classGoalFit[c]);
      classThemeValue[c] = theme;
      classHoursValue[c] = available;
      classGoalValue[c] = goal;
      classTerms[c] = w.theme * theme + w.availability * available + w.goal * goal;
    }
    return heldCount;
  }

  private collect(participant: ParticipantFacts): void {
    const { seen, levels, idRank, top } = this;
    seen.next();
    const partition = partitionOf(participant.kind, participant.remoteOnly);
    const postings = this.postings[partition];
    const heldCount = this.prepare(participant);
    const held = this.held;

    // 1. Projects the bounds cannot reason about (a skills value above 1, say): scored outright.
    for (const i of this.irregular) {
      seen.mark(i);
      this.scoredPairs++;
      const score = pairScore(participant, this.projects[i], this.weights);
      if (score !== null) top.offer(score, idRank[i], i);
    }

    // 2. Candidates: projects keyed by a must-have the participant meets (a prefix of the key
    // list), projects without must-haves asking for a skill it has, and projects of tied regions
    // without must-haves. Each is queued in the slice of its bound (see addCandidate).
    this.sliceHead.fill(-1);
    this.queueLength = 0;
    const { keyStart, keyProject, keyMinLevel, keyClass, keyFairness } = postings;
    const { niceStart, niceProject, niceClass, niceFairness } = postings;
    for (let h = 0; h < heldCount; h++) {
      const s = held[h];
      const level = levels[s];
      for (let e = keyStart[s], end = keyStart[s + 1]; e < end && keyMinLevel[e] <= level; e++) {
        this.addCandidate(keyProject[e], keyClass[e], keyFairness[e]);
      }
      for (let e = niceStart[s], end = niceStart[s + 1]; e < end; e++) {
        const i = niceProject[e];
        if (seen.mark(i)) this.addCandidate(i, niceClass[e], niceFairness[e]);
      }
    }
    for (const region of participant.regionTies) {
      const r = this.regionIndex.get(region);
      if (r === undefined) continue;
      const { start, items } = this.regionProjects;
      for (let e = start[r]; e < start[r + 1]; e++) {
        const i = items[e];
        if (this.mustCount[i] > 0 || !seen.mark(i)) continue;
        if (partitionAllows(partition, this.kinds[i], this.mode[i] === MODE_ONSITE)) {
          this.addCandidate(i, this.klass[i], this.fairness[i]);
        }
      }
    }

    // 3. Candidates by slice, best first, so that the k-th score soon rises above most bounds
    // and those pairs are never scored: a slice whose top (with SLACK) is below the k-th score
    // ends the walk. A candidate taken whose bound still admits it is scored.
    const { sliceHead, next } = this;
    for (let b = SLICES - 1; b >= 0; b--) {
      if (top.closedBelow((b + 1) / SLICES + SLACK)) break;
      while (sliceHead[b] >= 0) {
        const q = sliceHead[b];
        sliceHead[b] = next[q];
        this.take(q);
      }
    }
    for (let h = 0; h < heldCount; h++) levels[held[h]] = 0;

    // 4. Everything else that can pass: projects without must-haves sharing no skill with the
    // participant and not in a tied region. Their bound is constant per bucket but for fairness.
    const themes = this.themeValues;
    for (const bucket of postings.buckets) {
      // The rest have no higher ceiling.
      if (top.closedBelow(bucket.ceiling)) break;
      const theme = themes[bucket.theme];
      const goal = goalValueOfMasks(this.goals, bucket.goalFit);
      const list = bucket.projects;
      const fairness = bucket.fairness;
      for (let b = 0; b < list.length; b++) {
        const i = list[b];
        const loose = this.combiner.combine(bucket.skillsValue, theme, 1, 1, goal, 0, fairness[b]);
        // Later projects have no more fairness, so no higher bound.
        if (top.closedBelow(loose)) break;
        if (!seen.has(i) && top.admits(loose, idRank[i])) this.consider(i, bucket.skillsValue);
      }
    }
  }

  // Queues a candidate under its bound, exact in everything but distance (the chord's, never
  // below the real one): an on-site project beyond travel range by the chord is dropped before its
  // skills are read, and one missing a must-have is never queued. Worked out while the walk reads
  // the candidate's unit vector and requirements in memory order (key lists run in internal
  // order), so that a candidate taken from the queue needs nothing but its score. The bound is
  // summed without FactorCombiner's rounding (most candidates are never taken): see SLACK.
  private addCandidate(i: number, klass: number, fairness: number): void {
    const mode = this.classMode[klass];
    let distance = mode === MODE_REMOTE ? 1 : 0.5;
    const start = this.walkStart[i];
    if (mode !== MODE_REMOTE && this.home) {
      const chord = this.chordKm(start);
      if (mode === MODE_ONSITE && chord > this.range) return;
      distance = distanceValueNear(mode === MODE_HYBRID, Math.max(0, chord));
    }
    const skills = this.skillsOrNaN(start + W_REQS, this.walkStart[i + 1]);
    if (skills !== skills) return;
    const w = this.weights.weights;
    let sum = w.skills * skills + this.classTerms[klass] + w.distance * distance;
    sum += w.fairness * fairness;
    if (this.ties && this.tiedRegions.has(this.region[i])) sum += w.tie;
    const share = sum / this.combiner.total;
    const slice = share >= 1 ? SLICES - 1 : share > 0 ? Math.floor(share * SLICES) : 0;
    const q = this.queueLength++;
    this.queued[q] = i;
    this.queuedSkills[q] = skills;
    this.queuedDistance[q] = distance;
    this.queuedShare[q] = share;
    this.next[q] = this.sliceHead[slice];
    this.sliceHead[slice] = q;
  }

  // A queued candidate: scored unless its bound (now through FactorCombiner, bit for bit
  // comparable with scores) rules it out.
  private take(q: number): void {
    if (this.top.closedBelow(this.queuedShare[q] + SLACK)) return;
    const i = this.queued[q];
    const skills = this.queuedSkills[q];
    const klass = this.klass[i];
    const bound = this.combiner.combine(
      skills,
      this.classThemeValue[klass],
      this.classHoursValue[klass],
      this.queuedDistance[q],
      this.classGoalValue[klass],
      this.ties && this.tiedRegions.has(this.region[i]) ? 1 : 0,
      this.fairness[i],
    );
    if (this.top.admits(bound, this.idRank[i])) this.score(i, skills);
  }

  // skillsValue from the participant's levels as laid out in `levels`, for the requirements in
  // walk[start, end): the same arithmetic in the same order (the weights summed as it sums them),
  // so the same value; NaN when a must-have is not met.
  private skillsOrNaN(start: number, end: number): number {
    const { levels, walk } = this;
    if (start === end) return 1;
    let weighted = 0;
    let total = 0;
    for (let r = start; r < end; r += REQ) {
      const level = levels[walk[r]];
      const min = walk[r + 1];
      if (walk[r + 3] === 1 && level < min) return NaN;
      const weight = walk[r + 2];
      weighted += weight * skillCredit(level, min);
      total += weight;
    }
    return weighted / total;
  }

  // A lower bound of the km from home to the project whose walk record starts at `start`.
  private chordKm(start: number): number {
    const { walk } = this;
    const chord = chordLowerBoundKm(
      this.homeX,
      this.homeY,
      this.homeZ,
      walk[start + W_X],
      walk[start + W_Y],
      walk[start + W_Z],
    );
    return chord - GEO_SLACK_KM;
  }

  // A bound of project i's score given its skills value and a distance value at least the real
  // one: every other factor is exact (the same functions, or values stored from them). With the
  // exact skills and distance values it is the exact score.
  private boundWith(i: number, skills: number, distance: number): number {
    const { rows } = this;
    const row = i * ROW;
    const klass = rows[row + R_CLASS];
    return this.combiner.combine(
      skills,
      this.classThemeValue[klass],
      this.classHoursValue[klass],
      distance,
      this.classGoalValue[klass],
      this.ties && this.tiedRegions.has(rows[row + R_REGION]) ? 1 : 0,
      rows[row + R_FAIRNESS],
    );
  }

  // Scores project i unless its bound with the chord distance rules it out. Reads the small
  // arrays only (walk record, class, fairness, region, id rank), not the row.
  private consider(i: number, skills: number): void {
    const start = this.walkStart[i];
    const mode = this.walk[start + W_MODE];
    let distance = mode === MODE_REMOTE ? 1 : 0.5;
    if (mode !== MODE_REMOTE && this.home) {
      const chord = this.chordKm(start);
      if (mode === MODE_ONSITE && chord > this.range) return;
      distance = distanceValueNear(mode === MODE_HYBRID, Math.max(0, chord));
    }
    const klass = this.klass[i];
    const bound = this.combiner.combine(
      skills,
      this.classThemeValue[klass],
      this.classHoursValue[klass],
      distance,
      this.classGoalValue[klass],
      this.ties && this.tiedRegions.has(this.region[i]) ? 1 : 0,
      this.fairness[i],
    );
    if (!this.top.admits(bound, this.idRank[i])) return;
    this.score(i, skills);
  }

  // Scores project i (its exact skills value given) as pairScore does: the filters the postings
  // leave (periods, travel range), the exact km, and the same combination.
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
    this.top.offer(this.boundWith(i, skills, distance), this.idRank[i], i);
  }

  // periodsOverlap on ranks: some period of the participant's neither ends before the project's
  // starts nor starts after it ends.
  private periodsOverlap(row: number): boolean {
    const { periods } = this;
    const from = this.rows[row + R_FROM];
    const to = this.rows[row + R_TO];
    for (let j = 0; j < 2 * this.periodCount; j += 2) {
      if (!(periods[j + 1] < from) && !(to < periods[j])) return true;
    }
    return false;
  }
}

// Whether the index can bound and score a project from its arrays: skills the postings can
// reason about (hasRegularSkills), a known mode, a finite location, hours that are a number or
// null, and a fairness value in [0, 1] (a candidate count of at least 0).
function isRegular(project: ProjectFacts): boolean {
  return (
    hasRegularSkills(project) &&
    (project.mode === 'REMOTE' || project.mode === 'ONSITE' || project.mode === 'HYBRID') &&
    Number.isFinite(project.location.lat) &&
    Number.isFinite(project.location.lng) &&
    !Number.isNaN(project.hoursPerWeek) &&
    project.candidateCount >= 0
  );
}

// Whether the index's float32 requirement rows hold the project's levels and weights exactly.
function fitsFloat32(project: ProjectFacts): boolean {
  return project.skills.every(
    (s) => Math.fround(s.minLevel) === s.minLevel && Math.fround(s.weight) === s.weight,
  );
}

// source[items[j]] into out[j], for every j.
function gather<T extends Float64Array | Uint16Array>(
  items: Int32Array,
  source: ArrayLike<number>,
  out: T,
): T {
  for (let j = 0; j < items.length; j++) out[j] = source[items[j]];
  return out;
}

// The must-have a project is listed under: the highest minimum level (fewest people meet it),
// the first of equals; -1 without must-haves.
function keyRequirement(project: ProjectFacts): number {
  const skills = project.skills;
  let key = -1;
  for (let j = 0; j < skills.length; j++) {
    if (skills[j].must && (key < 0 || skills[j].minLevel > skills[key].minLevel)) key = j;
  }
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
