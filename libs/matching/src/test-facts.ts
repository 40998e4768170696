import type { ParticipantFacts, ProjectFacts } from './match-facts';

// Builders for specs: a plausible pair that passes every hard filter, to be varied field by field.
export const TOKYO = { lat: 35.6812, lng: 139.7671 };
export const OJIYA = { lat: 37.3144, lng: 138.795 };

export function participantFacts(overrides: Partial<ParticipantFacts> = {}): ParticipantFacts {
  return {
    id: 'participant-1',
    kind: 'PRO_BONO',
    skills: new Map([['web-design', 4]]),
    themeCodes: ['work'],
    goals: ['SIDE_JOB_TRIAL'],
    weeklyHours: 5,
    availability: [],
    home: TOKYO,
    travelRangeKm: 300,
    remoteOnly: false,
    regionTies: new Set(),
    ...overrides,
  };
}

export function projectFacts(overrides: Partial<ProjectFacts> = {}): ProjectFacts {
  return {
    id: 'project-1',
    regionOrganizationId: 'region-1',
    themeCode: 'work',
    mode: 'HYBRID',
    location: OJIYA,
    period: { from: '2027-01-01', to: '2027-03-31' },
    hoursPerWeek: 5,
    eligibleKinds: [],
    skills: [{ skillId: 'web-design', must: true, minLevel: 3, weight: 5 }],
    candidateCount: 0,
    ...overrides,
  };
}
