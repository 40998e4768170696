import type { ProjectFacts } from './match-facts';
import { explainMatch, rankProjects, scorePair, topProjects } from './match-score';
import { DEFAULT_WEIGHTS, type MatchingWeights } from './match-weights';
import { ProjectIndex } from './project-index';
import {
  expectSameMatches,
  participantFacts,
  projectFacts,
  randomFacts,
  seededRandom,
  TOKYO,
} from './test-facts';

const WEIGHT_SETS: MatchingWeights[] = [
  DEFAULT_WEIGHTS,
  // Zeros: factors that do not count must not break the bounds.
  {
    version: 'zeros',
    weights: { skills: 0, theme: 1, availability: 0, distance: 0.5, goal: 0, tie: 0, fairness: 0 },
  },
  {
    version: 'skills-only',
    weights: { skills: 1, theme: 0, availability: 0, distance: 0, goal: 0, tie: 0, fairness: 0 },
  },
  {
    version: 'no-skills',
    weights: {
      skills: 0,
      theme: 0.2,
      availability: 0.3,
      distance: 1,
      goal: 0.1,
      tie: 1,
      fairness: 1,
    },
  },
];

describe('ProjectIndex', () => {
  it('equals brute-force topProjects on random data (ids, scores, order, explanations)', () => {
    let compared = 0;
    let nonEmpty = 0;
    let ties = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const { participants, projects } = randomFacts(seed, 40, 150);
      const weights = WEIGHT_SETS[seed % WEIGHT_SETS.length];
      const index = new ProjectIndex(projects, weights);
      for (const participant of participants) {
        for (const k of [1, 3, 20, 400]) {
          const expected = topProjects(participant, projects, weights, k);
          expectSameMatches(index.topProjects(participant, k), expected);
          compared++;
          if (expected.length > 0) nonEmpty++;
          for (let i = 1; i < expected.length; i++) {
            if (expected[i].score === expected[i - 1].score) ties++;
          }
        }
      }
    }
    // The data must make the comparison mean something: mostly non-empty lists, exact ties.
    expect(nonEmpty).toBeGreaterThan(compared * 0.8);
    expect(ties).toBeGreaterThan(compared);
  });

  it('ranks on numbers exactly as brute force: ids, order and scores, ties included', () => {
    let compared = 0;
    let ties = 0;
    for (let seed = 11; seed <= 22; seed++) {
      const { participants, projects } = randomFacts(seed, 50, 250);
      const weights = WEIGHT_SETS[seed % WEIGHT_SETS.length];
      const index = new ProjectIndex(projects, weights);
      for (const participant of participants) {
        for (const k of [1, 2, 7, 20, 1000]) {
          const expected = rankProjects(participant, projects, weights, k);
          const actual = index.rankProjects(participant, k);
          if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual).toEqual(expected);
          compared++;
          for (let i = 1; i < expected.length; i++) {
            if (expected[i].score === expected[i - 1].score) ties++;
          }
        }
      }
    }
    expect(ties).toBeGreaterThan(compared);
  });

  it('ranks odd data exactly too: unknown modes, negative counts, dates of any shape', () => {
    const shapes = ['2027-1-5', '2027-05-01T00:00', '', '2027-05-01', 'soon'];
    for (let seed = 31; seed <= 36; seed++) {
      const { participants, projects } = randomFacts(seed, 40, 200);
      const rand = seededRandom(seed);
      const odd: ProjectFacts[] = projects.map((project) => {
        const roll = rand();
        if (roll < 0.05) return { ...project, mode: 'ELSEWHERE' as ProjectFacts['mode'] };
        if (roll < 0.1) return { ...project, candidateCount: -3 };
        if (roll < 0.15) return { ...project, hoursPerWeek: 0 };
        if (roll < 0.25) {
          const from = shapes[Math.floor(rand() * shapes.length)];
          return { ...project, period: { from, to: rand() < 0.5 ? null : '2027-06-01' } };
        }
        return project;
      });
      const people = participants.map((p, i) =>
        i % 3 === 0
          ? { ...p, availability: [{ from: shapes[i % shapes.length], to: '2027-07' }] }
          : p,
      );
      const index = new ProjectIndex(odd, DEFAULT_WEIGHTS);
      for (const participant of people) {
        for (const k of [3, 20]) {
          expect(index.rankProjects(participant, k)).toEqual(
            rankProjects(participant, odd, DEFAULT_WEIGHTS, k),
          );
        }
      }
    }
  });

  it('explains what it ranks as scorePair explains each pair', () => {
    const { participants, projects } = randomFacts(41, 40, 200);
    const byId = new Map(projects.map((p) => [p.id, p]));
    const index = new ProjectIndex(projects, DEFAULT_WEIGHTS);
    let explained = 0;
    for (const participant of participants) {
      const ranked = index.rankProjects(participant, 20);
      const matches = index.topProjects(participant, 20);
      expectSameMatches(
        matches,
        ranked.map((m) => scorePair(participant, byId.get(m.projectId)!, DEFAULT_WEIGHTS)!),
      );
      expectSameMatches(
        matches,
        ranked.map((m) =>
          explainMatch(participant, byId.get(m.projectId)!, DEFAULT_WEIGHTS, m.score),
        ),
      );
      explained += matches.length;
    }
    expect(explained).toBeGreaterThan(400);
  });

  it('breaks exact ties by project id, whatever the input order', () => {
    const projects = ['p-c', 'p-a', 'p-d', 'p-b'].map((id) => projectFacts({ id, skills: [] }));
    const index = new ProjectIndex(projects, DEFAULT_WEIGHTS);
    expect(index.topProjects(participantFacts(), 3).map((m) => m.projectId)).toEqual([
      'p-a',
      'p-b',
      'p-c',
    ]);
  });

  it('needs every must-have at its minimum level; nice-to-haves only add credit', () => {
    const projects = [
      projectFacts({ id: 'both', skills: [must('a', 3), must('b', 2)] }),
      projectFacts({ id: 'low', skills: [must('a', 5)] }),
      projectFacts({ id: 'nice', skills: [nice('c', 4)] }),
    ];
    const index = new ProjectIndex(projects, DEFAULT_WEIGHTS);
    const ids = (skills: Array<[string, number]>) =>
      index.topProjects(participantFacts({ skills: new Map(skills) }), 10).map((m) => m.projectId);
    expect(ids([['a', 4]])).toEqual(['nice']);
    expect(
      ids([
        ['a', 4],
        ['b', 2],
      ]),
    ).toEqual(['both', 'nice']);
    // Equal scores: by id.
    expect(
      ids([
        ['a', 5],
        ['b', 1],
        ['c', 4],
      ]),
    ).toEqual(['low', 'nice']);
  });

  it('keeps kinds to the projects open to them', () => {
    const projects = [
      projectFacts({ id: 'students', eligibleKinds: ['UNIVERSITY_STUDENT'] }),
      projectFacts({ id: 'open', eligibleKinds: [] }),
    ];
    const index = new ProjectIndex(projects, DEFAULT_WEIGHTS);
    const ids = (kind: 'PRO_BONO' | 'UNIVERSITY_STUDENT') =>
      index.topProjects(participantFacts({ kind }), 10).map((m) => m.projectId);
    expect(ids('PRO_BONO')).toEqual(['open']);
    expect(ids('UNIVERSITY_STUDENT').sort()).toEqual(['open', 'students']);
  });

  it('keeps remote-only people off on-site projects and everyone within travel range', () => {
    const far = { lat: TOKYO.lat + 5, lng: TOKYO.lng };
    const projects = [
      projectFacts({ id: 'onsite-near', mode: 'ONSITE', location: TOKYO }),
      projectFacts({ id: 'onsite-far', mode: 'ONSITE', location: far }),
      projectFacts({ id: 'hybrid-far', mode: 'HYBRID', location: far }),
    ];
    const index = new ProjectIndex(projects, DEFAULT_WEIGHTS);
    const ids = (overrides: Parameters<typeof participantFacts>[0]) =>
      index
        .topProjects(participantFacts(overrides), 10)
        .map((m) => m.projectId)
        .sort();
    expect(ids({ travelRangeKm: 300 })).toEqual(['hybrid-far', 'onsite-near']);
    expect(ids({ travelRangeKm: 800 })).toEqual(['hybrid-far', 'onsite-far', 'onsite-near']);
    expect(ids({ remoteOnly: true })).toEqual(['hybrid-far']);
    // Without a home nothing is too far.
    expect(ids({ home: null, travelRangeKm: 10 })).toEqual([
      'hybrid-far',
      'onsite-far',
      'onsite-near',
    ]);
  });

  it('ranks projects sharing no skill, spread over the map, exactly', () => {
    // Projects without must-haves spread over Japan, on site, hybrid or remote, asking for skills
    // nobody holds: they are only reached through the buckets, whose bounds must hold whatever
    // the distance. Few themes and goals, so buckets are large and ties many.
    let compared = 0;
    let ties = 0;
    for (let seed = 41; seed <= 44; seed++) {
      const rand = seededRandom(seed);
      const modes = ['ONSITE', 'HYBRID', 'REMOTE'] as const;
      const place = () => ({ lat: 31 + rand() * 12, lng: 130 + rand() * 15 });
      const projects = Array.from({ length: 300 }, (_, j) =>
        projectFacts({
          id: `project-${String(j).padStart(3, '0')}`,
          regionOrganizationId: `region-${j % 7}`,
          themeCode: rand() < 0.5 ? 'work' : 'local',
          mode: modes[Math.floor(rand() * 3)],
          location: place(),
          period: { from: '2027-01-01', to: null },
          skills: rand() < 0.5 ? [] : [{ skillId: 'rare', must: false, minLevel: 2, weight: 1 }],
          candidateCount: Math.floor(rand() * 4),
        }),
      );
      const index = new ProjectIndex(projects, DEFAULT_WEIGHTS);
      for (let i = 0; i < 40; i++) {
        const participant = participantFacts({
          id: `participant-${i}`,
          home: i % 10 === 0 ? null : place(),
          travelRangeKm: [30, 100, 300, 800][i % 4],
          themeCodes: rand() < 0.5 ? ['work'] : ['local'],
        });
        for (const k of [1, 5, 20, 300]) {
          const expected = rankProjects(participant, projects, DEFAULT_WEIGHTS, k);
          const actual = index.rankProjects(participant, k);
          if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual).toEqual(expected);
          compared++;
          for (let j = 1; j < expected.length; j++) {
            if (expected[j].score === expected[j - 1].score) ties++;
          }
        }
      }
    }
    expect(ties).toBeGreaterThan(compared);
  });

  it('finds projects of tied regions and projects sharing no skill when they rank', () => {
    const projects = [
      projectFacts({ id: 'skilled', skills: [must('a', 1)], candidateCount: 50 }),
      projectFacts({ id: 'tied', regionOrganizationId: 'home-town', skills: [nice('z', 1)] }),
      projectFacts({ id: 'open', skills: [] }),
    ];
    const heavyTie: MatchingWeights = {
      version: 'tie',
      weights: { ...DEFAULT_WEIGHTS.weights, tie: 1 },
    };
    const participant = participantFacts({
      skills: new Map([['a', 3]]),
      regionTies: new Set(['home-town']),
    });
    const index = new ProjectIndex(projects, heavyTie);
    expect(index.topProjects(participant, 3)).toEqual(
      topProjects(participant, projects, heavyTie, 3),
    );
    expect(index.topProjects(participant, 3).map((m) => m.projectId)).toContain('tied');
  });

  it('prunes by bound: a fuller top-k scores fewer projects', () => {
    const { participants, projects } = randomFacts(99, 1, 400);
    const index = new ProjectIndex(projects, DEFAULT_WEIGHTS);
    const participant = { ...participants[0], remoteOnly: false, availability: [] };
    const scored = (k: number) => {
      const before = index.scoredPairs;
      index.topProjects(participant, k);
      return index.scoredPairs - before;
    };
    expect(scored(1)).toBeLessThan(scored(400));
    expect(scored(400)).toBeLessThan(projects.length);
  });

  it('keeps a project whose bound sits below the k-th score only by the rounding of scores', () => {
    // Skills only, every requirement met or not held at all: a project's bound before rounding
    // is its exact weighted sum, and its score that sum rounded to 6 decimals. 2/3 rounds up to
    // 0.666667 (5/7 to 0.714286): such a project ties a rival whose sum is that rounded value,
    // and wins the tie by id, although its unrounded bound is below the rival's score. A
    // threshold that compares unrounded bounds with scores without room for the rounding
    // (SLACK) drops it from the top k.
    const weights: MatchingWeights = {
      version: 'skills-only',
      weights: { skills: 1, theme: 0, availability: 0, distance: 0, goal: 0, tie: 0, fairness: 0 },
    };
    const req = (skillId: string, must: boolean, weight: number) => ({
      skillId,
      must,
      minLevel: 1,
      weight,
    });
    const participant = participantFacts({
      skills: new Map([
        ['a', 3],
        ['b', 3],
      ]),
    });
    // [met weight, unmet weight] of the project that wins the tie, then of its rival.
    const fractions: Array<[[number, number], [number, number]]> = [
      [
        [2, 1],
        [666_667, 333_333],
      ],
      [
        [5, 2],
        [714_286, 285_714],
      ],
    ];
    for (const [[met, unmet], [rivalMet, rivalUnmet]] of fractions) {
      const winner = projectFacts({
        id: 'p-a',
        mode: 'REMOTE',
        skills: [req('a', true, met / 2), req('b', false, met / 2), req('c', false, unmet)],
      });
      const rival = projectFacts({
        id: 'p-z',
        mode: 'REMOTE',
        skills: [req('a', true, rivalMet), req('c', false, rivalUnmet)],
      });
      // Both input orders: which of the two the walk takes first follows the input order.
      for (const projects of [
        [winner, rival],
        [rival, winner],
      ]) {
        const index = new ProjectIndex(projects, weights);
        for (const k of [1, 2]) {
          const expected = rankProjects(participant, projects, weights, k);
          expect(expected[0].projectId).toBe('p-a');
          expect(expected.map((m) => m.score)).toEqual(expected.map(() => expected[0].score));
          expect(index.rankProjects(participant, k)).toEqual(expected);
        }
      }
    }
  });

  it('scores projects with skill weights its bounds cannot handle, here a skills value of 3', () => {
    // (3·1 + -2·0) / (3 - 2) = 3: far above the bound of 1 that holds for weights >= 0.
    const odd = projectFacts({
      id: 'odd',
      candidateCount: 50,
      skills: [
        { skillId: 'a', must: false, minLevel: 1, weight: 3 },
        { skillId: 'b', must: false, minLevel: 1, weight: -2 },
      ],
    });
    const plain = projectFacts({ id: 'plain', candidateCount: 0, skills: [nice('a', 1)] });
    const participant = participantFacts({ skills: new Map([['a', 1]]) });
    const expected = topProjects(participant, [plain, odd], DEFAULT_WEIGHTS, 1);
    expect(expected.map((m) => m.projectId)).toEqual(['odd']);
    const index = new ProjectIndex([plain, odd], DEFAULT_WEIGHTS);
    expect(index.topProjects(participant, 1)).toEqual(expected);
  });

  it('scores projects whose weights a float32 cannot hold through pairScore, exactly', () => {
    // 0.1 has no float32 twin: the project is scored outright, even by someone who misses its
    // must-have (a project the postings would never list for them).
    const odd = projectFacts({
      id: 'odd',
      skills: [must('b', 2), { ...nice('a', 1), weight: 0.1 }],
    });
    const plain = projectFacts({ id: 'plain', skills: [nice('a', 1)] });
    const index = new ProjectIndex([plain, odd], DEFAULT_WEIGHTS);
    for (const level of [0, 1, 3]) {
      const participant = participantFacts({
        skills: new Map([
          ['a', 1],
          ['b', level],
        ]),
      });
      const before = index.scoredPairs;
      expect(index.rankProjects(participant, 2)).toEqual(
        rankProjects(participant, [plain, odd], DEFAULT_WEIGHTS, 2),
      );
      expect(index.scoredPairs - before).toBe(2);
    }
  });

  it('handles a project needing no hours for someone with none', () => {
    const projects = [projectFacts({ id: 'none', hoursPerWeek: 0 }), projectFacts({ id: 'some' })];
    const participant = participantFacts({ weeklyHours: 0 });
    const expected = topProjects(participant, projects, DEFAULT_WEIGHTS, 1);
    expect(expected.map((m) => m.projectId)).toEqual(['none']);
    expect(new ProjectIndex(projects, DEFAULT_WEIGHTS).topProjects(participant, 1)).toEqual(
      expected,
    );
  });

  it('refuses weights its bounds do not hold for, naming the problems', () => {
    const negative: MatchingWeights = {
      version: 'negative',
      weights: { ...DEFAULT_WEIGHTS.weights, theme: -0.5, tie: 2 },
    };
    const build = () => new ProjectIndex([projectFacts()], negative);
    expect(build).toThrow(RangeError);
    expect(build).toThrow(
      'Invalid matching weights negative: theme: must be between 0 and 1; tie: must be between 0 and 1',
    );
  });

  it('rejects duplicate project ids', () => {
    expect(() => new ProjectIndex([projectFacts(), projectFacts()], DEFAULT_WEIGHTS)).toThrow(
      'project id project-1 appears twice',
    );
  });
});

function must(skillId: string, minLevel: number) {
  return { skillId, must: true, minLevel, weight: 3 };
}

function nice(skillId: string, minLevel: number) {
  return { skillId, must: false, minLevel, weight: 3 };
}
