import { distanceKmLowerBound } from './geo-distance';
import {
  assertUniqueIds,
  eligibleKindMask,
  hasRegularSkills,
  PackedLists,
  partitionAllows,
  partitionOf,
  PARTITIONS,
  Stamps,
} from './index-support';
import {
  availabilityValue,
  distanceValue,
  fairnessValue,
  goalFitMask,
  goalMask,
  goalValueOfMasks,
  themeValue,
  totalSkillWeight,
} from './match-factors';
import type { ParticipantFacts, ProjectFacts } from './match-facts';
import { combineFactorValues, type Match, pairScore, scorePair } from './match-score';
import type { MatchingWeights } from './match-weights';
import { TopK } from './top-k';

// A group of projects without must-have skills that score alike on everything a participant
// brings but fairness: same theme, same goals served, same skills value (1 without skills,
// otherwise 0 for anyone who has none of them). Sorted by fairness, best first, then by id.
interface Bucket {
  theme: number;
  goalFit: number;
  skillsValue: number;
  projects: Int32Array;
}

const MODE_REMOTE = 0;
const MODE_ONSITE = 1;
const MODE_HYBRID = 2;

// A participant's top-k projects without scoring every project, equal to topProjects (same
// matches, same order). Built once per set of projects and weights; queries are synchronous and
// reuse scratch arrays, so one index serves one query at a time.
//
// Why it is exact: a project is left out only when a hard filter provably excludes it (kind and
// remote-only by partition, a must-have skill the participant lacks or holds below the minimum,
// on-site beyond the meridian distance) or when an upper bound of its score, computed by the same
// combineFactorValues as the real score, is below the current k-th score (or equal to it with a
// larger project id, which loses the tie). Every other project goes through pairScore.
export class ProjectIndex {
  private readonly n: number;
  private readonly ids: string[];
  private readonly mode: Uint8Array;
  private readonly lat: Float64Array;
  private readonly fairness: Float64Array;
  private readonly goalFit: Uint8Array;
  private readonly theme: Int32Array;
  private readonly mustCount: Int32Array;
  private readonly skillWeight: Float64Array;
  private readonly kindMask: Uint8Array;
  private readonly region: Int32Array;

  private readonly skillIndex = new Map<string, number>();
  private readonly themeCodes: string[] = [];
  private readonly regionIndex = new Map<string, number>();
  private readonly regionProjects: PackedLists;

  // Per partition: for each skill, the projects asking for it (one entry per requirement).
  private readonly postingStart: Int32Array[] = [];
  private readonly postingProject: Int32Array[] = [];
  private readonly postingMinLevel: Float64Array[] = [];
  private readonly postingWeight: Float64Array[] = [];
  private readonly postingMust: Uint8Array[] = [];
  private readonly buckets: Bucket[][] = [];
  // Projects the postings cannot reason about: always scored.
  private readonly irregular: number[] = [];

  // How many pairs went through pairScore, for tests and benchmarks of the pruning.
  scoredPairs = 0;

  // Scratch, per query.
  private readonly seen: Stamps;
  private readonly mustMet: Int32Array;
  private readonly skillCredit: Float64Array;
  private readonly touched: Int32Array;
  private readonly themeScratch: Float64Array;
  private readonly tiedRegions: Stamps;

