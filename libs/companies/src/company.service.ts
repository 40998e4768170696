import { Injectable } from '@nestjs/common';
import {
  AppError,
  byId,
  byTimestamp,
  Connection,
  FieldProblem,
  groupBy,
  isUniqueViolation,
  mapConnection,
  Page,
  paginateKeyset,
  ConflictReason,
} from '@tsunagu/core';
import {
  Actor,
  Membership,
  normalizeEmail,
  Organization,
  OrganizationKind,
  PolicyService,
  User,
} from '@tsunagu/identity';
import { ParticipantKind, ParticipantProfile } from '@tsunagu/participants';
import { Project, ProjectStatus } from '@tsunagu/projects';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { CompanyProgramProject } from './company-program-project.entity';
import { CompanyProgram } from './company-program.entity';
import { CompanyTeamMember } from './company-team-member.entity';
import { CompanyTeam } from './company-team.entity';
import type {
  CreateCompanyProgramInput,
  CreateCompanyTeamInput,
  ProgramProjectInput,
} from './company.types';

// Newest first.
const PROGRAM_KEYS = [byTimestamp('cp.createdAt'), byId('cp.id')];
const TEAM_KEYS = [byTimestamp('ct.createdAt'), byId('ct.id')];

// A program with its company (`program.companyOrganization`) and target projects loaded.
export interface CompanyProgramView {
  program: CompanyProgram;
  projects: Project[];
}

// A team with its company and members (each with the user's id and display name) loaded.
export interface CompanyTeamView {
  team: CompanyTeam;
  program: CompanyProgramView | null;
}

