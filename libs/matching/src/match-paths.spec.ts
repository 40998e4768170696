import { distanceKm } from './geo-distance';
import { passesHardFilters } from './hard-filters';
import {
  availabilityReason,
  availabilityValue,
  distanceReason,
  distanceValue,
  fairnessReason,
  fairnessValue,
  goalFitMask,
  goalMask,
  goalReason,
  goalValue,
  goalValueOfMasks,
  type Reason,
  skillsReason,
  skillsValue,
  themeReason,
  themeValue,
  tieReason,
  tieValue,
} from './match-factors';
import type { ParticipantFacts, ProjectFacts } from './match-facts';
import { explainMatch, pairScore, round6, scorePair } from './match-score';
import { DEFAULT_WEIGHTS, type FactorName, type MatchingWeights } from './match-weights';
import { participantFacts, projectFacts, randomFacts } from './test-facts';
import { ranksOf } from './index-support';
import { TopK, TopKByRank } from './top-k';

// The numeric path (pairScore), the explained one (scorePair) and the indexes' helpers must agree
// with each other and with the factor functions, or indexed and brute-force results would part.
describe('scoring paths', () => {
  const odd: MatchingWeights = {
    version: 'odd',
    weights: {
      skills: 0.3,
      theme: 0,
      availability: 0.7,
      distance: 0.9,
      goal: 0.01,
      tie: 0.2,
      fairness: 0.33,
    },
  };

  it('pairScore is null exactly when a hard filter fails, and scorePair carries its score', () => {
    const { participants, projects } = randomFacts(7, 40, 80);
    let possible = 0;
    for (const p of participants) {
      for (const project of projects) {
        const score = pairScore(p, project, DEFAULT_WEIGHTS);
        expect(score === null).toBe(!passesHardFilters(p, project).pass);
        expect(scorePair(p, project, DEFAULT_WEIGHTS)?.score ?? null).toBe(score);
        if (score !== null) possible++;
      }
    }
    expect(possible).toBeGreaterThan(100);
  });

  it('explains with the factor functions: same values, weights and reasons, in FACTORS order', () => {
    // Each factor worked out on its own, straight from its value and reason functions.
    const f = (factor: FactorName, value: number, reason: Reason) => ({
      factor,
      value: round6(value),
      reason,
      weight: odd.weights[factor],
    });
    const factorsOf = (p: ParticipantFacts, project: ProjectFacts) => {
      const km = p.home ? distanceKm(p.home, project.location) : null;
      const { themeCode, hoursPerWeek, mode, regionOrganizationId, candidateCount } = project;
      return [
        f('skills', skillsValue(p, project), skillsReason(p, project)),
        f('theme', themeValue(p, themeCode), themeReason(p, themeCode)),
        f('availability', availabilityValue(p, hoursPerWeek), availabilityReason(p, hoursPerWeek)),
        f('distance', distanceValue(mode, km), distanceReason(mode, km)),
        f('goal', goalValue(p, project), goalReason(p, project)),
        f('tie', tieValue(p, regionOrganizationId), tieReason(p, regionOrganizationId)),
        f('fairness', fairnessValue(candidateCount), fairnessReason(candidateCount)),
      ];
    };
    const { participants, projects } = randomFacts(8, 30, 60);
    for (const p of participants) {
      for (const project of projects) {
        const match = scorePair(p, project, odd);
        if (!match) continue;
        expect(match.factors).toEqual(factorsOf(p, project));
        expect(explainMatch(p, project, odd, match.score)).toEqual(match);
      }
    }
  });

  it('explainMatch rebuilds from facts, weights and score what scorePair explains, pair by pair', () => {
    let pairs = 0;
    for (const [seed, weights] of [
      [21, DEFAULT_WEIGHTS],
      [22, odd],
      [23, DEFAULT_WEIGHTS],
    ] as const) {
      const { participants, projects } = randomFacts(seed, 50, 120);
      for (const p of participants) {
        for (const project of projects) {
          const score = pairScore(p, project, weights);
          if (score === null) continue;
          const today = scorePair(p, project, weights)!;
          const rebuilt = explainMatch(p, project, weights, score);
          if (JSON.stringify(rebuilt) !== JSON.stringify(today)) expect(rebuilt).toEqual(today);
          pairs++;
        }
      }
    }
    expect(pairs).toBeGreaterThan(3000);
  });

  it('refuses to explain a pair the filters exclude', () => {
    expect(() =>
      explainMatch(
        participantFacts({ kind: 'HIGH_SCHOOL_STUDENT' }),
        projectFacts({ eligibleKinds: ['PRO_BONO'] }),
        DEFAULT_WEIGHTS,
        0.5,
      ),
    ).toThrow(RangeError);
  });

  it('goal masks give goalValue for every pair', () => {
    const { participants, projects } = randomFacts(9, 60, 60);
    for (const p of participants) {
      for (const project of projects) {
        expect(goalValueOfMasks(goalMask(p.goals), goalFitMask(project))).toBe(
          goalValue(p, project),
        );
      }
    }
  });

  it('reuses reason texts without mixing them up', () => {
    const match = (weeklyHours: number, hoursPerWeek: number, candidateCount: number) =>
      scorePair(
        participantFacts({ weeklyHours }),
        projectFacts({ hoursPerWeek, candidateCount }),
        DEFAULT_WEIGHTS,
      )!;
    for (const [available, needed, count] of [
      [3, 12, 7],
      [12, 3, 70],
      [3, 12, 7],
      [40, 1, 0],
      [2.5, 8, 1001],
    ]) {
      const factors = match(available, needed, count).factors;
      expect(factors[2].reason.en).toBe(`${available} h/week available of ${needed} needed`);
      expect(factors[6].reason.ja).toBe(`候補者 ${count}人`);
    }
  });
});

