import { JapanGeography } from '@tsunagu/core';
import type {
  DatePeriod,
  ModeCode,
  ParticipantFacts,
  ProjectFacts,
  RequiredSkillFacts,
} from '@tsunagu/matching';
import { buildPlaceIndex, type Place, ruralPlace } from '../synthetic/places';
import {
  ELIGIBILITY,
  GOALS_BY_KIND,
  HOURS,
  KINDS,
  LEVELS_BY_KIND,
  THEME_SKILL_CATEGORIES,
} from '../synthetic/distributions';
import { Prng, WeightedTable } from '../synthetic/prng';

// Matching facts for benchmarks, generated in memory (no database): shaped like the synthetic
// seed data (seed:synthetic) so that filters and factors bite as they would on real data. Every
// row comes from a stream named after it, so the first rows of a large run equal a small run's.

// The seeded taxonomy's 118 skills by category (codes as in the SeedSkillTaxonomy migration).
const SKILLS_BY_CATEGORY: Record<string, readonly string[]> = {
  it: [
    'web-development',
    'website-production',
    'app-development',
    'programming',
    'data-analysis',
    'gis',
    'dx-support',
    'it-support',
    'digital-literacy',
    'spreadsheet',
    'generative-ai',
  ],
  design: [
    'graphic-design',
    'logo-design',
    'package-design',
    'web-design',
    'ui-design',
    'ux-design',
    'illustration',
    'photography',
    'video-production',
    'drone',
    'art',
  ],
  marketing: [
    'marketing',
    'digital-marketing',
    'market-research',
    'branding',
    'product-development',
    'e-commerce',
    'sales',
    'retail',
    'furusato-nozei',
    'export',
  ],
  pr: ['public-relations', 'press-relations', 'social-media', 'writing', 'editing'],
  management: [
    'accounting',
    'bookkeeping',
    'tax',
    'legal',
    'administrative-procedures',
    'grant-writing',
    'fundraising',
    'crowdfunding',
    'business-planning',
    'new-business',
    'business-succession',
    'project-management',
    'office-admin',
  ],
  agriculture: [
    'farm-work',
    'rice-farming',
    'vegetable-farming',
    'fruit-farming',
    'organic-farming',
    'livestock',
    'farm-machinery',
    'smart-agriculture',
    'beekeeping',
    'forestry',
    'fisheries',
    'hunting',
    'satoyama',
  ],
  food: [
    'cooking',
    'local-cuisine',
    'food-processing',
    'baking',
    'restaurant-management',
    'food-safety',
    'nutrition',
  ],
  education: [
    'tutoring',
    'teaching',
    'inquiry-learning',
    'programming-education',
    'english-teaching',
    'japanese-teaching',
    'childcare',
    'outdoor-education',
    'sports-coaching',
  ],
  welfare: [
    'elderly-care',
    'healthcare',
    'disability-support',
    'health-promotion',
    'counseling',
    'social-work',
    'mobility-support',
  ],
  tourism: [
    'tour-guiding',
    'inbound',
    'tour-planning',
    'hospitality',
    'event-planning',
    'tourism-promotion',
    'mc',
  ],
  translation: [
    'translation',
    'interpretation',
    'english',
    'chinese',
    'korean',
    'vietnamese',
    'portuguese',
    'sign-language',
  ],
  facilitation: [
    'facilitation',
    'workshop-design',
    'community-building',
    'consensus-building',
    'coordination',
    'npo-management',
    'coaching',
    'relocation-support',
    'multicultural',
    'disaster-preparedness',
  ],
  building: [
    'akiya-renovation',
    'carpentry',
    'diy',
    'architecture',
    'heavy-machinery',
    'landscaping',
    'traditional-crafts',
  ],
};

export const BENCH_SKILL_COUNT = Object.values(SKILLS_BY_CATEGORY).reduce(
  (n, l) => n + l.length,
  0,
);

const THEMES = ['work', 'learning', 'agriculture', 'local'] as const;

const TRAVEL_RANGES = new WeightedTable<number>([
  [50, 2],
  [100, 4],
  [150, 2],
  [200, 3],
  [300, 2],
  [500, 2],
  [800, 1],
]);

const MODES = new WeightedTable<ModeCode>([
  ['ONSITE', 40],
  ['HYBRID', 30],
  ['REMOTE', 30],
]);

const DAY = 86_400_000;
// The snapshot day every date is drawn around.
const AS_OF = Date.parse('2026-12-01T00:00:00Z');

export interface BenchDataOptions {
  participants: number;
  projects: number;
  seed: number;
}

export interface BenchData {
  participants: ParticipantFacts[];
  projects: ProjectFacts[];
}

