import {
  DEFAULT_WEIGHTS,
  type ParticipantFacts,
  type ProjectFacts,
  validateAllocationInstance,
} from '@tsunagu/matching';
import {
  allocate,
  applyMoves,
  buildSnapshot,
  type CohortSnapshot,
  evaluateProposal,
  type ProposedAssignment,
  toAllocationInstance,
} from './allocation-snapshot';
import { cohortPairScore } from './cohort-scoring';

const facts = (id: string, skills: Record<string, number>, kind = 'PRO_BONO'): ParticipantFacts =>
  ({
    id,
    kind,
    skills: new Map(Object.entries(skills)),
    themeCodes: [],
    goals: [],
    weeklyHours: null,
    availability: [],
    home: null,
    travelRangeKm: 100,
    remoteOnly: false,
    regionTies: new Set(),
  }) as ParticipantFacts;

const projectFacts = (
  id: string,
  must: string[],
  overrides: Partial<ProjectFacts> = {},
): ProjectFacts => ({
  id,
  regionOrganizationId: 'region',
  themeCode: 'work',
  mode: 'REMOTE',
  location: { lat: 43.8, lng: 144.1 },
  period: { from: '2027-01-01', to: null },
  hoursPerWeek: null,
  eligibleKinds: [],
  skills: must.map((skillId) => ({ skillId, must: true, minLevel: 3, weight: 3 })),
  candidateCount: 0,
  ...overrides,
});

// The hand-checked cohort: x and y have one seat each; both participants rank x first.
// a has both skills (equal scores for x and y), b is weak at design (partial credit at x) and
// lacks farming (none at y). Stable: x prefers a, so b falls to y. Optimal: b's loss at y is
// larger than a's at... nothing (a scores the same at y), so a goes to y and b to x.
function handChecked() {
  const participants = [facts('b', { design: 2 }), facts('a', { design: 5, farming: 5 })];
  const projects = [projectFacts('y', ['farming']), projectFacts('x', ['design'])];
  return buildSnapshot({
    weights: DEFAULT_WEIGHTS,
    memberIds: ['b', 'a'],
    projects: [
      { id: 'y', capacity: 1, open: true },
      { id: 'x', capacity: 1, open: true },
    ],
    rankings: [
      { participantId: 'a', projectId: 'y', rank: 2 },
      { participantId: 'a', projectId: 'x', rank: 1 },
      { participantId: 'b', projectId: 'x', rank: 1 },
      { participantId: 'b', projectId: 'y', rank: 2 },
    ],
    participantFacts: new Map(participants.map((p) => [p.id, p])),
    projectFacts: new Map(projects.map((p) => [p.id, p])),
  });
}

describe('buildSnapshot', () => {
  it('orders participants and projects by id and choices by rank, scored by the engine', () => {
    const { snapshot, excluded } = handChecked();
    expect(excluded).toEqual([]);
    expect(snapshot.weightsVersion).toBe(DEFAULT_WEIGHTS.version);
    expect(snapshot.participants.map((p) => p.id)).toEqual(['a', 'b']);
    expect(snapshot.projects.map((p) => p.id)).toEqual(['x', 'y']);
    const [a, b] = snapshot.participants;
    expect(a.choices.map((c) => c.projectId)).toEqual(['x', 'y']);
    expect(a.skills).toEqual({ design: 5, farming: 5 });
    expect(a.choices[0].score).toBe(
      cohortPairScore(
        facts('a', { design: 5, farming: 5 }),
        projectFacts('x', ['design']),
        DEFAULT_WEIGHTS,
      ),
    );
    expect(a.choices[0].score).toBe(a.choices[1].score);
    expect(b.choices[0].score).toBeLessThan(a.choices[0].score);
    expect(b.choices[1].score).toBeLessThan(b.choices[0].score);
    expect(snapshot.projects[0].mustSkills).toEqual([{ skillId: 'design', minLevel: 3 }]);
    expect(validateAllocationInstance(toAllocationInstance(snapshot))).toEqual([]);
  });

  it('reports pairs a hard filter excludes, and leaves closed projects to the validation', () => {
    const { snapshot, excluded } = buildSnapshot({
      weights: DEFAULT_WEIGHTS,
      memberIds: ['a'],
      projects: [
        { id: 'x', capacity: 1, open: true },
        { id: 'z', capacity: 1, open: false },
      ],
      rankings: [
        { participantId: 'a', projectId: 'x', rank: 1 },
        { participantId: 'a', projectId: 'z', rank: 2 },
      ],
      participantFacts: new Map([['a', facts('a', {})]]),
      projectFacts: new Map([
        ['x', projectFacts('x', [], { eligibleKinds: ['UNIVERSITY_STUDENT'] })],
      ]),
    });
    expect(excluded).toEqual([{ participantId: 'a', projectId: 'x', reason: 'KIND_NOT_ELIGIBLE' }]);
    expect(snapshot.participants[0].choices).toEqual([
      { projectId: 'x', score: 0 },
      { projectId: 'z', score: 0 },
    ]);
    expect(validateAllocationInstance(toAllocationInstance(snapshot)).map((p) => p.code)).toEqual([
      'CLOSED_PROJECT',
    ]);
  });
});

