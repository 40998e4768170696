import { Injectable } from '@nestjs/common';
import { AppError, JapanGeography, ConflictReason } from '@tsunagu/core';
import {
  Actor,
  Organization,
  OrganizationKind,
  OrganizationService,
  PolicyService,
  remitCodesOf,
  remitCovers,
} from '@tsunagu/identity';
import { SkillService, ThemeService } from '@tsunagu/taxonomy';
import { DataSource, EntityManager, In } from 'typeorm';
import { coveringIntermediariesSql } from './covering-intermediaries';
import { notTakingApplications } from './project-eligibility';
import { ProjectAuditService } from './project-audit.service';
import { ProjectReaders } from './project-readers';
import { ProjectAuditAction } from './project-audit-entry.entity';
import { ProjectSkill } from './project-skill.entity';
import { Project, ProjectStatus } from './project.entity';
import type { CreateProjectInput, ProjectChangesInput, RequiredSkillInput } from './project.types';
import { Program } from './program.entity';

// Columns a region may set directly from the input (the rest need checks or lookups).
const PLAIN_FIELDS = [
  'title',
  'description',
  'themeCode',
  'mode',
  'startDate',
  'endDate',
  'seasonMonths',
  'hoursPerWeek',
  'teamSize',
  'capacity',
  'eligibleKinds',
  'languages',
  'attachments',
  'programId',
] as const;

// The only details null may clear. GraphQL lets every optional input be null, but the other
// columns are NOT NULL: a null there would otherwise reach the database and fail as a 500.
// Projects that have ended, which the people who took part still read (project-readers.ts).
const ENDED: ReadonlySet<ProjectStatus> = new Set([ProjectStatus.CLOSED, ProjectStatus.ARCHIVED]);
const CLEARABLE_FIELDS: ReadonlySet<string> = new Set(['endDate', 'hoursPerWeek', 'programId']);

// jsonb hands objects back with its own key order ({"url", "title"}), so values are compared
// with sorted keys; otherwise unchanged attachments would count as an edit.
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

