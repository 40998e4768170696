import type { ParticipantFacts, ProjectFacts } from './match-facts';
import type { Match } from './match-score';

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

// A small seeded generator (mulberry32) for random specs: reproducible without dependencies.
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = [
  'PRO_BONO',
  'UNIVERSITY_STUDENT',
  'HIGH_SCHOOL_STUDENT',
  'COMPANY_EMPLOYEE',
] as const;
const GOALS = [
  'CAREER_BUILDING',
  'SKILL_INVENTORY',
  'SIDE_JOB_TRIAL',
  'LEARNING',
  'EXPLORING_A_MOVE',
] as const;
const THEMES = ['work', 'learning', 'agriculture', 'local'];
const MODES = ['REMOTE', 'ONSITE', 'HYBRID'] as const;

// Random facts over a small universe (nine skills, five regions, a few hundred km), so that hard
// filters bite, scores tie and every index rule is exercised; ids are shuffled against input order.
export function randomFacts(
  seed: number,
  participantCount: number,
  projectCount: number,
): { participants: ParticipantFacts[]; projects: ProjectFacts[] } {
  const rand = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)];
  const some = <T>(items: readonly T[], max: number): T[] => [
    ...new Set(Array.from({ length: int(0, max) }, () => pick(items))),
  ];
  const skillIds = ['s0', 's1', 's2', 's3', 's4', 's5', 's6', 's7', 's8'];
  const regions = ['r0', 'r1', 'r2', 'r3', 'r4'];
  const point = () => ({ lat: 34 + rand() * 4, lng: 135 + rand() * 5 });
  const period = () => {
    const from = `2027-0${int(1, 9)}-01`;
    return { from, to: rand() < 0.3 ? null : `2027-${int(10, 12)}-28` };
  };

  const participants: ParticipantFacts[] = [];
  for (let i = 0; i < participantCount; i++) {
    participants.push({
      id: `u${((i * 7919) % 100003).toString().padStart(6, '0')}`,
      kind: pick(KINDS),
      skills: new Map(some(skillIds, 3).map((s) => [s, rand() < 0.05 ? 0 : int(1, 5)])),
      themeCodes: some(THEMES, 2),
      goals: some(GOALS, 3),
      weeklyHours: rand() < 0.15 ? null : pick([1, 2, 4, 8, 16, 40]),
      availability: rand() < 0.6 ? [] : [period()],
      home: rand() < 0.1 ? null : point(),
      travelRangeKm: pick([50, 100, 200, 400]),
      remoteOnly: rand() < 0.2,
      regionTies: new Set(some(regions, 2)),
    });
  }

  const projects: ProjectFacts[] = [];
  for (let i = 0; i < projectCount; i++) {
    const id = `p${((i * 104729) % 1000003).toString().padStart(7, '0')}`;
    // Some projects copy an earlier one but for the id, so scores tie exactly.
    if (projects.length > 0 && rand() < 0.15) {
      projects.push({ ...pick(projects), id });
      continue;
    }
    const skills = some(skillIds, 3).map((skillId) => ({
      skillId,
      must: rand() < 0.5,
      minLevel: int(1, 4),
      weight: int(1, 5),
    }));
    // Odd but valid requirements: a minimum level of 0 (met without the skill), a zero weight.
    if (skills.length > 0 && rand() < 0.04) skills[0].minLevel = 0;
    if (skills.length > 1 && rand() < 0.04) skills[1].weight = 0;
    projects.push({
      id,
      regionOrganizationId: pick(regions),
      themeCode: pick(THEMES),
      mode: pick(MODES),
      location: point(),
      period: period(),
      hoursPerWeek: rand() < 0.15 ? null : pick([2, 4, 8]),
      eligibleKinds: rand() < 0.7 ? [] : some(KINDS, 2),
      skills,
      candidateCount: rand() < 0.5 ? int(0, 6) : int(0, 300),
    });
  }
  return { participants, projects };
}

// Deep equality of match lists: a cheap check first, Jest's diff only when they differ (toEqual on
// thousands of lists is slow).
export function expectSameMatches(actual: Match[], expected: Match[]): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual).toEqual(expected);
}
