import { Injectable } from '@nestjs/common';
import {
  AppError,
  ConflictReason,
  byId,
  byTimestamp,
  Connection,
  containsPattern,
  groupBy,
  JapanGeography,
  mapConnection,
  DomainEventPublisher,
  Page,
  paginateKeyset,
} from '@tsunagu/core';
import {
  Actor,
  Membership,
  Organization,
  OrganizationKind,
  PolicyService,
  User,
} from '@tsunagu/identity';
import { SkillService, Theme, ThemeService } from '@tsunagu/taxonomy';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { PARTICIPANT_PROFILE_CHANGED } from './participant-events';
import {
  AvailableDays,
  ParticipantKind,
  ParticipantProfile,
  ProfileVisibility,
} from './participant-profile.entity';
import { profileInputProblems, searchFilterProblems } from './participant-profile.rules';
import { ParticipantSkill } from './participant-skill.entity';
import type { ParticipantProfileInput, ParticipantSearchFilter } from './participant.types';

// Row lock: saves of one profile happen one after the other. FOR NO KEY UPDATE, not FOR UPDATE:
// rows that merely reference the profile (recommendation lists, skills, interests) take a
// key-share lock for their foreign key and must not wait on it. The worker storing a
// participant's first list holds their scoring_subject row while it waits for that key-share
// lock, and a save holding the profile FOR UPDATE then bumps the same scoring_subject row:
// a deadlock.
const PROFILE_LOCK = { mode: 'for_no_key_update' } as const;

// A profile with what showing it needs: `profile.user` (id and display name only),
// `profile.skills` (each with its skill) and `profile.companyOrganization` loaded, and its
// themes in the profile's order.
export interface ParticipantProfileView {
  profile: ParticipantProfile;
  themes: Theme[];
}

