import { Injectable } from '@nestjs/common';
import { AppError, FieldProblem, groupBy, ConflictReason } from '@tsunagu/core';
import { Actor, PolicyService, User } from '@tsunagu/identity';
import {
  ParticipantProfile,
  ParticipantProfileService,
  type ParticipantProfileView,
} from '@tsunagu/participants';
import { Program, Project, ProjectStatus } from '@tsunagu/projects';
import { MatchingFactsLoader } from '@tsunagu/scoring';
import { DataSource, EntityManager, In } from 'typeorm';
import { Allocation } from './allocation.entity';
import { type CohortLock, lockCohort } from './cohort-rows';
import { CohortMember } from './cohort-member.entity';
import { CohortProject } from './cohort-project.entity';
import { CohortRanking } from './cohort-ranking.entity';
import { cohortExclusion, EXCLUSION_MESSAGES } from './cohort-scoring';
import { Cohort, CohortStatus } from './cohort.entity';
import type { CohortProjectInput } from './cohort.types';

// A member as staff see them; `card` is null once their profile is no longer visible.
export interface ParticipantEntry {
  participantId: string;
  displayName: string;
  card: ParticipantProfileView | null;
}

export interface RankedProject {
  rank: number;
  project: Project;
}

// A cohort with what showing it to this actor needs. Members see the projects and their own
// ranking; the intermediary's staff also see every member, ranking and allocation.
export interface CohortView {
  cohort: Cohort & { program: Program };
  projects: Array<{ project: Project; capacity: number }>;
  members: Array<{ participant: ParticipantEntry; ranking: RankedProject[] }> | null;
  myRanking: RankedProject[];
  allocations: Allocation[] | null;
}

