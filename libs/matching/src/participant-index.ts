import { unitVector } from './geo-distance';
import {
  assertUniqueIds,
  assertValidWeights,
  distanceBound,
  eligibleKindMask,
  hasRegularSkills,
  PackedLists,
  partitionAllows,
  partitionOf,
  PARTITIONS,
  ranksOf,
  Stamps,
} from './index-support';
import {
  availabilityValue,
  fairnessValue,
  goalFitMask,
  goalMask,
  goalValueOfMasks,
  skillsValue,
  themeValue,
  tieValue,
} from './match-factors';
import type { ParticipantFacts, ProjectFacts } from './match-facts';
import {
  combineFactorValues,
  explainMatch,
  type Match,
  pairScore,
  type RankedMatch,
} from './match-score';
import type { MatchingWeights } from './match-weights';
import { TopKByRank } from './top-k';

// Participants with the same themes and goals: for a project, their bound is one constant when
// they share none of its skills. Members sorted by id.
interface Group {
  // Any member, to work out the theme value.
  representative: number;
  goals: number;
  members: Int32Array;
}

// A project's top-k participants without scoring everyone, equal to topCandidates (same matches,
// same order). Built once per set of participants and weights; one query at a time.
//
// Why it is exact: with must-have skills, only holders of the rarest one at its minimum level
// can pass; without, participants sharing no skill with the project score its skills factor
// exactly (0, or 1 when it asks for none), so their bound per themes-and-goals group is a
// constant and groups (sorted by id) are cut where the bound cannot beat the k-th match. Bounds
// are monotone for valid weights, which the constructor insists on. Every participant not cut by
// a filter or a bound goes through pairScore.
export class ParticipantIndex {
  private readonly n: number;
  private readonly ids: string[];
  // Each participant's place in its ids' code-unit order: ties compare these (see TopKByRank).
  private readonly idRank: Int32Array;
  private readonly partition: Uint8Array;
  // Unit vectors of the homes (0 without one).
  private readonly x: Float64Array;
  private readonly y: Float64Array;
  private readonly z: Float64Array;
  private readonly goals: Uint8Array;

  private readonly skillIndex = new Map<string, number>();
  // Per partition: for each skill, its holders by level, highest first.
  private readonly postingStart: Int32Array[] = [];
  private readonly postingParticipant: Int32Array[] = [];
  private readonly postingLevel: Float64Array[] = [];
  private readonly regionIndex = new Map<string, number>();
  private readonly regionParticipants: PackedLists;
  private readonly groups: Group[][] = [];

  private readonly seen: Stamps;

  constructor(
    private readonly participants: readonly ParticipantFacts[],
    private readonly weights: MatchingWeights,
  ) {
    assertValidWeights(weights);
    assertUniqueIds(participants, 'participant');
    const n = (this.n = participants.length);
    this.ids = participants.map((p) => p.id);
    this.idRank = ranksOf(this.ids);
    this.partition = new Uint8Array(n);
    this.x = new Float64Array(n);
    this.y = new Float64Array(n);
    this.z = new Float64Array(n);
    this.goals = new Uint8Array(n);
    const regionLists: number[][] = [];
    for (let i = 0; i < n; i++) {
      const p = participants[i];
      this.partition[i] = partitionOf(p.kind, p.remoteOnly);
      if (p.home) [this.x[i], this.y[i], this.z[i]] = unitVector(p.home);
      this.goals[i] = goalMask(p.goals);
      for (const skillId of p.skills.keys()) {
        if (!this.skillIndex.has(skillId)) this.skillIndex.set(skillId, this.skillIndex.size);
      }
      for (const region of p.regionTies) {
        let r = this.regionIndex.get(region);
        if (r === undefined) {
          r = regionLists.push([]) - 1;
          this.regionIndex.set(region, r);
        }
        regionLists[r].push(i);
      }
    }
    this.regionParticipants = new PackedLists(regionLists);

    const skills = this.skillIndex.size;
    for (let part = 0; part < PARTITIONS; part++) {
      const lists: Array<Array<[number, number]>> = Array.from({ length: skills }, () => []);
      for (let i = 0; i < n; i++) {
        if (this.partition[i] !== part) continue;
        for (const [skillId, level] of participants[i].skills) {
          lists[this.skillIndex.get(skillId)!].push([i, level]);
        }
      }
      const start = new Int32Array(skills + 1);
      for (let s = 0; s < skills; s++) {
        lists[s].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
        start[s + 1] = start[s] + lists[s].length;
      }
      const participant = new Int32Array(start[skills]);
      const level = new Float64Array(start[skills]);
      for (let s = 0; s < skills; s++) {
        lists[s].forEach(([i, l], j) => {
          participant[start[s] + j] = i;
          level[start[s] + j] = l;
        });
      }
      this.postingStart.push(start);
      this.postingParticipant.push(participant);
      this.postingLevel.push(level);
      this.groups.push(this.groupsOf(part));
    }
    this.seen = new Stamps(n);
  }

  get size(): number {
    return this.n;
  }

  private groupsOf(part: number): Group[] {
    const byKey = new Map<string, number[]>();
    for (let i = 0; i < this.n; i++) {
      if (this.partition[i] !== part) continue;
      const themes = [...new Set(this.participants[i].themeCodes)].sort().join('\u0000');
      const key = `${this.goals[i]}/${themes}`;
      const list = byKey.get(key) ?? [];
      list.push(i);
      byKey.set(key, list);
    }
    return [...byKey.values()].map((list) => {
      list.sort((a, b) => this.idRank[a] - this.idRank[b]);
      return {
        representative: list[0],
        goals: this.goals[list[0]],
        members: Int32Array.from(list),
      };
    });
  }