@Injectable()
export class ParticipantProfileService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly skills: SkillService,
    private readonly themes: ThemeService,
    private readonly events: DomainEventPublisher,
  ) {}

  // The owner's own profile, in full.
  async findView(userId: string): Promise<ParticipantProfileView | null> {
    const [view] = await this.loadViews(this.viewQuery().where('pp.userId = :userId', { userId }));
    return view ?? null;
  }

  // Saves the whole profile: fields left out take their defaults, and the skills set is
  // replaced, in one transaction.
  async upsert(userId: string, input: ParticipantProfileInput): Promise<ParticipantProfileView> {
    const problems = profileInputProblems(input);
    if (problems.length) {
      throw AppError.invalidFields(problems);
    }
    const skills = input.skills ?? [];
    const themeCodes = input.themeCodes ?? [];
    await this.skills.assertKnown(
      skills.map((s) => s.skillId),
      (i) => ['input', 'skills', String(i), 'skillId'],
    );
    await this.themes.assertKnown(themeCodes, (i) => ['input', 'themeCodes', String(i)]);
    if (input.kind === ParticipantKind.COMPANY_EMPLOYEE) {
      await this.assertEmployeeOf(userId, input.companyOrganizationId!);
    }
    // Allowed for a minor of any kind (profileInputProblems); required for high-school students.
    const guardianName = input.guardianName?.trim() || null;
    const guardianEmail = input.guardianEmail?.trim().toLowerCase() || null;
    if (guardianEmail) await this.assertNotOwnEmail(userId, guardianEmail);

    await this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(ParticipantProfile);
      const previous = await repo.findOne({ where: { userId }, lock: PROFILE_LOCK });
      // Consent is recorded when first given; re-saving with the same guardian keeps that date.
      const guardianConsentAt = !input.guardianConsent
        ? null
        : previous?.guardianConsentAt && previous.guardianName === guardianName
          ? previous.guardianConsentAt
          : new Date();
      const fields: Partial<ParticipantProfile> = {
        kind: input.kind,
        companyOrganizationId:
          input.kind === ParticipantKind.COMPANY_EMPLOYEE ? input.companyOrganizationId! : null,
        dateOfBirth: input.dateOfBirth ?? null,
        guardianName,
        guardianEmail,
        guardianConsentAt,
        themeCodes,
        goals: input.goals ?? [],
        weeklyHours: input.availability?.weeklyHours ?? null,
        availablePeriods: (input.availability?.periods ?? []).map((p) => ({
          from: p.from,
          to: p.to ?? null,
        })),
        availableDays: input.availability?.days ?? AvailableDays.ANY,
        homeMunicipalityCode: input.homeMunicipalityCode ?? null,
        travelRangeKm: input.travelRangeKm ?? 100,
        remoteOnly: input.remoteOnly ?? false,
        languages: input.languages ?? ['ja'],
        bio: input.bio?.trim() ?? '',
        visibility: input.visibility ?? ProfileVisibility.INTERMEDIARIES,
        phone: input.phone?.trim() || null,
      };
      // Repository.upsert would also set user_id, and an ON CONFLICT update that sets a key
      // column locks the row FOR UPDATE: name only the other columns (see PROFILE_LOCK).
      await m
        .createQueryBuilder()
        .insert()
        .into(ParticipantProfile)
        .values({ userId, ...fields })
        .orUpdate(
          repo.metadata.columns.filter((c) => c.propertyName in fields).map((c) => c.databaseName),
          ['user_id'],
        )
        .execute();
      await m.delete(ParticipantSkill, { userId });
      if (skills.length) {
        await m.insert(
          ParticipantSkill,
          skills.map((s) => ({ userId, skillId: s.skillId, level: s.level })),
        );
      }
      await this.events.publish(m, PARTICIPANT_PROFILE_CHANGED, { participantId: userId });
    });
    return (await this.findView(userId))!;
  }

  // An employee who accepted their company's invitation becomes its COMPANY_EMPLOYEE, in the
  // caller's transaction (which made them a member). False when they have no profile yet.
  async enrolInCompanyWithin(
    m: EntityManager,
    userId: string,
    companyOrganizationId: string,
  ): Promise<boolean> {
    const repo = m.getRepository(ParticipantProfile);
    const profile = await repo.findOne({ where: { userId }, lock: PROFILE_LOCK });
    if (!profile) return false;
    // Guardian details are only for high-school students (profileInputProblems).
    await repo.update(
      { userId },
      {
        kind: ParticipantKind.COMPANY_EMPLOYEE,
        companyOrganizationId,
        guardianName: null,
        guardianEmail: null,
        guardianConsentAt: null,
      },
    );
    await this.events.publish(m, PARTICIPANT_PROFILE_CHANGED, { participantId: userId });
    return true;
  }

  // Intermediaries and region staff look for participants among the profiles whose visibility
  // lets them: NOBODY is never listed. Most recently updated first.
  async search(
    actor: Actor,
    filter: ParticipantSearchFilter,
    page: Page,
  ): Promise<Connection<ParticipantProfileView>> {
    const visibilities = this.policy.viewableProfileVisibilities(actor);
    this.policy.assert(
      visibilities.length > 0,
      'Only intermediaries and region staff search participants',
    );
    const problems = searchFilterProblems(filter);
    if (problems.length) {
      throw AppError.invalidFields(problems);
    }
    const qb = this.viewQuery().where('pp.visibility IN (:...visibilities)', { visibilities });
    if (filter.kinds?.length) qb.andWhere('pp.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter.skillIds?.length) {
      // Served by the (skill_id, level) index.
      qb.andWhere(
        `EXISTS (SELECT 1 FROM participant_skill ps WHERE ps.user_id = pp.user_id
           AND ps.skill_id IN (:...skillIds) AND ps.level >= :minLevel)`,
        { skillIds: filter.skillIds, minLevel: filter.minLevel ?? 1 },
      );
    }
    if (filter.themeCodes?.length) {
      qb.andWhere('pp.themeCodes && CAST(:themeCodes AS text[])', {
        themeCodes: filter.themeCodes,
      });
    }
    if (filter.prefectureCode) {
      // Exact codes rather than a prefix match, so the home municipality index serves it.
      const codes = JapanGeography.get()
        .municipalitiesOf(filter.prefectureCode)
        .map((m) => m.code);
      qb.andWhere('pp.homeMunicipalityCode IN (:...homeCodes)', { homeCodes: codes });
    }
    if (filter.remoteOnly != null) {
      qb.andWhere('pp.remoteOnly = :remoteOnly', { remoteOnly: filter.remoteOnly });
    }
    if (filter.text) {
      // Served by the pg_trgm GIN index on bio (participant_profile_bio_trgm_idx).
      qb.andWhere('pp.bio ILIKE :text', { text: containsPattern(filter.text) });
    }
    const connection = await paginateKeyset(qb, {
      ...page,
      keys: [byTimestamp('pp.updatedAt'), byId('pp.userId')],
    });
    const views = await this.attach(connection.edges.map((e) => e.node));
    return mapConnection(connection, (_, i) => views[i]);
  }

  // One participant for the same viewers as search. A profile they may not see is NOT_FOUND, so
  // its existence does not leak.
  async getVisible(actor: Actor, userId: string): Promise<ParticipantProfileView> {
    this.policy.assert(
      this.policy.canSearchParticipants(actor),
      'Only intermediaries and region staff look up participants',
    );
    const [view] = await this.loadViews(this.viewQuery().where('pp.userId = :userId', { userId }));
    if (!view || !this.policy.canViewParticipantProfile(actor, view.profile.visibility)) {
      throw AppError.notFound('Participant profile', userId);
    }
    return view;
  }

  // The profiles among `userIds` the actor may see, in the order given (others left out).
  async visibleViews(actor: Actor, userIds: readonly string[]): Promise<ParticipantProfileView[]> {
    const visibilities = this.policy.viewableProfileVisibilities(actor);
    if (visibilities.length === 0 || userIds.length === 0) return [];
    const views = await this.loadViews(
      this.viewQuery()
        .where('pp.userId IN (:...userIds)', { userIds })
        .andWhere('pp.visibility IN (:...visibilities)', { visibilities }),
    );
    const byId = new Map(views.map((v) => [v.profile.userId, v]));
    return userIds.flatMap((id) => byId.get(id) ?? []);
  }

  private async assertEmployeeOf(userId: string, companyOrganizationId: string): Promise<void> {
    const path = ['input', 'companyOrganizationId'];
    const company = await this.dataSource
      .getRepository(Organization)
      .findOneBy({ id: companyOrganizationId });
    if (company?.kind !== OrganizationKind.COMPANY) {
      throw AppError.invalidField(path, 'is not a COMPANY organisation');
    }
    const member = await this.dataSource
      .getRepository(Membership)
      .existsBy({ userId, organizationId: companyOrganizationId });
    if (!member) {
      throw AppError.invalidField(
        path,
        'you are not a member of this company: the company enrols its employees first',
      );
    }
  }

  // Only the user's id and display name: their e-mail is never read for showing a profile.
  private viewQuery(): SelectQueryBuilder<ParticipantProfile> {
    return this.dataSource
      .getRepository(ParticipantProfile)
      .createQueryBuilder('pp')
      .innerJoin('pp.user', 'u')
      .addSelect(['u.id', 'u.displayName'])
      .leftJoinAndSelect('pp.companyOrganization', 'company');
  }

  private async loadViews(
    qb: SelectQueryBuilder<ParticipantProfile>,
  ): Promise<ParticipantProfileView[]> {
    return this.attach(await qb.getMany());
  }

  // Skills and themes for a whole page of profiles: two queries, however long the page.
  private async attach(profiles: ParticipantProfile[]): Promise<ParticipantProfileView[]> {
    if (profiles.length === 0) return [];
    const skills = await this.dataSource
      .getRepository(ParticipantSkill)
      .createQueryBuilder('ps')
      .innerJoinAndSelect('ps.skill', 's')
      .where('ps.userId IN (:...userIds)', { userIds: profiles.map((p) => p.userId) })
      .orderBy('ps.level', 'DESC')
      .addOrderBy('s.code', 'ASC')
      .getMany();
    const codes = [...new Set(profiles.flatMap((p) => p.themeCodes))];
    const themes = new Map((await this.themes.findByCodes(codes)).map((t) => [t.code, t]));
    const skillsOf = groupBy(skills, (s) => s.userId);
    return profiles.map((profile) => {
      profile.skills = skillsOf.get(profile.userId) ?? [];
      return {
        profile,
        themes: profile.themeCodes.flatMap((code) => themes.get(code) ?? []),
      };
    });
  }

  // The guardian's mails (consent requests, copies of messages) would reach the child instead.
  private async assertNotOwnEmail(userId: string, guardianEmail: string): Promise<void> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: userId });
    if (user && user.email.trim().toLowerCase() === guardianEmail) {
      throw AppError.conflictField(
        ConflictReason.GUARDIAN_EMAIL_IS_OWN,
        ['input', 'guardianEmail'],
        "must be your guardian's address, not your own",
      );
    }
  }
}
