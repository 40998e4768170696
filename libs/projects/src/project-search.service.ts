import { Injectable } from '@nestjs/common';
import {
  AppError,
  byId,
  byInteger,
  byTimestamp,
  Connection,
  containsPattern,
  Page,
  paginateKeyset,
} from '@tsunagu/core';
import { Actor, Organization, OrganizationKind, PolicyService } from '@tsunagu/identity';
import { Brackets, DataSource, SelectQueryBuilder } from 'typeorm';
import { ProjectSkill } from './project-skill.entity';
import { Project, ProjectStatus } from './project.entity';
import { searchTerms, widthVariants } from './project-search';
import { ProjectFilter, ProjectSort } from './project.types';

// The text the trigram index covers (see the migration AddProjectSearchIndex); queries must use
// exactly this expression for PostgreSQL to use the index.
const PROJECT_SEARCH_TEXT = `(p.title || ' ' || p.description)`;

@Injectable()
export class ProjectSearchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
  ) {}

  // Published projects matching every given filter. NEWEST sorts by publication; RELEVANCE ranks
  // title matches above description matches, then by publication.
  search(filter: ProjectFilter, sort: ProjectSort, page: Page): Promise<Connection<Project>> {
    const qb = this.dataSource
      .getRepository(Project)
      .createQueryBuilder('p')
      .where('p.status = :published', { published: ProjectStatus.PUBLISHED })
      .andWhere('p.pausedAt IS NULL');
    const terms = filter.text ? searchTerms(filter.text) : [];
    // null (a client's unset variable) is no filter, as for every other field.
    if (filter.text != null && terms.length === 0) {
      throw AppError.invalidField(['filter', 'text'], 'must contain a word to search for');
    }
    // Each term in any of its widths: `matches(expr, i)` is the condition for term i.
    const variants = terms.map(widthVariants);
    const matches = (expression: string, i: number) =>
      `(${variants[i].map((_, j) => `${expression} ILIKE :term${i}_${j}`).join(' OR ')})`;
    variants.forEach((forms, i) => {
      const params: Record<string, string> = {};
      forms.forEach((form, j) => (params[`term${i}_${j}`] = containsPattern(form)));
      qb.andWhere(matches(PROJECT_SEARCH_TEXT, i), params);
    });
    this.applyFilters(qb, filter);
    if (sort === ProjectSort.RELEVANCE) {
      if (terms.length === 0) throw AppError.invalidField(['sort'], 'RELEVANCE needs filter.text');
      const titleHits = terms
        .map((_, i) => `(CASE WHEN ${matches('p.title', i)} THEN 1 ELSE 0 END)`)
        .join(' + ');
      return paginateKeyset(qb, {
        ...page,
        keys: [byInteger(`(${titleHits})`), byTimestamp('p.publishedAt'), byId('p.id')],
      });
    }
    return paginateKeyset(qb, { ...page, keys: [byTimestamp('p.publishedAt'), byId('p.id')] });
  }

  // Every project (drafts included) of a region organisation, for its staff and supervisors.
  async forOrganization(
    actor: Actor,
    organizationId: string,
    page: Page,
  ): Promise<Connection<Project>> {
    const org = await this.dataSource.getRepository(Organization).findOneBy({ id: organizationId });
    if (!org || org.kind !== OrganizationKind.REGION)
      throw AppError.notFound('Region organisation', organizationId);
    this.policy.assert(
      this.policy.canSupervise(actor, {
        regionOrganizationId: org.id,
        municipalityCode: org.municipalityCode!,
      }),
    );
    const qb = this.dataSource
      .getRepository(Project)
      .createQueryBuilder('p')
      .where('p.regionOrganizationId = :organizationId', { organizationId });
    return paginateKeyset(qb, { ...page, keys: [byTimestamp('p.createdAt'), byId('p.id')] });
  }

  // A region's projects anyone may see on its public page: open ones (not paused) first, then
  // closed ones, newest publication first; at most `limit`.
  publicOfRegion(organizationId: string, limit = 50): Promise<Project[]> {
    return this.dataSource
      .getRepository(Project)
      .createQueryBuilder('p')
      .where('p.regionOrganizationId = :organizationId', { organizationId })
      .andWhere(
        new Brackets((w) =>
          w
            .where('p.status = :published AND p.pausedAt IS NULL', {
              published: ProjectStatus.PUBLISHED,
            })
            .orWhere('p.status = :closed', { closed: ProjectStatus.CLOSED }),
        ),
      )
      .orderBy(`CASE WHEN p.status = :published THEN 0 ELSE 1 END`)
      .addOrderBy('p.publishedAt', 'DESC', 'NULLS LAST')
      .addOrderBy('p.id', 'ASC')
      .take(limit)
      .getMany();
  }

  private applyFilters(qb: SelectQueryBuilder<Project>, filter: ProjectFilter): void {
    if (filter.themeCodes?.length)
      qb.andWhere('p.themeCode IN (:...themeCodes)', { themeCodes: filter.themeCodes });
    if (filter.prefectureCode)
      qb.andWhere('p.prefectureCode = :prefectureCode', { prefectureCode: filter.prefectureCode });
    if (filter.municipalityCode) {
      qb.andWhere('p.municipalityCode = :municipalityCode', {
        municipalityCode: filter.municipalityCode,
      });
    }
    if (filter.modes?.length) qb.andWhere('p.mode IN (:...modes)', { modes: filter.modes });
    if (filter.programId) qb.andWhere('p.programId = :programId', { programId: filter.programId });
    if (filter.maxHoursPerWeek != null) {
      qb.andWhere('p.hoursPerWeek <= :maxHours', { maxHours: filter.maxHoursPerWeek });
    }
    // An empty eligibility list means everyone is welcome.
    if (filter.eligibleFor) {
      qb.andWhere(
        new Brackets((w) =>
          w
            .where(`cardinality(p.eligibleKinds) = 0`)
            .orWhere(`:eligibleFor = ANY(p.eligibleKinds)`, { eligibleFor: filter.eligibleFor }),
        ),
      );
    }
    // Period overlap: the project runs on at least one day of [activeFrom, activeTo] (in order:
    // ProjectFilter).
    if (filter.activeTo) qb.andWhere('p.startDate <= :activeTo', { activeTo: filter.activeTo });
    if (filter.activeFrom) {
      qb.andWhere('(p.endDate IS NULL OR p.endDate >= :activeFrom)', {
        activeFrom: filter.activeFrom,
      });
    }
    if (filter.skillIds?.length) {
      const sub = qb
        .subQuery()
        .select('1')
        .from(ProjectSkill, 'ps')
        .where('ps.project_id = p.id')
        .andWhere('ps.skill_id IN (:...skillIds)')
        .getQuery();
      qb.andWhere(`EXISTS ${sub}`, { skillIds: filter.skillIds });
    }
  }
}