  constructor(
    private readonly projects: readonly ProjectFacts[],
    private readonly weights: MatchingWeights,
  ) {
    assertUniqueIds(projects, 'project');
    const n = (this.n = projects.length);
    this.ids = projects.map((p) => p.id);
    this.mode = new Uint8Array(n);
    this.lat = new Float64Array(n);
    this.fairness = new Float64Array(n);
    this.goalFit = new Uint8Array(n);
    this.theme = new Int32Array(n);
    this.mustCount = new Int32Array(n);
    this.skillWeight = new Float64Array(n);
    this.kindMask = new Uint8Array(n);
    this.region = new Int32Array(n);
    const themeIndex = new Map<string, number>();
    const regionLists: number[][] = [];
    const regular: boolean[] = [];
    for (let i = 0; i < n; i++) {
      const project = projects[i];
      this.mode[i] =
        project.mode === 'REMOTE'
          ? MODE_REMOTE
          : project.mode === 'ONSITE'
            ? MODE_ONSITE
            : MODE_HYBRID;
      this.lat[i] = project.location.lat;
      this.fairness[i] = fairnessValue(project.candidateCount);
      this.goalFit[i] = goalFitMask(project);
      let theme = themeIndex.get(project.themeCode);
      if (theme === undefined) {
        theme = this.themeCodes.push(project.themeCode) - 1;
        themeIndex.set(project.themeCode, theme);
      }
      this.theme[i] = theme;
      this.skillWeight[i] = totalSkillWeight(project);
      this.kindMask[i] = eligibleKindMask(project);
      let region = this.regionIndex.get(project.regionOrganizationId);
      if (region === undefined) {
        region = regionLists.push([]) - 1;
        this.regionIndex.set(project.regionOrganizationId, region);
      }
      regionLists[region].push(i);
      this.region[i] = region;
      regular[i] = hasRegularSkills(project);
      if (!regular[i]) {
        this.irregular.push(i);
        continue;
      }
      for (const s of project.skills) {
        if (s.must) this.mustCount[i]++;
        if (!this.skillIndex.has(s.skillId)) this.skillIndex.set(s.skillId, this.skillIndex.size);
      }
    }
    this.regionProjects = new PackedLists(regionLists);

    const skills = this.skillIndex.size;
    for (let part = 0; part < PARTITIONS; part++) {
      const allowed = (i: number) =>
        regular[i] && partitionAllows(part, this.kindMask[i], this.mode[i] === MODE_ONSITE);
      const start = new Int32Array(skills + 1);
      for (let i = 0; i < n; i++) {
        if (!allowed(i)) continue;
        for (const s of projects[i].skills) start[this.skillIndex.get(s.skillId)! + 1]++;
      }
      for (let s = 0; s < skills; s++) start[s + 1] += start[s];
      const fill = start.slice(0, skills);
      const size = start[skills];
      const project = new Int32Array(size);
      const minLevel = new Float64Array(size);
      const weight = new Float64Array(size);
      const must = new Uint8Array(size);
      for (let i = 0; i < n; i++) {
        if (!allowed(i)) continue;
        for (const s of projects[i].skills) {
          const e = fill[this.skillIndex.get(s.skillId)!]++;
          project[e] = i;
          minLevel[e] = s.minLevel;
          weight[e] = s.weight;
          must[e] = s.must ? 1 : 0;
        }
      }
      this.postingStart.push(start);
      this.postingProject.push(project);
      this.postingMinLevel.push(minLevel);
      this.postingWeight.push(weight);
      this.postingMust.push(must);
      this.buckets.push(this.bucketsFor(allowed));
    }

    this.seen = new Stamps(n);
    this.mustMet = new Int32Array(n);
    this.skillCredit = new Float64Array(n);
    this.touched = new Int32Array(n);
    this.themeScratch = new Float64Array(this.themeCodes.length);
    this.tiedRegions = new Stamps(this.regionIndex.size);
  }

  get size(): number {
    return this.n;
  }

  // Projects without must-have skills, grouped so that a participant's bound is fairness plus a
  // per-group constant.
  private bucketsFor(allowed: (i: number) => boolean): Bucket[] {
    const groups = new Map<string, number[]>();
    for (let i = 0; i < this.n; i++) {
      if (!allowed(i) || this.mustCount[i] > 0) continue;
      const hasSkills = this.projects[i].skills.length > 0 ? 1 : 0;
      const key = `${this.theme[i]}/${this.goalFit[i]}/${hasSkills}`;
      const list = groups.get(key) ?? [];
      list.push(i);
      groups.set(key, list);
    }
    return [...groups.values()].map((list) => {
      list.sort(
        (a, b) =>
          this.fairness[b] - this.fairness[a] ||
          (this.ids[a] < this.ids[b] ? -1 : this.ids[a] > this.ids[b] ? 1 : 0),
      );
      const first = list[0];
      return {
        theme: this.theme[first],
        goalFit: this.goalFit[first],
        skillsValue: this.projects[first].skills.length > 0 ? 0 : 1,
        projects: Int32Array.from(list),
      };
    });
  }

  // The participant's best k projects, best first, as topProjects(participant, projects, weights, k).
  topProjects(participant: ParticipantFacts, k: number): Match[] {
    const top = new TopK(k);
    if (k > 0) this.collect(participant, top);
    return top.items().map((i) => scorePair(participant, this.projects[i], this.weights)!);
  }

  // Scores only; the same top as topProjects without building explanations.
  topScores(participant: ParticipantFacts, k: number): { projectIndex: number[]; score: number[] } {
    const top = new TopK(k);
    if (k > 0) this.collect(participant, top);
    return { projectIndex: top.items(), score: top.itemScores() };
  }