export function generateBenchData(options: BenchDataOptions): BenchData {
  const geography = JapanGeography.get();
  const places = buildPlaceIndex(
    [...geography.municipalities.values()],
    [...geography.prefectures.values()],
  );
  const point = (place: Place) => {
    const m = geography.municipality(place.code)!;
    return { lat: m.lat, lng: m.lng };
  };
  const categories = Object.keys(SKILLS_BY_CATEGORY).sort();
  const allSkills = categories.flatMap((c) => SKILLS_BY_CATEGORY[c]);
  // `count` distinct skills, mostly from one or two focus categories (preferred ones if given).
  const pickSkills = (
    rng: Prng,
    count: number,
    focusShare: number,
    preferred: readonly string[],
  ) => {
    const focus = rng
      .sample(preferred.length ? preferred : categories, rng.int(1, 2))
      .flatMap((c) => SKILLS_BY_CATEGORY[c]);
    const chosen = new Set<string>();
    while (chosen.size < count) {
      chosen.add(rng.chance(focusShare) ? rng.pick(focus) : rng.pick(allSkills));
    }
    return [...chosen];
  };
  const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const { seed } = options;

  // Projects first: participants' region ties point at regions that have projects.
  const projects: ProjectFacts[] = [];
  const prefectureOrder = Prng.from(seed, 'bench-prefectures').shuffle(places.prefectureCodes);
  for (let j = 0; j < options.projects; j++) {
    const rng = Prng.from(seed, 'bench-project', j);
    const prefecture =
      j < prefectureOrder.length ? prefectureOrder[j] : places.ruralPrefectures.pick(rng);
    const place = ruralPlace(places, rng, prefecture);
    const themeCode = rng.pick(THEMES);
    const preferred = rng.chance(0.8) ? THEME_SKILL_CATEGORIES[themeCode] : [];
    const skills: RequiredSkillFacts[] = pickSkills(rng, rng.int(1, 4), 0.75, preferred).map(
      (skillId, k) => {
        const must = rng.chance(k === 0 ? 0.7 : 0.35);
        return {
          skillId,
          must,
          minLevel: must ? rng.int(2, 4) : rng.int(1, 3),
          weight: must ? rng.int(3, 5) : rng.int(1, 4),
        };
      },
    );
    const start = AS_OF + rng.int(7, 200) * DAY;
    projects.push({
      id: rng.uuid(),
      regionOrganizationId: `region-${place.code}`,
      themeCode,
      mode: MODES.pick(rng),
      location: point(place),
      period: {
        from: date(start),
        to: rng.chance(0.25) ? null : date(start + rng.int(14, 300) * DAY),
      },
      hoursPerWeek: rng.chance(0.1) ? null : rng.pick(HOURS),
      eligibleKinds: [...ELIGIBILITY.pick(rng)],
      skills,
      // Most projects have few candidates so far, some many.
      candidateCount: rng.chance(0.6)
        ? rng.int(0, 5)
        : rng.chance(0.7)
          ? rng.int(3, 20)
          : rng.int(15, 80),
    });
  }
  const regions = [...new Set(projects.map((p) => p.regionOrganizationId))].sort();

  const participants: ParticipantFacts[] = [];
  for (let i = 0; i < options.participants; i++) {
    const rng = Prng.from(seed, 'bench-participant', i);
    const kind = KINDS.pick(rng);
    const student = kind === 'UNIVERSITY_STUDENT' || kind === 'HIGH_SCHOOL_STUDENT';
    const skillLevels = LEVELS_BY_KIND[kind];
    participants.push({
      id: rng.uuid(),
      kind,
      skills: new Map(
        pickSkills(rng, rng.int(2, 6), 0.7, []).map((s) => [s, skillLevels.pick(rng)] as const),
      ),
      themeCodes: rng.sample(THEMES, rng.int(1, 3)),
      goals: [
        ...new Set(Array.from({ length: rng.int(1, 3) }, () => GOALS_BY_KIND[kind].pick(rng))),
      ],
      weeklyHours: rng.chance(0.08)
        ? null
        : rng.int(2, student ? 15 : kind === 'PRO_BONO' ? 20 : 10),
      availability: availability(rng, student),
      home: point(places.home.pick(rng)),
      travelRangeKm: TRAVEL_RANGES.pick(rng),
      remoteOnly: rng.chance(kind === 'HIGH_SCHOOL_STUDENT' ? 0.2 : 0.12),
      // A few people already know a region or two (past visits, a hometown).
      regionTies: new Set(
        regions.length > 0 && rng.chance(0.1)
          ? Array.from({ length: rng.int(1, 2) }, () => rng.pick(regions))
          : [],
      ),
    });
  }
  return { participants, projects };

  // A period or two from the snapshot day on, sometimes open-ended, sometimes unstated.
  function availability(rng: Prng, student: boolean): DatePeriod[] {
    const roll = rng.next();
    if (roll < 0.15) return [];
    const from = AS_OF + rng.int(0, 60) * DAY;
    if (roll < 0.35) return [{ from: date(from), to: null }];
    const firstTo = from + rng.int(30, 365) * DAY;
    const first = { from: date(from), to: date(firstTo) };
    if (roll < (student ? 0.7 : 0.85)) return [first];
    const secondFrom = firstTo + rng.int(30, 120) * DAY;
    return [first, { from: date(secondFrom), to: date(secondFrom + rng.int(14, 60) * DAY) }];
  }
}
