import {
  AGE_STEP,
  PopulationBySex,
  PROJECTION_STEPS,
  ProjectionParameters,
  SEXES,
} from './population-model';

// Cohort-component projection: every 5 years each age group survives into the next (migration
// applied to the survivors), newcomers arrive, and births of the period (women's exposure taken
// as the mean of the start and the end of the period) form the new 0–4 group. Every operation is
// linear in the population, so a projection with newcomers is the one without plus the number of
// newcomers times the projection of one newcomer a year from nothing: the settlement simulation
// solves for that number in closed form.

export interface ProjectionPoint {
  year: number;
  population: PopulationBySex;
  total: number;
  children: number; // 0–14
  working: number; // 15–64
  elderly: number; // 65 and over
}

function zeros(n: number): number[] {
  return new Array<number>(n).fill(0);
}

function sum(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0);
}

function point(year: number, population: PopulationBySex): ProjectionPoint {
  const both = population.male.map((m, i) => m + population.female[i]);
  const children = sum(both.slice(0, 3));
  const elderly = sum(both.slice(13));
  const total = sum(both);
  return { year, population, total, children, working: total - children - elderly, elderly };
}

// One 5-year step; `arrivals` is added to the survivors (people per group, for the whole step).
export function stepPopulation(
  start: PopulationBySex,
  parameters: ProjectionParameters,
  arrivals?: PopulationBySex,
): PopulationBySex {
  const groups = start.male.length;
  const next: PopulationBySex = { male: zeros(groups), female: zeros(groups) };
  for (const sex of SEXES) {
    const from = start[sex];
    const survival = parameters.survival[sex];
    for (let i = 1; i < groups; i++) {
      let survivors = from[i - 1] * survival[i - 1];
      // The open group keeps its own survivors, at the same ratio as the group entering it.
      if (i === groups - 1) survivors += from[i] * survival[i - 1];
      next[sex][i] = survivors * (1 + parameters.migration[sex][i]) + (arrivals?.[sex][i] ?? 0);
    }
  }
  const womenYears = start.female.map((w, i) => (AGE_STEP * (w + next.female[i])) / 2);
  const births = sum(womenYears.map((years, i) => years * parameters.fertility[i]));
  const boys = births * (parameters.sexRatioAtBirth / (1 + parameters.sexRatioAtBirth));
  for (const sex of SEXES) {
    const born = sex === 'male' ? boys : births - boys;
    next[sex][0] =
      born * parameters.birthSurvival[sex] * (1 + parameters.migration[sex][0]) +
      (arrivals?.[sex][0] ?? 0);
  }
  return next;
}

function scaled(population: PopulationBySex, factor: number): PopulationBySex {
  return {
    male: population.male.map((v) => v * factor),
    female: population.female.map((v) => v * factor),
  };
}

// The base year and every 5 years after it for `steps` steps; `perYear` arrive every year.
export function projectPopulation(
  base: PopulationBySex,
  baseYear: number,
  parameters: ProjectionParameters,
  perYear?: PopulationBySex,
  steps = PROJECTION_STEPS,
): ProjectionPoint[] {
  const arrivals = perYear ? scaled(perYear, AGE_STEP) : undefined;
  const points = [point(baseYear, base)];
  let current = base;
  for (let s = 1; s <= steps; s++) {
    current = stepPopulation(current, parameters, arrivals);
    points.push(point(baseYear + s * AGE_STEP, current));
  }
  return points;
}

export enum SettlementTarget {
  TOTAL = 'TOTAL', // the whole population
  CHILDREN = 'CHILDREN', // children 0–14
}

export interface SettlementResult {
  target: SettlementTarget;
  // Households a year that bring the target at the horizon back to its base-year level; zero when
  // the population reaches it without anyone (it grows), null when newcomers cannot change it.
  householdsPerYear: number | null;
  peoplePerYear: number | null;
  baseline: ProjectionPoint[];
  withNewcomers: ProjectionPoint[];
}

function measure(p: ProjectionPoint, target: SettlementTarget): number {
  return target === SettlementTarget.TOTAL ? p.total : p.children;
}

// How many households of the given make-up must settle every year so that, 30 years on, the
// target is what it is in the base year. Linear: target(N) = baseline + N × effect of one
// household a year, so N = (base − baseline) / effect.
export function solveSettlement(
  base: PopulationBySex,
  baseYear: number,
  parameters: ProjectionParameters,
  household: PopulationBySex,
  target: SettlementTarget,
  steps = PROJECTION_STEPS,
): SettlementResult {
  const baseline = projectPopulation(base, baseYear, parameters, undefined, steps);
  const empty = { male: zeros(base.male.length), female: zeros(base.female.length) };
  const one = projectPopulation(empty, baseYear, parameters, household, steps);
  const goal = measure(baseline[0], target);
  const without = measure(baseline[steps], target);
  const effect = measure(one[steps], target);
  let households: number | null;
  if (without >= goal) households = 0;
  else if (effect <= 0) households = null;
  else households = (goal - without) / effect;
  const members = sum(household.male) + sum(household.female);
  return {
    target,
    householdsPerYear: households,
    peoplePerYear: households === null ? null : households * members,
    baseline,
    withNewcomers:
      households === null
        ? baseline
        : projectPopulation(base, baseYear, parameters, scaled(household, households), steps),
  };
}
