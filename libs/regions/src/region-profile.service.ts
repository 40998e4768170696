import { Injectable } from '@nestjs/common';
import { AppError, JapanGeography } from '@tsunagu/core';
import {
  Actor,
  Organization,
  OrganizationKind,
  PolicyService,
  remitAreaCoversSql,
} from '@tsunagu/identity';
import { DataSource } from 'typeorm';
import { parsePopulationCsv } from './population-csv';
import {
  AGE_GROUP_COUNT,
  AGE_STEP,
  defaultParameters,
  fertilityForTotal,
  FERTILE_FIRST_GROUP,
  FERTILE_LAST_GROUP,
  HouseholdKind,
  householdMembers,
  OPEN_AGE,
  PopulationBySex,
  ProjectionParameters,
  totalFertilityRate,
} from './population-model';
import { ProjectionPoint, SettlementTarget, solveSettlement } from './population-projection';
import { RegionProfile } from './region-profile.entity';
import {
  ImportRegionPopulationInput,
  PopulationProjectionInput,
  PopulationProjectionType,
  ProjectionPointType,
  RegionPopulationInput,
  RegionPopulationType,
  RegionProfileType,
  UpdateRegionProfileInput,
} from './region-profile.types';

@Injectable()
export class RegionProfileService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
  ) {}

  // Everyone may read a region's page; anything else is NOT_FOUND.
  async region(organizationId: string): Promise<Organization> {
    const region = await this.dataSource
      .getRepository(Organization)
      .findOneBy({ id: organizationId, kind: OrganizationKind.REGION });
    if (!region) throw AppError.notFound('Region', organizationId);
    return region;
  }

  async profile(organizationId: string): Promise<RegionProfileType> {
    const region = await this.region(organizationId);
    const row = await this.dataSource
      .getRepository(RegionProfile)
      .findOneBy({ organizationId: region.id });
    return toProfileType(region.id, row);
  }

  // The intermediaries whose remit covers the region's municipality: its supervisors.
  async supervisingIntermediaries(region: Organization): Promise<Organization[]> {
    if (!region.municipalityCode) return [];
    const prefectureCode =
      JapanGeography.get().municipality(region.municipalityCode)?.prefectureCode ?? null;
    return this.dataSource
      .getRepository(Organization)
      .createQueryBuilder('o')
      .where('o.kind = :kind', { kind: OrganizationKind.INTERMEDIARY })
      .andWhere(
        `EXISTS (SELECT 1 FROM remit_area r WHERE r.organization_id = o.id AND ${remitAreaCoversSql(
          'r',
          { prefectureCode: ':prefectureCode', municipalityCode: ':municipalityCode' },
        )})`,
        { prefectureCode, municipalityCode: region.municipalityCode },
      )
      .orderBy('o.name', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .getMany();
  }

  async updateProfile(actor: Actor, input: UpdateRegionProfileInput): Promise<RegionProfileType> {
    const region = await this.editable(actor, input.organizationId);
    const description = input.description?.trim() ? input.description.trim() : null;
    await this.dataSource.query(
      `INSERT INTO region_profile (organization_id, description) VALUES ($1, $2)
       ON CONFLICT (organization_id) DO UPDATE SET description = $2, updated_at = now()`,
      [region.id, description],
    );
    return this.profile(region.id);
  }

  async savePopulation(actor: Actor, input: RegionPopulationInput): Promise<RegionProfileType> {
    const region = await this.editable(actor, input.organizationId);
    await this.storePopulation(region.id, input.censusYear, {
      male: input.male,
      female: input.female,
    });
    return this.profile(region.id);
  }

  // All or nothing: every bad line is reported, and nothing is saved unless every line is good.
  async importPopulationCsv(
    actor: Actor,
    input: ImportRegionPopulationInput,
  ): Promise<RegionProfileType> {
    const region = await this.editable(actor, input.organizationId);
    const parsed = parsePopulationCsv(input.csv);
    if (!parsed.ok) {
      throw AppError.invalidFields(
        parsed.problems.map((p) => ({
          path: ['input', 'csv', String(p.line), p.code],
          message: p.message,
        })),
      );
    }
    await this.storePopulation(region.id, input.censusYear, parsed.population);
    return this.profile(region.id);
  }

  // Null when the region has not given its population yet.
  async projection(
    organizationId: string,
    input: PopulationProjectionInput = {},
  ): Promise<PopulationProjectionType | null> {
    const region = await this.region(organizationId);
    const row = await this.dataSource
      .getRepository(RegionProfile)
      .findOneBy({ organizationId: region.id });
    if (!row?.censusYear || !row.malePopulation || !row.femalePopulation) return null;
    const base = { male: row.malePopulation, female: row.femalePopulation };
    const parameters = parametersOf(input);
    const householdKind = input.household ?? HouseholdKind.FAMILY_WITH_CHILD;
    const household = householdMembers(householdKind);
    const settlements = [SettlementTarget.TOTAL, SettlementTarget.CHILDREN].map((target) =>
      solveSettlement(base, row.censusYear!, parameters, household, target),
    );
    const fertility = parameters.fertility.slice(FERTILE_FIRST_GROUP, FERTILE_LAST_GROUP + 1);
    return {
      baseYear: row.censusYear,
      parameters: {
        survivalMale: parameters.survival.male,
        survivalFemale: parameters.survival.female,
        fertility,
        totalFertilityRate: totalFertilityRate(fertility),
        sexRatioAtBirth: parameters.sexRatioAtBirth,
        netMigration: parameters.migration.male,
        defaults:
          input.totalFertilityRate == null &&
          input.fertility == null &&
          input.survivalMale == null &&
          input.survivalFemale == null &&
          input.sexRatioAtBirth == null &&
          input.netMigration == null,
      },
      household: householdKind,
      householdSize: [...household.male, ...household.female].reduce((s, v) => s + v, 0),
      baseline: settlements[0].baseline.map(toPointType),
      settlements: settlements.map((s) => ({
        target: s.target,
        householdsPerYear: s.householdsPerYear,
        peoplePerYear: s.peoplePerYear,
        withNewcomers: s.withNewcomers.map(toPointType),
      })),
    };
  }

  private async editable(actor: Actor, organizationId: string): Promise<Organization> {
    const region = await this.region(organizationId);
    this.policy.assert(this.policy.canEditRegionProfile(actor, region.id));
    return region;
  }

  private async storePopulation(
    organizationId: string,
    censusYear: number,
    population: PopulationBySex,
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO region_profile (organization_id, census_year, male_population,
              female_population, population_updated_at)
       VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (organization_id) DO UPDATE SET census_year = $2, male_population = $3,
              female_population = $4, population_updated_at = now(), updated_at = now()`,
      [organizationId, censusYear, population.male, population.female],
    );
  }
}

// The national defaults with the input's overrides; an explicit fertility schedule wins over a
// total fertility rate.
export function parametersOf(input: PopulationProjectionInput): ProjectionParameters {
  const p = defaultParameters();
  if (input.totalFertilityRate != null) p.fertility = fertilityForTotal(input.totalFertilityRate);
  if (input.fertility) {
    p.fertility = new Array<number>(AGE_GROUP_COUNT).fill(0);
    input.fertility.forEach((f, i) => (p.fertility[FERTILE_FIRST_GROUP + i] = f));
  }
  if (input.survivalMale) p.survival.male = [...input.survivalMale];
  if (input.survivalFemale) p.survival.female = [...input.survivalFemale];
  if (input.sexRatioAtBirth != null) p.sexRatioAtBirth = input.sexRatioAtBirth;
  if (input.netMigration)
    p.migration = { male: [...input.netMigration], female: [...input.netMigration] };
  return p;
}

function toPointType(p: ProjectionPoint): ProjectionPointType {
  return {
    year: p.year,
    total: p.total,
    children: p.children,
    working: p.working,
    elderly: p.elderly,
  };
}

function toProfileType(organizationId: string, row: RegionProfile | null): RegionProfileType {
  return {
    organizationId,
    description: row?.description ?? null,
    population: row ? toPopulationType(row) : null,
  };
}

function toPopulationType(row: RegionProfile): RegionPopulationType | null {
  if (!row.censusYear || !row.malePopulation || !row.femalePopulation) return null;
  const male = row.malePopulation;
  const female = row.femalePopulation;
  return {
    censusYear: row.censusYear,
    ageGroups: male.map((m, i) => ({
      fromAge: i * AGE_STEP,
      toAge: i * AGE_STEP >= OPEN_AGE ? null : i * AGE_STEP + AGE_STEP - 1,
      male: m,
      female: female[i],
    })),
    total: [...male, ...female].reduce((s, v) => s + v, 0),
    updatedAt: row.populationUpdatedAt ?? row.updatedAt,
  };
}
