import { distanceKm } from './geo-distance';
import { compareMatches, scorePair, topProjects } from './match-score';
import { DEFAULT_WEIGHTS, MatchingWeights, validateWeights } from './match-weights';
import { OJIYA, participantFacts, projectFacts, TOKYO } from './test-facts';

const factor = (name: string, match: ReturnType<typeof scorePair>) =>
  match!.factors.find((f) => f.factor === name)!;

describe('scoring', () => {
  it('measures Tokyo–Ojiya at about 200 km', () => {
    expect(distanceKm(TOKYO, OJIYA)).toBeGreaterThan(190);
    expect(distanceKm(TOKYO, OJIYA)).toBeLessThan(215);
  });

  it('explains every factor with its weight, value and a reason in Japanese and English', () => {
    const match = scorePair(participantFacts(), projectFacts(), DEFAULT_WEIGHTS)!;
    expect(match.factors.map((f) => f.factor)).toEqual([
      'skills',
      'theme',
      'availability',
      'distance',
      'goal',
      'tie',
      'fairness',
    ]);
    expect(factor('skills', match)).toMatchObject({
      value: 1,
      weight: 0.35,
      reason: { ja: '必須スキル 1/1 を満たす' },
    });
    expect(factor('goal', match).reason.en).toBe('Serves the goal: side-job trial');
    for (const f of match.factors) {
      expect(f.value).toBeGreaterThanOrEqual(0);
      expect(f.value).toBeLessThanOrEqual(1);
      expect(f.reason.ja.length).toBeGreaterThan(0);
      expect(f.reason.en.length).toBeGreaterThan(0);
    }
    const totalWeight = match.factors.reduce((s, f) => s + f.weight, 0);
    const expected = match.factors.reduce((s, f) => s + f.weight * f.value, 0) / totalWeight;
    expect(match.score).toBeCloseTo(expected, 5);
    expect(match.weightsVersion).toBe('default-1');
  });

  it('returns null for pairs a hard filter excludes', () => {
    expect(
      scorePair(
        participantFacts({ kind: 'HIGH_SCHOOL_STUDENT' }),
        projectFacts({ eligibleKinds: ['PRO_BONO'] }),
        DEFAULT_WEIGHTS,
      ),
    ).toBeNull();
  });

  it('gives partial skill credit below a nice-to-have level, weighted by importance', () => {
    const project = projectFacts({
      skills: [
        { skillId: 'web-design', must: true, minLevel: 3, weight: 3 },
        { skillId: 'english', must: false, minLevel: 4, weight: 1 },
      ],
    });
    const some = scorePair(
      participantFacts({
        skills: new Map([
          ['web-design', 3],
          ['english', 2],
        ]),
      }),
      project,
      DEFAULT_WEIGHTS,
    )!;
    // (3·1 + 1·(2/4/2)) / 4
    expect(factor('skills', some).value).toBeCloseTo(0.8125, 6);
    expect(factor('skills', some).reason.ja).toBe('必須スキル 1/1 を満たす、歓迎スキル 0/1');
  });

  it('scores theme, hours, distance, tie and fairness as documented', () => {
    const far = scorePair(participantFacts(), projectFacts({ mode: 'ONSITE' }), DEFAULT_WEIGHTS)!;
    const hybrid = scorePair(
      participantFacts(),
      projectFacts({ mode: 'HYBRID' }),
      DEFAULT_WEIGHTS,
    )!;
    const remote = scorePair(
      participantFacts(),
      projectFacts({ mode: 'REMOTE' }),
      DEFAULT_WEIGHTS,
    )!;
    expect(factor('distance', far).value).toBeLessThan(factor('distance', hybrid).value);
    expect(factor('distance', remote).value).toBe(1);
    expect(
      factor(
        'theme',
        scorePair(participantFacts({ themeCodes: ['learning'] }), projectFacts(), DEFAULT_WEIGHTS),
      ).value,
    ).toBe(0);
    expect(
      factor(
        'availability',
        scorePair(
          participantFacts({ weeklyHours: 2 }),
          projectFacts({ hoursPerWeek: 8 }),
          DEFAULT_WEIGHTS,
        ),
      ).value,
    ).toBe(0.25);
    const tied = scorePair(
      participantFacts({ regionTies: new Set(['region-1']) }),
      projectFacts(),
      DEFAULT_WEIGHTS,
    )!;
    expect(factor('tie', tied).value).toBe(1);
    expect(
      factor(
        'fairness',
        scorePair(participantFacts(), projectFacts({ candidateCount: 5 }), DEFAULT_WEIGHTS),
      ).value,
    ).toBe(0.5);
  });

  it('counts a project needing no hours as fully available, even to someone with none', () => {
    const availability = (weeklyHours: number | null, hoursPerWeek: number | null) =>
      factor(
        'availability',
        scorePair(
          participantFacts({ weeklyHours }),
          projectFacts({ hoursPerWeek }),
          DEFAULT_WEIGHTS,
        ),
      ).value;
    expect(availability(0, 0)).toBe(1);
    expect(availability(5, 0)).toBe(1);
    expect(availability(0, 5)).toBe(0);
    expect(availability(null, 0)).toBe(0.5);
  });

  it('is deterministic: same inputs, same scores and order; ties broken by project id', () => {
    const projects = ['c', 'a', 'b'].map((id) => projectFacts({ id }));
    const first = topProjects(participantFacts(), projects, DEFAULT_WEIGHTS, 10);
    const again = topProjects(participantFacts(), [...projects].reverse(), DEFAULT_WEIGHTS, 10);
    expect(first.map((m) => m.projectId)).toEqual(['a', 'b', 'c']);
    expect(again).toEqual(first);
    expect([...first].sort(compareMatches)).toEqual(first);
  });

  it('follows the weights: a heavier factor moves the ranking', () => {
    const themed = projectFacts({ id: 'themed', themeCode: 'work', candidateCount: 20 });
    const lonely = projectFacts({ id: 'lonely', themeCode: 'learning', candidateCount: 0 });
    const themeHeavy: MatchingWeights = {
      version: 't',
      weights: { ...DEFAULT_WEIGHTS.weights, theme: 1, fairness: 0 },
    };
    const fairHeavy: MatchingWeights = {
      version: 'f',
      weights: { ...DEFAULT_WEIGHTS.weights, theme: 0, fairness: 1 },
    };
    expect(topProjects(participantFacts(), [themed, lonely], themeHeavy, 1)[0].projectId).toBe(
      'themed',
    );
    expect(topProjects(participantFacts(), [themed, lonely], fairHeavy, 1)[0].projectId).toBe(
      'lonely',
    );
  });

  it('validates weights', () => {
    expect(validateWeights({ ...DEFAULT_WEIGHTS.weights })).toEqual([]);
    expect(validateWeights({ ...DEFAULT_WEIGHTS.weights, skills: -1 })).toEqual([
      { factor: 'skills', message: 'must be between 0 and 1' },
    ]);
    expect(validateWeights({ ...DEFAULT_WEIGHTS.weights, luck: 1 })).toEqual([
      { factor: 'luck', message: 'unknown factor' },
    ]);
    const missing: Record<string, number> = { ...DEFAULT_WEIGHTS.weights };
    delete missing.theme;
    expect(validateWeights(missing)).toEqual([{ factor: 'theme', message: 'must be a number' }]);
    const zeros = Object.fromEntries(Object.keys(DEFAULT_WEIGHTS.weights).map((k) => [k, 0]));
    expect(validateWeights(zeros)).toEqual([{ message: 'at least one weight must be above 0' }]);
  });
});