@Injectable()
export class ProjectService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly organizations: OrganizationService,
    private readonly themes: ThemeService,
    private readonly skills: SkillService,
    private readonly audit: ProjectAuditService,
    private readonly readers: ProjectReaders,
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
    const draft = this.dataSource.getRepository(Project).create({
      regionOrganizationId: region.id,
      municipalityCode,
      prefectureCode: municipalityCode.slice(0, 2),
      createdById: actor.userId,
      status: ProjectStatus.DRAFT,
      ...this.cleanDetails(input),
    });
    await this.validate(draft, region, input.requiredSkills ?? [], ['input']);
    const id = await this.dataSource.transaction(async (m) => {
      const saved = await m.getRepository(Project).save(draft);
      await this.replaceSkills(m, saved.id, input.requiredSkills ?? []);
      await this.audit.record(m, {
        projectId: saved.id,
        actorId: actor.userId,
        action: ProjectAuditAction.CREATED,
        toStatus: ProjectStatus.DRAFT,
      });
      return saved.id;
    });
    return this.load(id);
  }

  // Regions edit their drafts; every changed field is recorded with its old and new value.
  async update(actor: Actor, projectId: string, changes: ProjectChangesInput): Promise<Project> {
    return this.dataSource.transaction(async (m) => {
      const project = await this.lockForUpdate(m, projectId);
      this.policy.assert(
        this.policy.canEditProject(actor, project),
        'Only the region edits its projects',
      );
      if (project.status !== ProjectStatus.DRAFT) {
        throw AppError.conflict(
          ConflictReason.WRONG_STATUS,
          `Only drafts can be edited; this project is ${project.status}`,
        );
      }
      const region = await m
        .getRepository(Organization)
        .findOneByOrFail({ id: project.regionOrganizationId });
      const before = { ...project };
      Object.assign(project, this.cleanDetails(changes, ['input', 'changes']));
      if (changes.municipalityCode !== undefined) {
        project.municipalityCode = changes.municipalityCode;
        project.prefectureCode = changes.municipalityCode.slice(0, 2);
      }
      const skills = changes.requiredSkills;
      await this.validate(project, region, skills ?? [], ['input', 'changes'], m);
      // A project sent back to DRAFT keeps its engagements: edits must still fit them.
      await this.assertFitsEngagements(m, before, project, ['input', 'changes']);
      const diff: Record<string, { from: unknown; to: unknown }> = {};
      for (const field of [...PLAIN_FIELDS, 'municipalityCode'] as const) {
        if (canonical(before[field]) !== canonical(project[field])) {
          diff[field] = { from: before[field], to: project[field] };
        }
      }
      if (skills !== undefined) {
        const previous = await m.getRepository(ProjectSkill).findBy({ projectId });
        const shape = (list: RequiredSkillInput[]) =>
          list.map((s) => `${s.skillId}:${s.requirement}:${s.minLevel}:${s.weight}`).sort();
        if (JSON.stringify(shape(previous)) !== JSON.stringify(shape(skills))) {
          diff.requiredSkills = { from: shape(previous), to: shape(skills) };
          await this.replaceSkills(m, projectId, skills);
        }
      }
      if (Object.keys(diff).length === 0) return this.load(projectId, m);
      await m.getRepository(Project).save(project);
      await this.audit.record(m, {
        projectId,
        actorId: actor.userId,
        action: ProjectAuditAction.UPDATED,
        changes: diff,
      });
      return this.load(projectId, m);
    });
  }

  // Published projects are public. The others are read by their region and supervising
  // intermediaries, and ended ones also by everyone whose own pages link to them
  // (project-readers.ts says who and why); for anyone else they do not exist.
  async get(actor: Actor | undefined, projectId: string): Promise<Project> {
    const project = await this.visible(actor, projectId);
    if (!project) throw AppError.notFound('Project', projectId);
    return project;
  }

  // The project if the actor may read it (the rule above); null otherwise. Reading only: acting
  // on a project (applying, interest, scouting) asks getPublished.
  async visible(actor: Actor | undefined, projectId: string): Promise<Project | null> {
    const project = await this.dataSource.getRepository(Project).findOneBy({ id: projectId });
    if (!project) return null;
    if (project.status === ProjectStatus.PUBLISHED) return project;
    if (!actor) return null;
    if (this.policy.canSupervise(actor, project)) return project;
    if (!ENDED.has(project.status)) return null;
    return (await this.readers.reads(actor, project.id)) ? project : null;
  }

  // The project for a participant to act on: must exist, be published and not paused.
  async getPublished(projectId: string): Promise<Project> {
    const project = await this.dataSource.getRepository(Project).findOneBy({ id: projectId });
    if (!project || project.status !== ProjectStatus.PUBLISHED) {
      throw AppError.notFound('Published project', projectId);
    }
    const refusal = notTakingApplications(project);
    if (refusal) throw AppError.conflict(ConflictReason.NOT_TAKING_APPLICATIONS, refusal);
    return project;
  }

  async load(
    projectId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Project> {
    const project = await manager.getRepository(Project).findOneBy({ id: projectId });
    if (!project) throw AppError.notFound('Project', projectId);
    return project;
  }

  // Row lock: concurrent edits and transitions of one project happen one after the other. FOR NO
  // KEY UPDATE, not FOR UPDATE: rows that merely reference the project (recommendations, alerts,
  // applications) take a key-share lock for their foreign key, and must not wait on this one —
  // the worker storing a participant's recommendations while an acceptance holds the project
  // would otherwise deadlock with that acceptance bumping the participant's revision.
  async lockForUpdate(manager: EntityManager, projectId: string): Promise<Project> {
    const project = await manager
      .getRepository(Project)
      .createQueryBuilder('p')
      .setLock('for_no_key_update')
      .where('p.id = :projectId', { projectId })
      .getOne();
    if (!project) throw AppError.notFound('Project', projectId);
    return project;
  }

  // Seats held by engagements (accepted, approved, active, completed): one definition, in the
  // database (project_seats_held), which its triggers also enforce.
  async seatsHeld(manager: EntityManager, projectId: string): Promise<number> {
    const [row] = await manager.query<Array<{ n: number }>>('SELECT project_seats_held($1) AS n', [
      projectId,
    ]);
    return row.n;
  }

  // Capacity never below the seats held; the period still covers every engagement that started.
  private async assertFitsEngagements(
    m: EntityManager,
    before: Project,
    after: Project,
    root: string[],
  ): Promise<void> {
    if (after.capacity < before.capacity) {
      const held = await this.seatsHeld(m, after.id);
      if (after.capacity < held) {
        throw AppError.conflictField(
          ConflictReason.CAPACITY_BELOW_SEATS_HELD,
          [...root, 'capacity'],
          `must be at least the ${held} seats already held`,
        );
      }
    }
    if (after.startDate === before.startDate && after.endDate === before.endDate) return;
    const [started] = await m.query<Array<{ first: string | null; last: string | null }>>(
      `SELECT min(terms->>'startDate') AS first, max(terms->>'startDate') AS last
         FROM engagement WHERE project_id = $1 AND status IN ('ACTIVE', 'COMPLETED')`,
      [after.id],
    );
    if (started.first && after.startDate > started.first) {
      throw AppError.conflictField(
        ConflictReason.PERIOD_EXCLUDES_ENGAGEMENTS,
        [...root, 'startDate'],
        `must not be after ${started.first}, when an engagement already started`,
      );
    }
    if (started.last && after.endDate && after.endDate < started.last) {
      throw AppError.conflictField(
        ConflictReason.PERIOD_EXCLUDES_ENGAGEMENTS,
        [...root, 'endDate'],
        `must not be before ${started.last}, when an engagement already started`,
      );
    }
  }

  // Batch loaders' back ends: one query for any number of projects.

  // The intermediaries supervising each of many projects (those whose remit covers its place),
  // in one query: pairs of project id and organisation id, by organisation name.
  async supervisorsOf(
    projectIds: readonly string[],
  ): Promise<Array<{ projectId: string; organizationId: string }>> {
    if (projectIds.length === 0) return [];
    const rows: Array<{ project_id: string; organization_id: string }> =
      await this.dataSource.query(
        `SELECT proj.id AS project_id, o.id AS organization_id
           FROM project proj
           JOIN organization o ON o.id IN (${coveringIntermediariesSql('proj.id')})
          WHERE proj.id = ANY($1::uuid[])
          ORDER BY o.name, o.id`,
        [[...new Set(projectIds)]],
      );
    return rows.map((r) => ({ projectId: r.project_id, organizationId: r.organization_id }));
  }

  async requiredSkillsFor(projectIds: readonly string[]): Promise<ProjectSkill[]> {
    if (projectIds.length === 0) return [];
    return this.dataSource
      .getRepository(ProjectSkill)
      .createQueryBuilder('ps')
      .innerJoinAndSelect('ps.skill', 'skill')
      .where({ projectId: In([...new Set(projectIds)]) })
      .orderBy('ps.requirement', 'ASC')
      .addOrderBy('ps.weight', 'DESC')
      .addOrderBy('skill.code', 'ASC')
      .getMany();
  }

  // On create (no `editRoot`) null means "the default" for a field that cannot be empty; on an
  // edit it would erase a required value, so it is rejected with the field's path.
  private cleanDetails(input: ProjectChangesInput, editRoot?: string[]): Partial<Project> {
    const out: Partial<Project> = {};
    if (editRoot) {
      for (const field of [...PLAIN_FIELDS, 'municipalityCode', 'requiredSkills'] as const) {
        if (input[field] === null && !CLEARABLE_FIELDS.has(field))
          throw AppError.invalidField([...editRoot, field], 'cannot be cleared');
      }
    }
    for (const field of PLAIN_FIELDS) {
      const value = input[field];
      if (value === undefined || (value === null && !CLEARABLE_FIELDS.has(field))) continue;
      (out as Record<string, unknown>)[field] = value;
    }
    if (typeof out.title === 'string') out.title = out.title.trim();
    if (typeof out.description === 'string') out.description = out.description.trim();
    if (input.attachments)
      out.attachments = input.attachments.map((a) => ({ title: a.title.trim(), url: a.url }));
    return out;
  }

  // Rules that involve more than one field or a lookup. Paths are rooted at `root`.
  private async validate(
    project: Project,
    region: Organization,
    skills: RequiredSkillInput[],
    root: string[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const at = (...path: string[]) => [...root, ...path];
    // Lengths and ranges are the input's (CreateProjectInput, on trimmed text); the rules here
    // need the region, the stored project or the taxonomy.
    const municipality = JapanGeography.get().municipality(project.municipalityCode);
    if (!municipality) {
      throw AppError.invalidField(
        at('municipalityCode'),
        `unknown municipality code ${project.municipalityCode}`,
      );
    }
    if (project.municipalityCode !== region.municipalityCode) {
      throw AppError.invalidField(
        at('municipalityCode'),
        `must be the region organisation's municipality (${region.municipalityCode})`,
      );
    }
    if (project.endDate && project.endDate < project.startDate) {
      throw AppError.invalidField(at('endDate'), 'must not be before startDate');
    }
    if (project.teamSize > project.capacity) {
      throw AppError.invalidField(
        at('capacity'),
        `must be at least the team size (${project.teamSize})`,
      );
    }
    await this.themes.assertKnown([project.themeCode], () => at('themeCode'), m);
    const seen = new Set<string>();
    skills.forEach((skill, i) => {
      if (seen.has(skill.skillId)) {
        throw AppError.invalidField(at('requiredSkills', String(i), 'skillId'), 'is listed twice');
      }
      seen.add(skill.skillId);
    });
    await this.skills.assertKnown(
      skills.map((s) => s.skillId),
      (i) => at('requiredSkills', String(i), 'skillId'),
      m,
    );
    if (project.programId)
      await this.assertProgramCovers(
        m,
        project.programId,
        project.municipalityCode,
        at('programId'),
      );
  }

  // A project joins a program of an intermediary whose remit covers its municipality.
  private async assertProgramCovers(
    m: EntityManager,
    programId: string,
    municipalityCode: string,
    path: string[],
  ): Promise<void> {
    const program = await m.getRepository(Program).findOneBy({ id: programId });
    if (!program) throw AppError.invalidField(path, 'is not a program');
    const areas = await this.organizations.remitOf(program.intermediaryOrganizationId, m);
    const covered = remitCovers(remitCodesOf(areas), municipalityCode);
    if (!covered)
      throw AppError.invalidField(
        path,
        "belongs to an intermediary that does not cover this project's place",
      );
  }

  private async replaceSkills(
    manager: EntityManager,
    projectId: string,
    skills: RequiredSkillInput[],
  ): Promise<void> {
    await manager.delete(ProjectSkill, { projectId });
    if (skills.length === 0) return;
    await manager.insert(
      ProjectSkill,
      skills.map((s) => ({
        projectId,
        skillId: s.skillId,
        requirement: s.requirement,
        minLevel: s.minLevel,
        weight: s.weight,
      })),
    );
  }
}