@Injectable()
export class CompanyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
  ) {}

  async createProgram(actor: Actor, input: CreateCompanyProgramInput): Promise<CompanyProgramView> {
    const company = await this.companyForInput(input.companyOrganizationId);
    this.policy.assert(
      this.policy.canManageCompany(actor, company.id),
      'Only the company’s owners or platform admins create its programs',
    );
    const repo = this.dataSource.getRepository(CompanyProgram);
    const saved = await repo.save(
      repo.create({
        companyOrganizationId: company.id,
        name: input.name.trim(),
        description: input.description?.trim() ?? '',
        startDate: input.startDate,
        endDate: input.endDate ?? null,
      }),
    );
    return this.programView(saved.id);
  }

  // Only a published project open to company employees can be a program's target. The project
  // row is share-locked while checking, so it cannot be unpublished or narrowed in between.
  async addProject(actor: Actor, input: ProgramProjectInput): Promise<CompanyProgramView> {
    const program = await this.managedProgram(actor, input.programId);
    await this.dataSource.transaction(async (m) => {
      const project = await m.getRepository(Project).findOne({
        where: { id: input.projectId },
        lock: { mode: 'pessimistic_read' },
      });
      // A draft reads as missing, so drafts of other regions do not leak.
      if (!project || project.status !== ProjectStatus.PUBLISHED) {
        throw AppError.invalidField(['input', 'projectId'], 'must be a published project');
      }
      const kinds = project.eligibleKinds;
      if (kinds.length > 0 && !kinds.includes(ParticipantKind.COMPANY_EMPLOYEE)) {
        throw AppError.invalidField(
          ['input', 'projectId'],
          `is open only to ${kinds.join(', ')}: a company team cannot take part`,
        );
      }
      await m
        .createQueryBuilder()
        .insert()
        .into(CompanyProgramProject)
        .values({ programId: program.id, projectId: project.id })
        .orIgnore()
        .execute();
    });
    return this.programView(program.id);
  }

  async removeProject(actor: Actor, input: ProgramProjectInput): Promise<CompanyProgramView> {
    const program = await this.managedProgram(actor, input.programId);
    await this.dataSource
      .getRepository(CompanyProgramProject)
      .delete({ programId: program.id, projectId: input.projectId });
    return this.programView(program.id);
  }

  async createTeam(actor: Actor, input: CreateCompanyTeamInput): Promise<CompanyTeamView> {
    const company = await this.companyForInput(input.companyOrganizationId);
    this.policy.assert(
      this.policy.canManageCompany(actor, company.id),
      'Only the company’s owners or platform admins create its teams',
    );
    if (input.programId) {
      const inCompany = await this.dataSource
        .getRepository(CompanyProgram)
        .existsBy({ id: input.programId, companyOrganizationId: company.id });
      if (!inCompany) {
        throw AppError.invalidField(['input', 'programId'], 'is not a program of this company');
      }
    }
    let teamId: string;
    try {
      teamId = await this.dataSource.transaction(async (m) => {
        const userIds = await this.teamMembers(m, company.id, input);
        const inserted = await m.insert(CompanyTeam, {
          companyOrganizationId: company.id,
          programId: input.programId ?? null,
          name: input.name.trim(),
        });
        const id = (inserted.identifiers[0] as { id: string }).id;
        await m.insert(
          CompanyTeamMember,
          userIds.map((userId) => ({ teamId: id, userId })),
        );
        return id;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'company_team_company_name_key')) {
        throw AppError.conflict(
          ConflictReason.ALREADY_EXISTS,
          `This company already has a team named ${input.name.trim()}`,
        );
      }
      throw error;
    }
    const [view] = await this.teamViews(this.teamQuery().where('ct.id = :teamId', { teamId }));
    return view;
  }

  async listPrograms(
    actor: Actor,
    companyOrganizationId: string,
    page: Page,
  ): Promise<Connection<CompanyProgramView>> {
    await this.viewableCompany(actor, companyOrganizationId);
    const qb = this.programQuery().where('cp.companyOrganizationId = :companyOrganizationId', {
      companyOrganizationId,
    });
    const connection = await paginateKeyset(qb, { ...page, keys: PROGRAM_KEYS });
    const views = await this.programViews(connection.edges.map((e) => e.node));
    return mapConnection(connection, (_, i) => views[i]);
  }

  async listTeams(
    actor: Actor,
    companyOrganizationId: string,
    page: Page,
  ): Promise<Connection<CompanyTeamView>> {
    await this.viewableCompany(actor, companyOrganizationId);
    const qb = this.teamQuery().where('ct.companyOrganizationId = :companyOrganizationId', {
      companyOrganizationId,
    });
    return this.paginateTeams(qb, page);
  }

  // The teams the actor is on, whichever companies they belong to.
  myTeams(actor: Actor, page: Page): Promise<Connection<CompanyTeamView>> {
    const qb = this.teamQuery().innerJoin(
      CompanyTeamMember,
      'mine',
      'mine.teamId = ct.id AND mine.userId = :userId',
      { userId: actor.userId },
    );
    return this.paginateTeams(qb, page);
  }

  // The members named by e-mail or by user id, checked to be employees (assertEmployees).
  private async teamMembers(
    m: EntityManager,
    companyOrganizationId: string,
    input: CreateCompanyTeamInput,
  ): Promise<string[]> {
    if (input.memberUserIds?.length) {
      if (input.memberEmails?.length) {
        throw AppError.invalidField(
          ['input', 'memberEmails'],
          'give either memberEmails or memberUserIds, not both',
        );
      }
      return this.assertEmployees(m, companyOrganizationId, input.memberUserIds, 'memberUserIds');
    }
    const normalized = (input.memberEmails ?? []).map(normalizeEmail);
    const users = await m.getRepository(User).find({
      select: { id: true, email: true },
      where: { email: In([...new Set(normalized)]) },
    });
    const userIdByEmail = new Map(users.map((u) => [u.email, u.id]));
    return this.assertEmployees(
      m,
      companyOrganizationId,
      normalized.map((email) => userIdByEmail.get(email)),
      'memberEmails',
    );
  }

  // Checks that each user (undefined: no account) is a member of the company with a
  // COMPANY_EMPLOYEE profile linked to it, reporting every one that is not, by its index under
  // `field`. Profiles are share-locked so nobody switches kind or company while the team is
  // being written.
  private async assertEmployees(
    m: EntityManager,
    companyOrganizationId: string,
    userIds: Array<string | undefined>,
    field: string,
  ): Promise<string[]> {
    const ids = [...new Set(userIds.filter((id): id is string => !!id))];
    const members = new Set(
      ids.length
        ? (
            await m
              .getRepository(Membership)
              .findBy({ organizationId: companyOrganizationId, userId: In(ids) })
          ).map((x) => x.userId)
        : [],
    );
    const profiles = new Map(
      (ids.length
        ? await m
            .getRepository(ParticipantProfile)
            .find({ where: { userId: In(ids) }, lock: { mode: 'pessimistic_read' } })
        : []
      ).map((p) => [p.userId, p]),
    );
    const problems: FieldProblem[] = [];
    const firstIndexOf = new Map<string, number>();
    userIds.forEach((userId, i) => {
      const path = ['input', field, String(i)];
      const first = userId === undefined ? undefined : firstIndexOf.get(userId);
      if (first !== undefined) {
        problems.push({ path, message: `repeats the employee at index ${first}` });
        return;
      }
      if (userId !== undefined) firstIndexOf.set(userId, i);
      // An unknown address reads like a non-member, so this does not reveal who has an account.
      if (!userId || !members.has(userId)) {
        problems.push({ path, message: 'is not a member of this company' });
        return;
      }
      const profile = profiles.get(userId);
      if (
        profile?.kind !== ParticipantKind.COMPANY_EMPLOYEE ||
        profile.companyOrganizationId !== companyOrganizationId
      ) {
        problems.push({
          path,
          message: 'has no COMPANY_EMPLOYEE participant profile linked to this company',
        });
      }
    });
    if (problems.length) {
      throw AppError.invalidFields(problems);
    }
    return userIds as string[];
  }

  private async companyForInput(companyOrganizationId: string): Promise<Organization> {
    const company = await this.dataSource
      .getRepository(Organization)
      .findOneBy({ id: companyOrganizationId });
    if (company?.kind !== OrganizationKind.COMPANY) {
      throw AppError.invalidField(
        ['input', 'companyOrganizationId'],
        'is not a COMPANY organisation',
      );
    }
    return company;
  }

  private async viewableCompany(actor: Actor, companyOrganizationId: string): Promise<void> {
    const company = await this.dataSource
      .getRepository(Organization)
      .findOneBy({ id: companyOrganizationId });
    if (company?.kind !== OrganizationKind.COMPANY) {
      throw AppError.notFound('Company', companyOrganizationId);
    }
    this.policy.assert(
      this.policy.canViewCompany(actor, companyOrganizationId),
      'Only members of the company and platform admins see its programs and teams',
    );
  }

  private async managedProgram(actor: Actor, programId: string): Promise<CompanyProgram> {
    const program = await this.dataSource
      .getRepository(CompanyProgram)
      .findOneBy({ id: programId });
    if (!program) throw AppError.notFound('Company program', programId);
    this.policy.assert(
      this.policy.canManageCompany(actor, program.companyOrganizationId),
      'Only the company’s owners or platform admins change its programs',
    );
    return program;
  }

  private programQuery(): SelectQueryBuilder<CompanyProgram> {
    return this.dataSource
      .getRepository(CompanyProgram)
      .createQueryBuilder('cp')
      .innerJoinAndSelect('cp.companyOrganization', 'company');
  }

  private teamQuery(): SelectQueryBuilder<CompanyTeam> {
    return this.dataSource
      .getRepository(CompanyTeam)
      .createQueryBuilder('ct')
      .innerJoinAndSelect('ct.companyOrganization', 'company');
  }

  private async programView(programId: string): Promise<CompanyProgramView> {
    const program = await this.programQuery().where('cp.id = :programId', { programId }).getOne();
    if (!program) throw AppError.notFound('Company program', programId);
    const [view] = await this.programViews([program]);
    return view;
  }

  // The target projects of a whole page of programs in one query.
  private async programViews(programs: CompanyProgram[]): Promise<CompanyProgramView[]> {
    if (programs.length === 0) return [];
    const links = await this.dataSource
      .getRepository(CompanyProgramProject)
      .createQueryBuilder('cpp')
      .innerJoinAndSelect('cpp.project', 'p')
      .where('cpp.programId IN (:...programIds)', { programIds: programs.map((p) => p.id) })
      .orderBy('p.title', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .getMany();
    const linksOf = groupBy(links, (l) => l.programId);
    return programs.map((program) => ({
      program,
      projects: (linksOf.get(program.id) ?? []).map((l) => l.project!),
    }));
  }

  private async paginateTeams(
    qb: SelectQueryBuilder<CompanyTeam>,
    page: Page,
  ): Promise<Connection<CompanyTeamView>> {
    const connection = await paginateKeyset(qb, { ...page, keys: TEAM_KEYS });
    const views = await this.attachTeams(connection.edges.map((e) => e.node));
    return mapConnection(connection, (_, i) => views[i]);
  }

  private async teamViews(qb: SelectQueryBuilder<CompanyTeam>): Promise<CompanyTeamView[]> {
    return this.attachTeams(await qb.getMany());
  }

  // Members and programs of a whole page of teams: a fixed number of queries, however long.
  private async attachTeams(teams: CompanyTeam[]): Promise<CompanyTeamView[]> {
    if (teams.length === 0) return [];
    const members = await this.dataSource
      .getRepository(CompanyTeamMember)
      .createQueryBuilder('ctm')
      // Names only: teammates and the company never get each other's e-mail from here.
      .innerJoin('ctm.user', 'u')
      .addSelect(['u.id', 'u.displayName'])
      .where('ctm.teamId IN (:...teamIds)', { teamIds: teams.map((t) => t.id) })
      .orderBy('u.displayName', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .getMany();
    const programIds = [...new Set(teams.flatMap((t) => (t.programId ? [t.programId] : [])))];
    const programs = new Map(
      (programIds.length
        ? await this.programViews(
            await this.programQuery().where('cp.id IN (:...programIds)', { programIds }).getMany(),
          )
        : []
      ).map((v) => [v.program.id, v]),
    );
    const membersOf = groupBy(members, (m) => m.teamId);
    return teams.map((team) => {
      team.members = membersOf.get(team.id) ?? [];
      return { team, program: team.programId ? (programs.get(team.programId) ?? null) : null };
    });
  }
}
