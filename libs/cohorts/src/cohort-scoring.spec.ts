import {
  DEFAULT_WEIGHTS,
  type ParticipantFacts,
  type ProjectFacts,
  scorePair,
} from '@tsunagu/matching';
import { cohortExclusion, cohortPairScore, withTeamSkills } from './cohort-scoring';

const participant = (overrides: Partial<ParticipantFacts> = {}): ParticipantFacts => ({
  id: 'p1',
  kind: 'PRO_BONO',
  skills: new Map([['design', 4]]),
  themeCodes: ['work'],
  goals: [],
  weeklyHours: 5,
  availability: [],
  home: { lat: 35.68, lng: 139.77 },
  travelRangeKm: 300,
  remoteOnly: false,
  regionTies: new Set(),
  ...overrides,
});

const project = (overrides: Partial<ProjectFacts> = {}): ProjectFacts => ({
  id: 'q1',
  regionOrganizationId: 'region',
  themeCode: 'work',
  mode: 'REMOTE',
  location: { lat: 43.83, lng: 144.1 },
  period: { from: '2027-01-01', to: '2027-03-31' },
  hoursPerWeek: 5,
  eligibleKinds: [],
  skills: [
    { skillId: 'design', must: true, minLevel: 3, weight: 3 },
    { skillId: 'farming', must: true, minLevel: 2, weight: 3 },
  ],
  candidateCount: 0,
  ...overrides,
});

describe('cohort pair scoring', () => {
  it('scores a pair the engine would exclude for a missing must-have: the team covers it', () => {
    expect(scorePair(participant(), project(), DEFAULT_WEIGHTS)).toBeNull();
    const score = cohortPairScore(participant(), project(), DEFAULT_WEIGHTS);
    expect(score).toBe(scorePair(participant(), withTeamSkills(project()), DEFAULT_WEIGHTS)!.score);
    expect(cohortExclusion(participant(), project())).toBeNull();
  });

  it('still rewards having the must-have skills', () => {
    const both = participant({
      skills: new Map([
        ['design', 4],
        ['farming', 2],
      ]),
    });
    expect(cohortPairScore(both, project(), DEFAULT_WEIGHTS)!).toBeGreaterThan(
      cohortPairScore(participant(), project(), DEFAULT_WEIGHTS)!,
    );
    // Where nothing is missing the cohort score is the engine's own.
    expect(cohortPairScore(both, project(), DEFAULT_WEIGHTS)).toBe(
      scorePair(both, project(), DEFAULT_WEIGHTS)!.score,
    );
  });

  it('keeps every other hard filter', () => {
    const studentsOnly = project({ eligibleKinds: ['UNIVERSITY_STUDENT'] });
    expect(cohortPairScore(participant(), studentsOnly, DEFAULT_WEIGHTS)).toBeNull();
    expect(cohortExclusion(participant(), studentsOnly)).toBe('KIND_NOT_ELIGIBLE');

    const onsite = project({ mode: 'ONSITE' });
    expect(cohortExclusion(participant({ remoteOnly: true }), onsite)).toBe('REMOTE_ONLY');
    expect(cohortExclusion(participant({ travelRangeKm: 10 }), onsite)).toBe('TOO_FAR');
    expect(
      cohortExclusion(participant({ availability: [{ from: '2028-01-01', to: null }] }), project()),
    ).toBe('NO_PERIOD_OVERLAP');
  });
});
