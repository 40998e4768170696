import { Injectable } from '@nestjs/common';
import { AppError, Connection, JapanGeography, paginateKeyset } from '@tsunagu/core';
import { Actor, Organization, OrganizationKind, PolicyService } from '@tsunagu/identity';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { Project, ProjectStatus } from './project.entity';
import type { CreateProjectInput, ProjectFilter } from './project.types';
import { Theme } from '@tsunagu/taxonomy';

@Injectable()
export class ProjectService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
  ) {}

  async create(actor: Actor, input: CreateProjectInput): Promise<Project> {
    const region = await this.dataSource
      .getRepository(Organization)
      .findOneBy({ id: input.regionOrganizationId });
    if (!region || region.kind !== OrganizationKind.REGION) {
      throw AppError.invalidField(
        ['input', 'regionOrganizationId'],
        'is not a region organisation',
      );
    }
    this.policy.assert(
      this.policy.canCreateProjectFor(actor, region.id),
      'Only staff of the region organisation create its projects',
    );
    const municipalityCode = input.municipalityCode ?? region.municipalityCode!;
    const municipality = JapanGeography.get().municipality(municipalityCode);
    if (!municipality) {
      throw AppError.invalidField(
        ['input', 'municipalityCode'],
        `unknown municipality code ${municipalityCode}`,
      );
    }
    if (municipalityCode !== region.municipalityCode) {
      throw AppError.invalidField(
        ['input', 'municipalityCode'],
        `must be the region organisation's municipality (${region.municipalityCode})`,
      );
    }
    if (input.endDate !== undefined && input.endDate < input.startDate) {
      throw AppError.invalidField(['input', 'endDate'], 'must not be before startDate');
    }
    const theme = await this.dataSource.getRepository(Theme).findOneBy({ code: input.themeCode });
    if (!theme)
      throw AppError.invalidField(['input', 'themeCode'], `unknown theme ${input.themeCode}`);
    const repo = this.dataSource.getRepository(Project);
    const saved = await repo.save(
      repo.create({
        regionOrganizationId: region.id,
        title: input.title.trim(),
        description: input.description.trim(),
        themeCode: theme.code,
        municipalityCode,
        prefectureCode: municipality.prefectureCode,
        mode: input.mode,
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        capacity: input.capacity,
        createdById: actor.userId,
      }),
    );
    return this.load(saved.id);
  }

  // Publishing is the intermediary's call, within its remit. The status change is a conditional
  // update, so two intermediaries publishing at once both succeed idempotently.
  async publish(actor: Actor, projectId: string): Promise<Project> {
    const project = await this.load(projectId);
    this.policy.assert(
      this.policy.canPublishProject(actor, project),
      'Only an intermediary whose remit covers this municipality publishes the project',
    );
    if (project.status === ProjectStatus.PUBLISHED) return project;
    await this.dataSource
      .createQueryBuilder()
      .update(Project)
      .set({
        status: ProjectStatus.PUBLISHED,
        publishedAt: () => 'now()',
        publishedById: actor.userId,
      })
      .where('id = :id AND status = :draft', { id: projectId, draft: ProjectStatus.DRAFT })
      .execute();
    return this.load(projectId);
  }

  // Published projects are public; drafts only for the region and supervising intermediaries.
  async get(actor: Actor | undefined, projectId: string): Promise<Project> {
    const project = await this.load(projectId);
    if (project.status !== ProjectStatus.PUBLISHED) {
      if (!actor || !this.policy.canSupervise(actor, project))
        throw AppError.notFound('Project', projectId);
    }
    return project;
  }

  // The project for a participant to act on: must exist and be published.
  async getPublished(projectId: string): Promise<Project> {
    const project = await this.dataSource.getRepository(Project).findOneBy({ id: projectId });
    if (!project || project.status !== ProjectStatus.PUBLISHED) {
      throw AppError.notFound('Published project', projectId);
    }
    return project;
  }

  listPublished(
    filter: ProjectFilter,
    page: { first: number; after?: string },
  ): Promise<Connection<Project>> {
    const qb = this.withRelations().where('p.status = :status', {
      status: ProjectStatus.PUBLISHED,
    });
    if (filter.themeCode) qb.andWhere('p.themeCode = :themeCode', { themeCode: filter.themeCode });
    if (filter.municipalityCode) {
      qb.andWhere('p.municipalityCode = :municipalityCode', {
        municipalityCode: filter.municipalityCode,
      });
    }
    if (filter.prefectureCode) {
      qb.andWhere('p.prefectureCode = :prefectureCode', { prefectureCode: filter.prefectureCode });
    }
    return paginateKeyset(qb, {
      ...page,
      sortExpression: 'p.publishedAt',
      idExpression: 'p.id',
      sortValue: (p) => p.publishedAt!,
      idValue: (p) => p.id,
    });
  }

  // Every project (drafts included) of a region organisation, for its staff and supervisors.
  async listForOrganization(
    actor: Actor,
    organizationId: string,
    page: { first: number; after?: string },
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
    const qb = this.withRelations().where('p.regionOrganizationId = :organizationId', {
      organizationId,
    });
    return paginateKeyset(qb, {
      ...page,
      sortExpression: 'p.createdAt',
      idExpression: 'p.id',
      sortValue: (p) => p.createdAt,
      idValue: (p) => p.id,
    });
  }

  private withRelations(): SelectQueryBuilder<Project> {
    return this.dataSource
      .getRepository(Project)
      .createQueryBuilder('p')
      .innerJoinAndSelect('p.theme', 'theme')
      .innerJoinAndSelect('p.regionOrganization', 'region');
  }

  private async load(projectId: string): Promise<Project> {
    const project = await this.withRelations().where('p.id = :projectId', { projectId }).getOne();
    if (!project) throw AppError.notFound('Project', projectId);
    return project;
  }
}