describe('TopK', () => {
  it('keeps the best k, ties by key, earlier first on equal score and key', () => {
    const top = new TopK(3);
    const offers: Array<[number, string]> = [
      [0.5, 'c'],
      [0.7, 'b'],
      [0.5, 'a'],
      [0.7, 'a'],
      [0.5, 'a'],
      [0.9, 'z'],
    ];
    offers.forEach(([score, key], i) => top.offer(score, key, i));
    expect(top.items()).toEqual([5, 3, 1]);
    expect(top.itemScores()).toEqual([0.9, 0.7, 0.7]);
    expect(top.admits(0.7, 'a')).toBe(true);
    expect(top.admits(0.7, 'c')).toBe(false);
    expect(top.closedBelow(0.7)).toBe(false);
    expect(top.closedBelow(0.69)).toBe(true);
  });

  it('takes nothing when k is 0', () => {
    const top = new TopK(0);
    top.offer(1, 'a', 0);
    expect(top.items()).toEqual([]);
    expect(top.closedBelow(1)).toBe(true);
  });
});

describe('TopKByRank', () => {
  it('keeps what TopK keeps when keys are given as their ranks', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    // Keys of unequal lengths and shared prefixes, scores from a few values: ties everywhere.
    const keys = Array.from({ length: 60 }, (_, i) => `p${Math.floor(random() * 1000)}-${i}`);
    const ranks = ranksOf(keys);
    expect([...ranks].sort((a, b) => a - b)).toEqual(keys.map((_, i) => i));
    for (const k of [0, 1, 3, 20, 80]) {
      for (let round = 0; round < 20; round++) {
        const byKey = new TopK(k);
        const byRank = new TopKByRank(k);
        const answers: boolean[][] = [[], []];
        for (let n = 0; n < 100; n++) {
          const item = Math.floor(random() * keys.length);
          const score = Math.floor(random() * 5) / 4;
          answers[0].push(byKey.admits(score, keys[item]), byKey.closedBelow(score));
          answers[1].push(byRank.admits(score, ranks[item]), byRank.closedBelow(score));
          byKey.offer(score, keys[item], n);
          byRank.offer(score, ranks[item], n);
        }
        expect(answers[1]).toEqual(answers[0]);
        const kept = Array.from({ length: byRank.size }, (_, j) => byRank.ref(j));
        expect(kept).toEqual(byKey.items());
        expect(kept.map((_, j) => byRank.score(j))).toEqual(byKey.itemScores());
      }
    }
  });
});
