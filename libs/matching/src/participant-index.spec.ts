import { topCandidates } from './match-score';
import { DEFAULT_WEIGHTS, type MatchingWeights } from './match-weights';
import { ParticipantIndex } from './participant-index';
import { expectSameMatches, participantFacts, projectFacts, randomFacts } from './test-facts';

const WEIGHT_SETS: MatchingWeights[] = [
  DEFAULT_WEIGHTS,
  {
    version: 'zeros',
    weights: { skills: 0, theme: 1, availability: 0, distance: 0.5, goal: 0, tie: 0, fairness: 0 },
  },
  {
    version: 'tie-heavy',
    weights: {
      skills: 0.1,
      theme: 0,
      availability: 0,
      distance: 0,
      goal: 0.3,
      tie: 1,
      fairness: 0,
    },
  },
];

describe('ParticipantIndex', () => {
  it('equals brute-force topCandidates on random data (ids, scores, order, explanations)', () => {
    let compared = 0;
    let nonEmpty = 0;
    for (let seed = 101; seed <= 106; seed++) {
      const { participants, projects } = randomFacts(seed, 150, 60);
      const weights = WEIGHT_SETS[seed % WEIGHT_SETS.length];
      const index = new ParticipantIndex(participants, weights);
      for (const project of projects) {
        for (const k of [1, 3, 20, 400]) {
          const expected = topCandidates(project, participants, weights, k);
          expectSameMatches(index.topCandidates(project, k), expected);
          // The numbers-only ranking is the same list without explanations.
          expect(index.rankCandidates(project, k)).toEqual(
            expected.map(({ participantId, projectId, score }) => ({
              participantId,
              projectId,
              score,
            })),
          );
          compared++;
          if (expected.length > 0) nonEmpty++;
        }
      }
    }
    expect(nonEmpty).toBeGreaterThan(compared * 0.5);
  });

  const people = [
    participantFacts({ id: 'u-low', skills: new Map([['a', 2]]) }),
    participantFacts({
      id: 'u-both',
      skills: new Map([
        ['a', 4],
        ['b', 3],
      ]),
    }),
    participantFacts({ id: 'u-a', skills: new Map([['a', 5]]) }),
    participantFacts({ id: 'u-student', kind: 'UNIVERSITY_STUDENT', skills: new Map([['a', 5]]) }),
    participantFacts({ id: 'u-remote', remoteOnly: true, skills: new Map([['a', 5]]) }),
  ];
  const ids = (index: ParticipantIndex, overrides: Parameters<typeof projectFacts>[0]) =>
    index
      .topCandidates(projectFacts(overrides), 10)
      .map((m) => m.participantId)
      .sort();

  it('walks holders of the must-haves at their minimum level', () => {
    const index = new ParticipantIndex(people, DEFAULT_WEIGHTS);
    const skills = [
      { skillId: 'a', must: true, minLevel: 3, weight: 3 },
      { skillId: 'b', must: true, minLevel: 3, weight: 1 },
    ];
    expect(ids(index, { skills })).toEqual(['u-both']);
    expect(ids(index, { skills: skills.slice(0, 1) })).toEqual([
      'u-a',
      'u-both',
      'u-remote',
      'u-student',
    ]);
    expect(ids(index, { skills: [{ skillId: 'x', must: true, minLevel: 1, weight: 1 }] })).toEqual(
      [],
    );
  });

  it('keeps to eligible kinds and, on site, to people who travel', () => {
    const index = new ParticipantIndex(people, DEFAULT_WEIGHTS);
    const skills = [{ skillId: 'a', must: true, minLevel: 5, weight: 3 }];
    expect(ids(index, { skills, eligibleKinds: ['UNIVERSITY_STUDENT'] })).toEqual(['u-student']);
    expect(ids(index, { skills, mode: 'ONSITE' })).toEqual(['u-a', 'u-student']);
  });

  it('ranks everyone for a project without must-haves, ties by participant id', () => {
    const index = new ParticipantIndex(people, DEFAULT_WEIGHTS);
    const open = projectFacts({ skills: [], mode: 'REMOTE' });
    expect(index.topCandidates(open, 3).map((m) => m.participantId)).toEqual([
      'u-a',
      'u-both',
      'u-low',
    ]);
  });

  it('refuses weights its bounds do not hold for, naming the problems', () => {
    const negative: MatchingWeights = {
      version: 'negative',
      weights: { ...DEFAULT_WEIGHTS.weights, skills: -1 },
    };
    const build = () => new ParticipantIndex([participantFacts()], negative);
    expect(build).toThrow(RangeError);
    expect(build).toThrow('Invalid matching weights negative: skills: must be between 0 and 1');
  });

  it('rejects duplicate participant ids', () => {
    expect(
      () => new ParticipantIndex([participantFacts(), participantFacts()], DEFAULT_WEIGHTS),
    ).toThrow('participant id participant-1 appears twice');
  });
});