describe('allocate and evaluateProposal on the hand-checked cohort', () => {
  const { snapshot } = handChecked();
  const scoreOf = (p: string, q: string) =>
    snapshot.participants.find((x) => x.id === p)!.choices.find((c) => c.projectId === q)!.score;

  it('stable: a keeps x, b falls to y, nobody would swap', () => {
    const result = allocate(snapshot, 'STABLE');
    expect(result.assignments.map((a) => [a.participantId, a.projectId, a.rank])).toEqual([
      ['a', 'x', 1],
      ['b', 'y', 2],
    ]);
    const evaluation = evaluateProposal(
      snapshot,
      result.assignments.map((a) => ({ ...a, adjusted: false })),
    );
    expect(evaluation.blockingPairs).toEqual([]);
    expect(evaluation.totalScore).toBe(result.totalScore);
    // b has no farming: y's must-have stays uncovered; a covers x's design.
    expect(evaluation.teams).toEqual([
      { projectId: 'x', coveredBy: [{ skillId: 'design', participantId: 'a' }], uncovered: [] },
      { projectId: 'y', coveredBy: [], uncovered: ['farming'] },
    ]);
  });

  it('optimal: a moves to y so that b gets x, for a higher total and one blocking pair', () => {
    const stable = allocate(snapshot, 'STABLE');
    const optimal = allocate(snapshot, 'OPTIMAL');
    expect(optimal.assignments.map((a) => [a.participantId, a.projectId])).toEqual([
      ['a', 'y'],
      ['b', 'x'],
    ]);
    expect(optimal.totalScore).toBeCloseTo(scoreOf('a', 'y') + scoreOf('b', 'x'), 6);
    expect(optimal.totalScore).toBeGreaterThan(stable.totalScore);
    const evaluation = evaluateProposal(
      snapshot,
      optimal.assignments.map((a) => ({ ...a, adjusted: false })),
    );
    expect(evaluation.blockingPairs).toEqual([{ participantId: 'a', projectId: 'x' }]);
    expect(evaluation.teams[1]).toEqual({
      projectId: 'y',
      coveredBy: [{ skillId: 'farming', participantId: 'a' }],
      uncovered: [],
    });
  });
});

describe('applyMoves', () => {
  const snapshot: CohortSnapshot = {
    weightsVersion: 'default-1',
    participants: [
      {
        id: 'a',
        skills: {},
        choices: [
          { projectId: 'x', score: 0.9 },
          { projectId: 'y', score: 0.8 },
        ],
      },
      { id: 'b', skills: {}, choices: [{ projectId: 'y', score: 0.7 }] },
      {
        id: 'c',
        skills: {},
        choices: [
          { projectId: 'y', score: 0.6 },
          { projectId: 'x', score: 0.5 },
        ],
      },
    ],
    projects: [
      { id: 'x', capacity: 1, open: true, mustSkills: [] },
      { id: 'y', capacity: 1, open: true, mustSkills: [] },
    ],
  };
  const current: ProposedAssignment[] = [
    { participantId: 'a', projectId: 'x', score: 0.9, rank: 1, adjusted: false },
    { participantId: 'b', projectId: 'y', score: 0.7, rank: 1, adjusted: false },
  ];

  it('swaps within capacity when all moves are applied together', () => {
    const { assignments, problems } = applyMoves(snapshot, current, [
      { participantId: 'b', projectId: null },
      { participantId: 'c', projectId: 'y' },
    ]);
    expect(problems).toEqual([]);
    expect(assignments).toEqual([
      current[0],
      { participantId: 'c', projectId: 'y', score: 0.6, rank: 1, adjusted: true },
    ]);
    expect(evaluateProposal(snapshot, assignments).totalScore).toBe(1.5);
  });

  it('refuses a full project, an unranked project, an unknown or repeated participant', () => {
    const { assignments, problems } = applyMoves(snapshot, current, [
      { participantId: 'c', projectId: 'x' },
      { participantId: 'b', projectId: 'x' },
      { participantId: 'z', projectId: 'x' },
      { participantId: 'c', projectId: null },
    ]);
    expect(assignments).toEqual([]);
    expect(problems).toEqual([
      { index: 0, field: 'projectId', message: 'the project is full (capacity 1)' },
      { index: 1, field: 'projectId', message: 'the participant did not rank this project' },
      { index: 2, field: 'participantId', message: 'is not a participant of this allocation' },
      { index: 3, field: 'participantId', message: 'is moved more than once in this request' },
    ]);
  });

  it('shows the blocking pairs an adjustment creates', () => {
    const { assignments } = applyMoves(snapshot, current, [
      { participantId: 'a', projectId: null },
    ]);
    // x is free for a and for c; y holds b, whom it prefers less than a (0.7 < 0.8).
    expect(evaluateProposal(snapshot, assignments).blockingPairs).toEqual([
      { participantId: 'a', projectId: 'x' },
      { participantId: 'a', projectId: 'y' },
      { participantId: 'c', projectId: 'x' },
    ]);
  });
});
