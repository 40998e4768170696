import {
  AGE_GROUP_COUNT,
  defaultParameters,
  fertilityForTotal,
  HouseholdKind,
  householdMembers,
  ProjectionParameters,
  totalFertilityRate,
} from './population-model';
import {
  projectPopulation,
  SettlementTarget,
  solveSettlement,
  stepPopulation,
} from './population-projection';

// Three groups (0–4, 5–9, 10+), worked by hand: survival 0.9 then 0.8, 0.1 births per woman of
// 5–9 a year, as many boys as girls, every baby survives to 0–4.
const toy: ProjectionParameters = {
  survival: { male: [0.9, 0.8], female: [0.9, 0.8] },
  birthSurvival: { male: 1, female: 1 },
  fertility: [0, 0.1, 0],
  sexRatioAtBirth: 1,
  migration: { male: [0, 0, 0], female: [0, 0, 0] },
};
const toyBase = { male: [100, 100, 100], female: [100, 100, 100] };

function total(p: { male: number[]; female: number[] }): number {
  return [...p.male, ...p.female].reduce((s, v) => s + v, 0);
}

describe('cohort-component projection', () => {
  it('matches a hand-computed small case over two steps', () => {
    // Step 1: 5–9 = 100 × 0.9 = 90; 10+ = (100 + 100) × 0.8 = 160; women-years of 5–9 =
    // 5 × (100 + 90) / 2 = 475, births = 47.5, 23.75 of each sex.
    const first = stepPopulation(toyBase, toy);
    expect(first.male).toEqual([23.75, 90, 160]);
    expect(first.female).toEqual([23.75, 90, 160]);
    // Step 2: 5–9 = 23.75 × 0.9 = 21.375; 10+ = (90 + 160) × 0.8 = 200; women-years =
    // 5 × (90 + 21.375) / 2 = 278.4375, births = 27.84375, 13.921875 of each sex.
    const second = stepPopulation(first, toy);
    expect(second.male[0]).toBeCloseTo(13.921875, 9);
    expect(second.male[1]).toBeCloseTo(21.375, 9);
    expect(second.male[2]).toBeCloseTo(200, 9);
    expect(total(second)).toBeCloseTo(470.59375, 9);
  });

  it('solves the households a year that keep the total stable, by hand', () => {
    // One newcomer of each sex aged 5–9 a year, from nothing: step 1 gives 5 + 5 in 5–9 and
    // births 5 × (0 + 5) / 2 × 0.1 = 1.25 (total 11.25); step 2 gives 0.625 × 0.9 + 5 = 5.5625
    // in 5–9, 4 in 10+, births 5 × (5 + 5.5625) / 2 × 0.1 = 2.640625 (total 21.765625).
    // Needed: (600 − 470.59375) / 21.765625 = 5.9454… households a year.
    const household = { male: [0, 1, 0], female: [0, 1, 0] };
    const result = solveSettlement(toyBase, 2020, toy, household, SettlementTarget.TOTAL, 2);
    expect(result.householdsPerYear).toBeCloseTo(129.40625 / 21.765625, 9);
    expect(result.peoplePerYear).toBeCloseTo((2 * 129.40625) / 21.765625, 9);
    expect(result.baseline[2].year).toBe(2030);
    // Projected with that many newcomers, the total comes back to where it started.
    const male = result.withNewcomers[2].population.male;
    const female = result.withNewcomers[2].population.female;
    expect(total({ male, female })).toBeCloseTo(600, 6);
  });

  it('asks for no newcomers when the population grows on its own', () => {
    const fertile = { ...toy, fertility: [0, 2, 0] };
    const household = { male: [0, 1, 0], female: [0, 1, 0] };
    const result = solveSettlement(toyBase, 2020, fertile, household, SettlementTarget.TOTAL, 2);
    expect(result.householdsPerYear).toBe(0);
  });

  it('has national defaults that are plausible', () => {
    const p = defaultParameters();
    expect(p.survival.male).toHaveLength(AGE_GROUP_COUNT - 1);
    for (const s of [...p.survival.male, ...p.survival.female]) {
      expect(s).toBeGreaterThan(0.3);
      expect(s).toBeLessThan(1);
    }
    // Women outlive men at every age.
    p.survival.male.forEach((s, i) => expect(p.survival.female[i]).toBeGreaterThanOrEqual(s));
    expect(totalFertilityRate(p.fertility)).toBeCloseTo(1.33, 2);
    expect(totalFertilityRate(fertilityForTotal(2.07))).toBeCloseTo(2.07, 9);
  });

  it('keeps the children 0–14 stable with the solved number of families', () => {
    // An ageing town: few young people, many old.
    const male = [20, 25, 30, 30, 15, 15, 25, 30, 35, 40, 50, 60, 80, 90, 95, 90, 80, 60, 30];
    const female = male.map((m, i) => Math.round(m * (i > 12 ? 1.3 : 1)));
    const base = { male, female };
    const parameters = defaultParameters();
    const baseline = projectPopulation(base, 2020, parameters);
    expect(baseline).toHaveLength(7);
    expect(baseline[6].year).toBe(2050);
    expect(baseline[6].total).toBeLessThan(baseline[0].total);
    const family = householdMembers(HouseholdKind.FAMILY_WITH_CHILD);
    const result = solveSettlement(base, 2020, parameters, family, SettlementTarget.CHILDREN);
    expect(result.householdsPerYear).toBeGreaterThan(0);
    expect(result.withNewcomers[6].children).toBeCloseTo(baseline[0].children, 6);
    // A bisection on the same projection finds the same number.
    const childrenAt2050 = (n: number) =>
      projectPopulation(base, 2020, parameters, {
        male: family.male.map((v) => v * n),
        female: family.female.map((v) => v * n),
      })[6].children;
    let low = 0;
    let high = 1000;
    for (let i = 0; i < 100; i++) {
      const mid = (low + high) / 2;
      if (childrenAt2050(mid) < baseline[0].children) low = mid;
      else high = mid;
    }
    expect(result.householdsPerYear).toBeCloseTo(low, 6);
  });
});