  // The project's best k participants, best first, numbers only (explained on read).
  rankCandidates(project: ProjectFacts, k: number): RankedMatch[] {
    const top = new TopKByRank(k);
    if (k > 0) this.collect(project, top);
    const ranked = new Array<RankedMatch>(top.size);
    for (let j = 0; j < ranked.length; j++) {
      ranked[j] = {
        participantId: this.ids[top.ref(j)],
        projectId: project.id,
        score: top.score(j),
      };
    }
    return ranked;
  }

  // The project's best k participants, best first, as topCandidates(project, participants, ...).
  topCandidates(project: ProjectFacts, k: number): Match[] {
    const top = new TopKByRank(k);
    if (k > 0) this.collect(project, top);
    const matches = new Array<Match>(top.size);
    for (let j = 0; j < matches.length; j++) {
      matches[j] = explainMatch(this.participants[top.ref(j)], project, this.weights, top.score(j));
    }
    return matches;
  }

  private collect(project: ProjectFacts, top: TopKByRank): void {
    const { participants, weights, seen, idRank } = this;
    if (!hasRegularSkills(project)) {
      // Requirements the postings cannot reason about: score everyone.
      for (let i = 0; i < this.n; i++) {
        const score = pairScore(participants[i], project, weights);
        if (score !== null) top.offer(score, idRank[i], i);
      }
      return;
    }
    seen.next();
    const kindMask = eligibleKindMask(project);
    const onsite = project.mode === 'ONSITE';
    const parts: number[] = [];
    for (let part = 0; part < PARTITIONS; part++) {
      if (partitionAllows(part, kindMask, onsite)) parts.push(part);
    }
    const fairness = fairnessValue(project.candidateCount);
    const fit = goalFitMask(project);
    const [px, py, pz] = unitVector(project.location);

    // Score a participant if its bound still lets it in; `skills` bounds its skills value.
    const consider = (i: number, skills: number) => {
      const p = participants[i];
      const distance = distanceBound(
        project.mode,
        p.home !== null,
        p.travelRangeKm,
        this.x[i],
        this.y[i],
        this.z[i],
        px,
        py,
        pz,
      );
      if (distance < 0) return;
      const bound = combineFactorValues(
        weights,
        skills,
        themeValue(p, project.themeCode),
        availabilityValue(p, project.hoursPerWeek),
        distance,
        goalValueOfMasks(this.goals[i], fit),
        tieValue(p, project.regionOrganizationId),
        fairness,
      );
      if (!top.admits(bound, idRank[i])) return;
      const score = pairScore(p, project, weights);
      if (score !== null) top.offer(score, idRank[i], i);
    };

    const musts = project.skills.filter((s) => s.must);
    if (musts.length > 0) {
      // Only holders of every must-have can pass: walk the holders of the rarest one.
      let rarest = -1;
      let rarestCount = Infinity;
      let rarestMin = 0;
      for (const must of musts) {
        const s = this.skillIndex.get(must.skillId);
        if (s === undefined) return;
        let count = 0;
        for (const part of parts) count += this.holders(part, s, must.minLevel);
        if (count < rarestCount) {
          rarest = s;
          rarestCount = count;
          rarestMin = must.minLevel;
        }
      }
      for (const part of parts) {
        const start = this.postingStart[part][rarest];
        const end = start + this.holders(part, rarest, rarestMin);
        const holder = this.postingParticipant[part];
        for (let e = start; e < end; e++) {
          consider(holder[e], skillsValue(participants[holder[e]], project));
        }
      }
      return;
    }

    // No must-haves. First everyone holding one of the project's skills.
    for (const required of project.skills) {
      const s = this.skillIndex.get(required.skillId);
      if (s === undefined) continue;
      for (const part of parts) {
        const holder = this.postingParticipant[part];
        for (
          let e = this.postingStart[part][s], end = this.postingStart[part][s + 1];
          e < end;
          e++
        ) {
          const i = holder[e];
          if (seen.mark(i)) consider(i, skillsValue(participants[i], project));
        }
      }
    }
    // Then the rest score the skills factor exactly: 0, or 1 when no skill is asked for.
    const skills = project.skills.length > 0 ? 0 : 1;
    const r = this.regionIndex.get(project.regionOrganizationId);
    if (r !== undefined) {
      const { start, items } = this.regionParticipants;
      for (let e = start[r]; e < start[r + 1]; e++) {
        const i = items[e];
        if (seen.mark(i) && parts.includes(this.partition[i])) consider(i, skills);
      }
    }
    // The untied rest, group by group: one bound per group, members in id order.
    for (const part of parts) {
      for (const group of this.groups[part]) {
        const bound = combineFactorValues(
          weights,
          skills,
          themeValue(participants[group.representative], project.themeCode),
          1,
          1,
          goalValueOfMasks(group.goals, fit),
          0,
          fairness,
        );
        const members = group.members;
        for (let m = 0; m < members.length; m++) {
          const i = members[m];
          // Later members have larger ids, so they cannot get in either.
          if (!top.admits(bound, idRank[i])) break;
          if (!seen.has(i)) consider(i, skills);
        }
      }
    }
  }

  // How many holders of skill s in a partition are at or above the level: a prefix of its list.
  private holders(part: number, s: number, minLevel: number): number {
    const start = this.postingStart[part][s];
    const level = this.postingLevel[part];
    let lo = start;
    let hi = this.postingStart[part][s + 1];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (level[mid] >= minLevel) lo = mid + 1;
      else hi = mid;
    }
    return lo - start;
  }
}
