// The shape of a population as the census publishes it (国勢調査, 5-year age groups by sex) and
// the default rates the projection uses. The defaults are rounded approximations of national
// figures, good enough for a region to see the direction and size of its change; a region that
// has its own rates (the prefecture's or IPSS's municipal assumptions) overrides them.

export const AGE_GROUP_COUNT = 19;
// 0–4, 5–9, … 85–89, then 90 and over (the census' 95–99 and 100+ fold into it).
export const OPEN_AGE = 90;
export const AGE_STEP = 5;
export const PROJECTION_STEPS = 6; // 30 years in 5-year steps
export const FERTILE_FIRST_GROUP = 3; // 15–19
export const FERTILE_LAST_GROUP = 9; // 45–49

export type Sex = 'male' | 'female';
export const SEXES: readonly Sex[] = ['male', 'female'];

// People per age group (index 0 = 0–4 … last = the open group), by sex.
export interface PopulationBySex {
  male: number[];
  female: number[];
}

export function ageGroupLabel(index: number): string {
  const from = index * AGE_STEP;
  return from >= OPEN_AGE ? `${OPEN_AGE}+` : `${from}-${from + AGE_STEP - 1}`;
}

export interface ProjectionParameters {
  // Share of the people in group i who are alive in group i + 1 five years later; the last entry
  // (index groups − 2) also applies to the open group, which stays in itself. Length groups − 1.
  survival: { male: number[]; female: number[] };
  // Share of the babies born in a 5-year period who are alive in the 0–4 group at its end.
  birthSurvival: { male: number; female: number };
  // Births per woman per year by the woman's age group (zero outside 15–49). Length groups.
  fertility: number[];
  // Boys born per girl (1.05: 105 boys per 100 girls, Japan's long-run ratio).
  sexRatioAtBirth: number;
  // Net migration over a 5-year step as a share of the survivors arriving in each group
  // (−0.1 = a tenth leave). Zero by default: the base projection is a closed population.
  migration: { male: number[]; female: number[] };
}

// Survivors to exact age x out of 100,000 births (l_x), at ages 0, 5, … 90, and the expectation
// of life at 90. Rounded approximation of the Ministry of Health, Labour and Welfare's 23rd
// complete life tables (第23回生命表, 2020): e.g. 89.6% of men and 94.6% of women reach 65, 28.1%
// and 52.6% reach 90; life expectancy at 90 is about 4.6 and 5.9 years.
const LIFE_TABLE: Record<Sex, { lx: number[]; e90: number }> = {
  male: {
    lx: [
      100000, 99800, 99760, 99720, 99600, 99400, 99200, 98950, 98600, 98050, 96900, 95300, 92900,
      89600, 84000, 75600, 63500, 47500, 28100,
    ],
    e90: 4.6,
  },
  female: {
    lx: [
      100000, 99830, 99800, 99780, 99720, 99640, 99540, 99400, 99200, 98850, 98300, 97600, 96500,
      94600, 92000, 88100, 81500, 70500, 52600,
    ],
    e90: 5.9,
  },
};

// Person-years lived in each 5-year group (5L_x by the trapezoid rule) and in the open group (T_90).
function personYears(lx: number[], e90: number): number[] {
  const closed = lx.slice(0, -1).map((l, i) => (AGE_STEP * (l + lx[i + 1])) / 2);
  return [...closed, lx[lx.length - 1] * e90];
}

// Survival ratios from a life table: 5L_{x+5} / 5L_x, and T_90 / T_85 for everyone 85 and over.
export function survivalFromLifeTable(
  lx: number[],
  e90: number,
): { survival: number[]; birthSurvival: number } {
  const L = personYears(lx, e90);
  const last = L.length - 1;
  const survival = L.slice(0, last - 1).map((l, i) => L[i + 1] / l);
  survival.push(L[last] / (L[last - 1] + L[last]));
  return { survival, birthSurvival: L[0] / (AGE_STEP * lx[0]) };
}

// Age-specific fertility rates (births per woman per year) of women 15–19 … 45–49: rounded from
// the ministry's vital statistics for 2020 (人口動態統計), a total fertility rate of about 1.33.
export const DEFAULT_FERTILITY_15_49 = [0.0022, 0.025, 0.074, 0.095, 0.056, 0.013, 0.0004];

export function totalFertilityRate(fertility: readonly number[]): number {
  return fertility.reduce((sum, f) => sum + f, 0) * AGE_STEP;
}

// The same age pattern of births, scaled to another total fertility rate.
export function fertilityForTotal(total: number): number[] {
  const scale = total / totalFertilityRate(DEFAULT_FERTILITY_15_49);
  return expandFertility(DEFAULT_FERTILITY_15_49.map((f) => f * scale));
}

function expandFertility(rates15to49: readonly number[]): number[] {
  const all = new Array<number>(AGE_GROUP_COUNT).fill(0);
  rates15to49.forEach((f, i) => (all[FERTILE_FIRST_GROUP + i] = f));
  return all;
}

export function defaultParameters(): ProjectionParameters {
  const male = survivalFromLifeTable(LIFE_TABLE.male.lx, LIFE_TABLE.male.e90);
  const female = survivalFromLifeTable(LIFE_TABLE.female.lx, LIFE_TABLE.female.e90);
  return {
    survival: { male: male.survival, female: female.survival },
    birthSurvival: { male: male.birthSurvival, female: female.birthSurvival },
    fertility: expandFertility(DEFAULT_FERTILITY_15_49),
    sexRatioAtBirth: 1.05,
    migration: {
      male: new Array<number>(AGE_GROUP_COUNT).fill(0),
      female: new Array<number>(AGE_GROUP_COUNT).fill(0),
    },
  };
}

// Who settles: one household's members by age group and sex. Shimane's simulation counts
// settling households (定住組数); these are its usual kinds.
export enum HouseholdKind {
  YOUNG_COUPLE = 'YOUNG_COUPLE',
  FAMILY_WITH_CHILD = 'FAMILY_WITH_CHILD',
  RETIRED_COUPLE = 'RETIRED_COUPLE',
}

export function householdMembers(kind: HouseholdKind): PopulationBySex {
  const male = new Array<number>(AGE_GROUP_COUNT).fill(0);
  const female = new Array<number>(AGE_GROUP_COUNT).fill(0);
  switch (kind) {
    case HouseholdKind.YOUNG_COUPLE: // a couple in their twenties
      male[5] = 1;
      female[5] = 1;
      break;
    case HouseholdKind.FAMILY_WITH_CHILD: // a couple in their thirties and a child under five
      male[6] = 1;
      female[6] = 1;
      male[0] = 0.5;
      female[0] = 0.5;
      break;
    case HouseholdKind.RETIRED_COUPLE: // a couple in their early sixties
      male[12] = 1;
      female[12] = 1;
      break;
  }
  return { male, female };
}