  private collect(participant: ParticipantFacts, top: TopK): void {
    const { seen, mustMet, skillCredit: credit, touched, weights } = this;
    seen.next();
    const part = partitionOf(participant.kind, participant.remoteOnly);
    const start = this.postingStart[part];
    const postedProject = this.postingProject[part];
    const postedMin = this.postingMinLevel[part];
    const postedWeight = this.postingWeight[part];
    const postedMust = this.postingMust[part];

    // Per-participant constants: theme value per theme, goals as bits, tied regions.
    const themes = this.themeScratch;
    for (let t = 0; t < themes.length; t++) themes[t] = themeValue(participant, this.themeCodes[t]);
    const goals = goalMask(participant.goals);
    this.tiedRegions.next();
    for (const region of participant.regionTies) {
      const r = this.regionIndex.get(region);
      if (r !== undefined) this.tiedRegions.mark(r);
    }
    const home = participant.home;
    const range = participant.travelRangeKm;

    // Score a project if its bound still lets it in; `skills` bounds its skills value.
    const consider = (i: number, skills: number) => {
      const mode = this.mode[i];
      let distance = 1;
      if (mode !== MODE_REMOTE) {
        if (home === null) distance = 0.5;
        else {
          const km = distanceKmLowerBound(home.lat, this.lat[i]);
          if (mode === MODE_ONSITE && km > range) return;
          distance = distanceValue(this.projects[i].mode, km);
        }
      }
      const bound = combineFactorValues(
        weights,
        skills,
        themes[this.theme[i]],
        availabilityValue(participant, this.projects[i].hoursPerWeek),
        distance,
        goalValueOfMasks(goals, this.goalFit[i]),
        this.tiedRegions.has(this.region[i]) ? 1 : 0,
        this.fairness[i],
      );
      if (!top.admits(bound, this.ids[i])) return;
      this.scoredPairs++;
      const score = pairScore(participant, this.projects[i], weights);
      if (score !== null) top.offer(score, this.ids[i], i);
    };

    // 1. Projects asking for a skill the participant has: count met must-haves, sum skill credit.
    let count = 0;
    for (const [skillId, level] of participant.skills) {
      const s = this.skillIndex.get(skillId);
      if (s === undefined) continue;
      for (let e = start[s], end = start[s + 1]; e < end; e++) {
        const i = postedProject[e];
        if (seen.mark(i)) {
          mustMet[i] = 0;
          credit[i] = 0;
          touched[count++] = i;
        }
        const min = postedMin[e];
        if (level >= min) {
          credit[i] += postedWeight[e];
          mustMet[i] += postedMust[e];
        } else {
          credit[i] += postedWeight[e] * (level / min / 2);
        }
      }
    }
    for (let c = 0; c < count; c++) {
      const i = touched[c];
      if (mustMet[i] !== this.mustCount[i]) continue;
      // Summed in another order than skillsValue, so allow for rounding.
      consider(i, Math.min(1, credit[i] / this.skillWeight[i] + 1e-9));
    }

    // 2. Projects the postings cannot reason about.
    for (const i of this.irregular) {
      if (seen.mark(i)) consider(i, 1);
    }

    // 3. Projects of tied regions the participant has no skill for (so none with must-haves).
    for (const region of participant.regionTies) {
      const r = this.regionIndex.get(region);
      if (r === undefined) continue;
      const { start: rs, items } = this.regionProjects;
      for (let e = rs[r]; e < rs[r + 1]; e++) {
        const i = items[e];
        if (this.mustCount[i] > 0 || !seen.mark(i)) continue;
        if (!partitionAllows(part, this.kindMask[i], this.mode[i] === MODE_ONSITE)) continue;
        consider(i, this.projects[i].skills.length > 0 ? 0 : 1);
      }
    }

    // 4. Everything else that can pass: projects without must-haves sharing no skill with the
    // participant and not in a tied region. Their bound is constant per bucket but for fairness.
    for (const bucket of this.buckets[part]) {
      const theme = themes[bucket.theme];
      const goal = goalValueOfMasks(goals, bucket.goalFit);
      const list = bucket.projects;
      for (let b = 0; b < list.length; b++) {
        const i = list[b];
        const bound = combineFactorValues(
          weights,
          bucket.skillsValue,
          theme,
          1,
          1,
          goal,
          0,
          this.fairness[i],
        );
        // Later projects have no more fairness, so no higher bound.
        if (top.closedBelow(bound)) break;
        if (seen.has(i) || !top.admits(bound, this.ids[i])) continue;
        consider(i, bucket.skillsValue);
      }
    }
  }
}