@Injectable()
export class CohortService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly facts: MatchingFactsLoader,
    private readonly profiles: ParticipantProfileService,
  ) {}

  // Staff of the program's intermediary create its cohorts.
  async create(actor: Actor, programId: string, name: string): Promise<CohortView> {
    // The name's length is checked already (CreateCohortInput, on the trimmed text).
    const trimmed = name.trim();
    const program = await this.dataSource.getRepository(Program).findOneBy({ id: programId });
    if (!program) throw AppError.invalidField(['input', 'programId'], 'is not a program');
    this.policy.assert(
      this.policy.canManageCohorts(actor, program.intermediaryOrganizationId),
      "Only the program's intermediary staff create its cohorts",
    );
    const inserted = await this.dataSource.getRepository(Cohort).insert({
      programId: program.id,
      intermediaryOrganizationId: program.intermediaryOrganizationId,
      name: trimmed,
      createdById: actor.userId,
    });
    return this.view(actor, (inserted.identifiers[0] as { id: string }).id);
  }

  // Published projects in the intermediary's remit and not in another program. Adding a project
  // again sets its capacity.
  async addProjects(
    actor: Actor,
    cohortId: string,
    inputs: CohortProjectInput[],
  ): Promise<CohortView> {
    await this.dataSource.transaction(async (m) => {
      const cohort = await this.staffCohort(m, actor, cohortId, 'share');
      assertOpen(cohort);
      const ids = inputs.map((p) => p.projectId);
      const projects = new Map(
        (await m.getRepository(Project).findBy({ id: In(ids) })).map((p) => [p.id, p]),
      );
      const problems: FieldProblem[] = [];
      const seen = new Set<string>();
      inputs.forEach((input, i) => {
        const at = (field: string) => ['input', 'projects', String(i), field];
        const project = projects.get(input.projectId);
        if (seen.has(input.projectId))
          problems.push({ path: at('projectId'), message: 'is listed twice' });
        else if (!project) problems.push({ path: at('projectId'), message: 'is not a project' });
        else if (!this.policy.canAddToCohort(actor, cohort.intermediaryOrganizationId, project)) {
          problems.push({
            path: at('projectId'),
            message: "is outside the remit of the cohort's intermediary",
          });
        } else if (project.status !== ProjectStatus.PUBLISHED) {
          problems.push({
            path: at('projectId'),
            message: `is ${project.status}: only published projects join a cohort`,
          });
        } else if (project.programId && project.programId !== cohort.programId) {
          problems.push({ path: at('projectId'), message: 'belongs to another program' });
        } else if ((input.capacity ?? project.capacity) > project.capacity) {
          problems.push({
            path: at('capacity'),
            message: `must be at most the project's capacity (${project.capacity})`,
          });
        }
        seen.add(input.projectId);
      });
      if (problems.length) throw AppError.invalidFields(problems);
      await m
        .createQueryBuilder()
        .insert()
        .into(CohortProject)
        .values(
          inputs.map((input) => ({
            cohortId,
            projectId: input.projectId,
            capacity: input.capacity ?? projects.get(input.projectId)!.capacity,
          })),
        )
        .orUpdate(['capacity'], ['cohort_id', 'project_id'])
        .execute();
    });
    return this.view(actor, cohortId);
  }

  // A cohort made in one go inside the caller's transaction (a matching seminar's attendees and
  // its presenting regions' projects): those the intermediary may not take are left out rather
  // than refused, since the caller did not pick them one by one. Returns the cohort's id.
  async seed(
    m: EntityManager,
    actor: Actor,
    input: { programId: string; name: string; participantIds: string[]; projectIds: string[] },
  ): Promise<string> {
    const program = await m.getRepository(Program).findOneBy({ id: input.programId });
    if (!program) throw AppError.invalidField(['input', 'programId'], 'is not a program');
    this.policy.assert(
      this.policy.canManageCohorts(actor, program.intermediaryOrganizationId),
      "Only the program's intermediary staff create its cohorts",
    );
    const inserted = await m.getRepository(Cohort).insert({
      programId: program.id,
      intermediaryOrganizationId: program.intermediaryOrganizationId,
      name: input.name.trim(),
      createdById: actor.userId,
    });
    const cohortId = (inserted.identifiers[0] as { id: string }).id;
    const profiles = input.participantIds.length
      ? await m.getRepository(ParticipantProfile).find({
          where: { userId: In(input.participantIds) },
          select: { userId: true, visibility: true },
        })
      : [];
    const members = profiles.filter((p) =>
      this.policy.canViewParticipantProfile(actor, p.visibility),
    );
    if (members.length) {
      await m.insert(
        CohortMember,
        members.map((p) => ({ cohortId, participantId: p.userId })),
      );
    }
    const projects = input.projectIds.length
      ? await m.getRepository(Project).findBy({ id: In(input.projectIds) })
      : [];
    const eligible = projects.filter(
      (p) =>
        p.status === ProjectStatus.PUBLISHED &&
        (!p.programId || p.programId === program.id) &&
        this.policy.canAddToCohort(actor, program.intermediaryOrganizationId, p),
    );
    if (eligible.length) {
      await m.insert(
        CohortProject,
        eligible.map((p) => ({ cohortId, projectId: p.id, capacity: p.capacity })),
      );
    }
    return cohortId;
  }

  // Participants whose profiles the intermediary may see (their consent to being matched by it).
  async addMembers(actor: Actor, cohortId: string, participantIds: string[]): Promise<CohortView> {
    await this.dataSource.transaction(async (m) => {
      const cohort = await this.staffCohort(m, actor, cohortId, 'share');
      assertOpen(cohort);
      const profiles = new Map(
        (
          await m.getRepository(ParticipantProfile).find({
            where: { userId: In(participantIds) },
            select: { userId: true, visibility: true },
          })
        ).map((p) => [p.userId, p]),
      );
      const problems: FieldProblem[] = [];
      participantIds.forEach((id, i) => {
        const profile = profiles.get(id);
        if (!profile || !this.policy.canViewParticipantProfile(actor, profile.visibility)) {
          problems.push({
            path: ['input', 'participantIds', String(i)],
            message: 'is not a participant whose profile you can see',
          });
        }
      });
      if (problems.length) throw AppError.invalidFields(problems);
      await m
        .createQueryBuilder()
        .insert()
        .into(CohortMember)
        .values([...new Set(participantIds)].map((participantId) => ({ cohortId, participantId })))
        .orIgnore()
        .execute();
    });
    return this.view(actor, cohortId);
  }

  // A member's full ranking, best first, replacing the previous one. Every project once, in the
  // cohort, still published, and a pair the matching engine allows: a pair it excludes could
  // never be scored, so it is refused here rather than failing the allocation later.
  async rank(actor: Actor, cohortId: string, projectIds: string[]): Promise<CohortView> {
    await this.dataSource.transaction(async (m) => {
      const cohort = await lockCohort(m, cohortId, 'share');
      // Concurrent rankings by the same member replace one another in turn.
      const member = await m
        .getRepository(CohortMember)
        .createQueryBuilder('cm')
        .setLock('pessimistic_write')
        .where('cm.cohortId = :cohortId AND cm.participantId = :userId', {
          cohortId,
          userId: actor.userId,
        })
        .getOne();
      if (!member) {
        if (!this.policy.canManageCohorts(actor, cohort.intermediaryOrganizationId))
          throw AppError.notFound('Cohort', cohortId);
        throw AppError.forbidden('Only members rank projects, each for themselves');
      }
      assertOpen(cohort);

      const inCohort = new Map(
        (
          await m
            .getRepository(CohortProject)
            .find({ where: { cohortId }, relations: { project: true } })
        ).map((cp) => [cp.projectId, cp.project!]),
      );
      const problems: FieldProblem[] = [];
      const at = (i: number) => ['input', 'projectIds', String(i)];
      const seen = new Set<string>();
      projectIds.forEach((id, i) => {
        const project = inCohort.get(id);
        if (seen.has(id)) {
          problems.push({
            path: at(i),
            message:
              'ranks the same project twice: ties are not allowed, give each project its own place',
          });
        } else if (!project) {
          problems.push({ path: at(i), message: 'is not a project of this cohort' });
        } else if (project.status !== ProjectStatus.PUBLISHED) {
          problems.push({
            path: at(i),
            message: `is ${project.status}: only published projects can be ranked`,
          });
        }
        seen.add(id);
      });
      if (problems.length) throw AppError.invalidFields(problems);

      if (projectIds.length) {
        const [participant] = await this.facts.participants([actor.userId], m);
        const projects = new Map(
          (await this.facts.publishedProjects(projectIds, m)).map((p) => [p.id, p]),
        );
        projectIds.forEach((id, i) => {
          const project = projects.get(id);
          const reason = participant && project ? cohortExclusion(participant, project) : null;
          if (reason) {
            problems.push({
              path: at(i),
              message: `you cannot join this project: ${EXCLUSION_MESSAGES[reason]}`,
            });
          }
        });
        if (problems.length) throw AppError.invalidFields(problems);
      }

      await m.delete(CohortRanking, { cohortId, participantId: actor.userId });
      if (projectIds.length) {
        await m.insert(
          CohortRanking,
          projectIds.map((projectId, i) => ({
            cohortId,
            participantId: actor.userId,
            projectId,
            rank: i + 1,
          })),
        );
      }
    });
    return this.view(actor, cohortId);
  }

  // For the intermediary's staff and the cohort's members; anyone else gets NOT_FOUND.
  async view(actor: Actor, cohortId: string): Promise<CohortView> {
    const cohort = await this.dataSource
      .getRepository(Cohort)
      .findOne({ where: { id: cohortId }, relations: { program: true } });
    if (!cohort) throw AppError.notFound('Cohort', cohortId);
    const staff = this.policy.canManageCohorts(actor, cohort.intermediaryOrganizationId);
    if (
      !staff &&
      !(await this.dataSource
        .getRepository(CohortMember)
        .existsBy({ cohortId, participantId: actor.userId }))
    ) {
      throw AppError.notFound('Cohort', cohortId);
    }
    return this.viewOf(actor, cohort as CohortView['cohort'], staff);
  }

  // The cohorts the actor is a member of, newest first.
  async mine(actor: Actor): Promise<CohortView[]> {
    const cohorts = await this.dataSource
      .getRepository(Cohort)
      .createQueryBuilder('c')
      .innerJoinAndSelect('c.program', 'program')
      .innerJoin(CohortMember, 'cm', 'cm.cohortId = c.id AND cm.participantId = :userId', {
        userId: actor.userId,
      })
      .orderBy('c.createdAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .getMany();
    const views: CohortView[] = [];
    for (const cohort of cohorts)
      views.push(await this.viewOf(actor, cohort as CohortView['cohort'], false));
    return views;
  }

  // A program's cohorts, newest first, for its intermediary's staff.
  async forProgram(actor: Actor, programId: string): Promise<CohortView[]> {
    const program = await this.dataSource.getRepository(Program).findOneBy({ id: programId });
    if (!program) throw AppError.notFound('Program', programId);
    this.policy.assert(
      this.policy.canManageCohorts(actor, program.intermediaryOrganizationId),
      "Only the program's intermediary staff see its cohorts",
    );
    const cohorts = await this.dataSource
      .getRepository(Cohort)
      .find({ where: { programId }, order: { createdAt: 'DESC', id: 'DESC' } });
    const views: CohortView[] = [];
    for (const cohort of cohorts)
      views.push(await this.viewOf(actor, Object.assign(cohort, { program }), true));
    return views;
  }

  // The cohort for a staff operation, optionally row-locked. Members learn they may not act;
  // anyone else does not learn that the cohort exists.
  async staffCohort(
    m: EntityManager,
    actor: Actor,
    cohortId: string,
    lock?: CohortLock,
  ): Promise<Cohort> {
    const cohort = await lockCohort(m, cohortId, lock);
    if (!this.policy.canManageCohorts(actor, cohort.intermediaryOrganizationId)) {
      if (await m.getRepository(CohortMember).existsBy({ cohortId, participantId: actor.userId }))
        throw AppError.forbidden("Only the intermediary's staff manage a cohort");
      throw AppError.notFound('Cohort', cohortId);
    }
    return cohort;
  }

  // Display names for everyone, cards for the profiles the actor may still see.
  async participantEntries(
    actor: Actor,
    participantIds: readonly string[],
  ): Promise<Map<string, ParticipantEntry>> {
    const ids = [...new Set(participantIds)];
    if (ids.length === 0) return new Map();
    const [users, cards] = await Promise.all([
      this.dataSource
        .getRepository(User)
        .find({ where: { id: In(ids) }, select: { id: true, displayName: true } }),
      this.profiles.visibleViews(actor, ids),
    ]);
    const cardOf = new Map(cards.map((c) => [c.profile.userId, c]));
    return new Map(
      users.map((u) => [
        u.id,
        { participantId: u.id, displayName: u.displayName, card: cardOf.get(u.id) ?? null },
      ]),
    );
  }

  private async viewOf(
    actor: Actor,
    cohort: CohortView['cohort'],
    staff: boolean,
  ): Promise<CohortView> {
    const cohortId = cohort.id;
    const [cohortProjects, rankings, members, allocations] = await Promise.all([
      this.dataSource.getRepository(CohortProject).find({
        where: { cohortId },
        relations: { project: true },
        order: { addedAt: 'ASC', projectId: 'ASC' },
      }),
      this.dataSource.getRepository(CohortRanking).find({
        where: staff ? { cohortId } : { cohortId, participantId: actor.userId },
        order: { participantId: 'ASC', rank: 'ASC' },
      }),
      staff
        ? this.dataSource
            .getRepository(CohortMember)
            .find({ where: { cohortId }, order: { addedAt: 'ASC', participantId: 'ASC' } })
        : Promise.resolve(null),
      staff
        ? this.dataSource.getRepository(Allocation).find({
            where: { cohortId },
            // The stored snapshot and teams are left for the allocation query.
            select: {
              id: true,
              cohortId: true,
              mode: true,
              status: true,
              totalScore: true,
              blockingPairCount: true,
              createdAt: true,
            },
            order: { createdAt: 'DESC', id: 'DESC' },
          })
        : Promise.resolve(null),
    ]);
    const projectOf = new Map(cohortProjects.map((cp) => [cp.projectId, cp.project!]));
    const rankingsBy = groupBy(rankings, (r) => r.participantId);
    const rankingOf = (participantId: string): RankedProject[] =>
      (rankingsBy.get(participantId) ?? []).map((r) => ({
        rank: r.rank,
        project: projectOf.get(r.projectId)!,
      }));
    const entries = members
      ? await this.participantEntries(
          actor,
          members.map((mm) => mm.participantId),
        )
      : null;
    return {
      cohort,
      projects: cohortProjects.map((cp) => ({ project: cp.project!, capacity: cp.capacity })),
      members:
        members && entries
          ? members.flatMap((mm) => {
              const participant = entries.get(mm.participantId);
              return participant ? [{ participant, ranking: rankingOf(mm.participantId) }] : [];
            })
          : null,
      myRanking: staff ? [] : rankingOf(actor.userId),
      allocations,
    };
  }
}

export function assertOpen(cohort: Cohort): void {
  if (cohort.status !== CohortStatus.OPEN) {
    throw AppError.conflict(
      ConflictReason.WRONG_STATUS,
      `This cohort is ${cohort.status}: its allocation was confirmed, so it can no longer change`,
    );
  }
}
