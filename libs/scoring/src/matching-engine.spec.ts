import {
  DEFAULT_WEIGHTS,
  type ParticipantFacts,
  topCandidates,
  topProjects,
} from '@tsunagu/matching';
import type { ScoredProjectFacts } from './matching-facts.loader';
import { ParticipantEngine, ProjectEngine } from './matching-engine.cache';

// A small deterministic world: few skills and themes, so filters bite and scores tie.
function world() {
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const skills = ['a', 'b', 'c', 'd'];
  const participants: ParticipantFacts[] = Array.from({ length: 120 }, (_, i) => ({
    id: `u${String(i).padStart(3, '0')}`,
    kind: pick(['PRO_BONO', 'UNIVERSITY_STUDENT'] as const),
    skills: new Map(skills.filter(() => next() < 0.5).map((s) => [s, 1 + Math.floor(next() * 5)])),
    themeCodes: [pick(['work', 'learning'])],
    goals: [pick(['SIDE_JOB_TRIAL', 'LEARNING'] as const)],
    weeklyHours: pick([null, 4, 8]),
    availability: [],
    home: { lat: 35 + next() * 3, lng: 136 + next() * 4 },
    travelRangeKm: pick([50, 200, 800]),
    remoteOnly: next() < 0.2,
    regionTies: new Set(next() < 0.1 ? ['r1'] : []),
  }));
  const projects: ScoredProjectFacts[] = Array.from({ length: 40 }, (_, i) => ({
    id: `p${String(i).padStart(3, '0')}`,
    programId: i % 2 ? 'program' : null,
    regionOrganizationId: pick(['r1', 'r2']),
    themeCode: pick(['work', 'learning']),
    mode: pick(['REMOTE', 'ONSITE', 'HYBRID'] as const),
    location: { lat: 35 + next() * 3, lng: 136 + next() * 4 },
    period: { from: '2027-01-01', to: null },
    hoursPerWeek: pick([null, 5]),
    eligibleKinds: [],
    skills:
      next() < 0.7 ? [{ skillId: pick(skills), must: next() < 0.5, minLevel: 2, weight: 3 }] : [],
    candidateCount: Math.floor(next() * 4),
  }));
  return { participants, projects };
}

const PROGRAM_WEIGHTS = {
  version: 'program-v1',
  weights: { ...DEFAULT_WEIGHTS.weights, skills: 0.6, fairness: 0 },
};

describe('the worker engines', () => {
  const { participants, projects } = world();
  const weightsOf = (p: ScoredProjectFacts) => (p.programId ? PROGRAM_WEIGHTS : DEFAULT_WEIGHTS);

  it("merge each weights group's top-k into the exact top-k over all projects", () => {
    const engine = new ProjectEngine(new Map(projects.map((p) => [p.id, p])), weightsOf);
    for (const participant of participants) {
      // Brute force: each project scored alone with its own weights, everything sorted together.
      const expected = projects
        .flatMap((p) => topProjects(participant, [p], weightsOf(p), 1))
        .sort((a, b) => b.score - a.score || (a.projectId < b.projectId ? -1 : 1))
        .slice(0, 5);
      expect(engine.topProjects(participant, 5)).toEqual(expected);
      const scores = engine.scores(participant);
      for (const match of expected) expect(scores.get(match.projectId)).toBe(match.score);
    }
  });

  it("rank a project's candidates from its scores and through the index as brute force does", () => {
    const engine = new ParticipantEngine(participants);
    let ranked = 0;
    for (const project of projects) {
      const weights = weightsOf(project);
      // What a list keeps of brute force's explained matches: ids, score, weights version.
      const expected = topCandidates(project, participants, weights, 7).map(
        ({ participantId, projectId, score }) => ({
          participantId,
          projectId,
          score,
          weightsVersion: weights.version,
        }),
      );
      ranked += expected.length;
      const scores = engine.scores(project, weights);
      expect(engine.rankOfScores(project, weights, scores, 7)).toEqual(expected);
      expect(engine.rankCandidates(project, weights, 7)).toEqual(expected);
    }
    expect(ranked).toBeGreaterThan(projects.length);
  });
});
