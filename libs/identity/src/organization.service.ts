import { Injectable } from '@nestjs/common';
import {
  AppError,
  byId,
  byTimestamp,
  Connection,
  containsPattern,
  isUniqueViolation,
  JapanGeography,
  ConflictReason,
  Page,
  paginateKeyset,
} from '@tsunagu/core';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Actor } from './actor';
import { normalizeEmail } from './auth.service';
import { Membership, MembershipRole } from './membership.entity';
import { Organization, OrganizationKind } from './organization.entity';
import { PolicyService } from './policy.service';
import { RemitArea } from './remit-area.entity';
import { remitAreaCoversSql } from './remit-coverage';
import { User } from './user.entity';

export interface CreateOrganizationCommand {
  kind: OrganizationKind;
  name: string;
  municipalityCode?: string | null;
}

export interface OrganizationFilter {
  query?: string;
  kind?: OrganizationKind;
}

export interface OrganizationMember {
  userId: string;
  displayName: string;
  // Only for those who manage the membership (its owners, platform admins).
  email: string | null;
  role: MembershipRole;
  joinedAt: Date;
}

export interface RemitCommand {
  prefectureCodes: string[];
  municipalityCodes: string[];
}

@Injectable()
export class OrganizationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
  ) {}

  async create(actor: Actor, command: CreateOrganizationCommand): Promise<Organization> {
    this.policy.assert(
      this.policy.isPlatformAdmin(actor),
      'Only platform admins create organisations',
    );
    return this.createUnchecked(this.dataSource.manager, command);
  }

  // For bootstrap and seeding, where there is no acting user yet.
  async createUnchecked(
    manager: EntityManager,
    command: CreateOrganizationCommand,
  ): Promise<Organization> {
    let prefectureCode: string | null = null;
    // The field is nullable in the schema: null says "no place", as leaving it out does.
    if (command.municipalityCode != null) {
      const municipality = JapanGeography.get().municipality(command.municipalityCode);
      if (!municipality) {
        throw AppError.invalidField(
          ['input', 'municipalityCode'],
          `unknown municipality code ${command.municipalityCode}`,
        );
      }
      prefectureCode = municipality.prefectureCode;
    } else if (command.kind === OrganizationKind.REGION) {
      throw AppError.invalidField(
        ['input', 'municipalityCode'],
        'is required for a REGION organisation',
      );
    }
    const repo = manager.getRepository(Organization);
    return repo.save(
      repo.create({
        kind: command.kind,
        name: command.name.trim(),
        municipalityCode: command.municipalityCode ?? null,
        prefectureCode,
      }),
    );
  }

  async get(id: string): Promise<Organization> {
    const org = await this.dataSource.getRepository(Organization).findOneBy({ id });
    if (!org) throw AppError.notFound('Organization', id);
    return org;
  }

  // Every organisation, newest first: the platform admins' directory.
  list(actor: Actor, filter: OrganizationFilter, page: Page): Promise<Connection<Organization>> {
    this.policy.assert(
      this.policy.isPlatformAdmin(actor),
      'Only platform admins list organisations',
    );
    const qb = this.dataSource.getRepository(Organization).createQueryBuilder('o');
    const query = filter.query?.trim();
    if (query) qb.andWhere('o.name ILIKE :pattern', { pattern: containsPattern(query) });
    if (filter.kind) qb.andWhere('o.kind = :kind', { kind: filter.kind });
    return paginateKeyset(qb, { ...page, keys: [byTimestamp('o.createdAt'), byId('o.id')] });
  }

  // Its members, owners first: every member sees colleagues' names and roles; e-mail addresses
  // are for those who manage the membership (its owners, platform admins).
  async members(actor: Actor, organizationId: string): Promise<OrganizationMember[]> {
    await this.get(organizationId);
    this.policy.assert(
      this.policy.canSeeMembersOf(actor, organizationId),
      'Only the organisation’s members or platform admins see its members',
    );
    const withEmail = this.policy.canManageOrganization(actor, organizationId);
    const rows = await this.dataSource.getRepository(Membership).find({
      where: { organizationId },
      relations: { user: true },
      order: { role: 'ASC', createdAt: 'ASC' },
    });
    return rows
      .filter((m) => m.user && !m.user.deletedAt)
      .map((m) => ({
        userId: m.userId,
        displayName: m.user!.displayName,
        email: withEmail ? m.user!.email : null,
        role: m.role,
        joinedAt: m.createdAt,
      }));
  }

  // An owner takes someone off the organisation, which always keeps an owner with an account.
  async removeMember(actor: Actor, organizationId: string, userId: string): Promise<Organization> {
    const org = await this.get(organizationId);
    this.policy.assert(
      this.policy.canManageOrganization(actor, organizationId),
      'Only the organisation’s owners or platform admins remove members',
    );
    await this.dataSource.transaction(async (m) => {
      await this.lockAsManager(m, actor, organizationId);
      const membership = await m.getRepository(Membership).findOneBy({ organizationId, userId });
      if (!membership) throw AppError.notFound('Member', userId);
      if (membership.role === MembershipRole.OWNER) {
        const [{ others }] = await m.query<Array<{ others: number }>>(
          `SELECT count(*)::int AS others FROM membership ms
             JOIN "user" u ON u.id = ms.user_id AND u.deleted_at IS NULL
            WHERE ms.organization_id = $1 AND ms.role = 'OWNER' AND ms.user_id <> $2`,
          [organizationId, userId],
        );
        if (others === 0)
          throw AppError.conflictField(
            ConflictReason.LAST_OWNER,
            ['userId'],
            'the organisation must keep an owner',
          );
      }
      await m.delete(Membership, { id: membership.id });
    });
    return org;
  }

  // Membership changes take the organisation's row first, so they happen one at a time, and
  // then ask again whether the actor still owns it: the actor was loaded when the request began,
  // and an owner removed meanwhile (two owners removing each other at once) must not act on.
  private async lockAsManager(m: EntityManager, actor: Actor, organizationId: string) {
    await m
      .getRepository(Organization)
      .createQueryBuilder('o')
      .setLock('pessimistic_write')
      .where('o.id = :organizationId', { organizationId })
      .getOne();
    if (this.policy.isPlatformAdmin(actor)) return;
    const stillOwner = await m
      .getRepository(Membership)
      .existsBy({ organizationId, userId: actor.userId, role: MembershipRole.OWNER });
    if (!stillOwner) throw AppError.forbidden('You are no longer an owner of this organisation');
  }

  // The intermediaries whose remit covers each region's place, by name: pairs of region id and
  // intermediary id, in one query for any number of regions.
  async coveringIntermediariesOf(
    regionIds: readonly string[],
  ): Promise<Array<{ regionId: string; organizationId: string }>> {
    if (regionIds.length === 0) return [];
    const rows = await this.dataSource.query<Array<{ region_id: string; organization_id: string }>>(
      `SELECT DISTINCT reg.id AS region_id, o.id AS organization_id, o.name
         FROM organization reg
         JOIN remit_area r ON ${remitAreaCoversSql('r', {
           prefectureCode: 'reg.prefecture_code',
           municipalityCode: 'reg.municipality_code',
         })}
         JOIN organization o ON o.id = r.organization_id AND o.kind = 'INTERMEDIARY'
        WHERE reg.id = ANY($1::uuid[]) AND reg.kind = 'REGION'
        ORDER BY o.name, o.id`,
      [[...new Set(regionIds)]],
    );
    return rows.map((r) => ({ regionId: r.region_id, organizationId: r.organization_id }));
  }

  findByIds(ids: readonly string[]): Promise<Organization[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(Organization).findBy({ id: In([...new Set(ids)]) });
  }

  async addMember(
    actor: Actor,
    organizationId: string,
    email: string,
    role: MembershipRole,
  ): Promise<Membership> {
    await this.get(organizationId);
    this.policy.assert(
      this.policy.canManageOrganization(actor, organizationId),
      'Only the organisation’s owners or platform admins add members',
    );
    const user = await this.dataSource
      .getRepository(User)
      .findOneBy({ email: normalizeEmail(email) });
    if (!user)
      throw AppError.invalidField(['input', 'email'], 'no account has this e-mail address');
    return this.dataSource.transaction(async (m) => {
      await this.lockAsManager(m, actor, organizationId);
      return this.addMemberUnchecked(m, organizationId, user.id, role);
    });
  }

  async addMemberUnchecked(
    manager: EntityManager,
    organizationId: string,
    userId: string,
    role: MembershipRole,
  ): Promise<Membership> {
    try {
      const repo = manager.getRepository(Membership);
      return await repo.save(repo.create({ organizationId, userId, role }));
    } catch (error) {
      if (isUniqueViolation(error))
        throw AppError.conflict(ConflictReason.ALREADY_EXISTS, 'This person is already a member');
      throw error;
    }
  }

  // Replaces an intermediary's remit. Only platform admins: remit is what the funder grants.
  async setRemit(actor: Actor, organizationId: string, remit: RemitCommand): Promise<Organization> {
    this.policy.assert(this.policy.isPlatformAdmin(actor), 'Only platform admins set remits');
    const org = await this.get(organizationId);
    if (org.kind !== OrganizationKind.INTERMEDIARY) {
      throw AppError.invalidField(
        ['input', 'organizationId'],
        'only INTERMEDIARY organisations have a remit',
      );
    }
    await this.dataSource.transaction((m) => this.setRemitUnchecked(m, organizationId, remit));
    return org;
  }

  async setRemitUnchecked(
    manager: EntityManager,
    organizationId: string,
    remit: RemitCommand,
  ): Promise<void> {
    const geo = JapanGeography.get();
    remit.prefectureCodes.forEach((code, i) => {
      if (!geo.prefecture(code)) {
        throw AppError.invalidField(
          ['input', 'prefectureCodes', String(i)],
          `unknown prefecture code ${code}`,
        );
      }
    });
    remit.municipalityCodes.forEach((code, i) => {
      if (!geo.municipality(code)) {
        throw AppError.invalidField(
          ['input', 'municipalityCodes', String(i)],
          `unknown municipality code ${code}`,
        );
      }
    });
    await manager.delete(RemitArea, { organizationId });
    const rows: Array<Pick<RemitArea, 'organizationId' | 'prefectureCode' | 'municipalityCode'>> = [
      ...[...new Set(remit.prefectureCodes)].map((prefectureCode) => ({
        organizationId,
        prefectureCode,
        municipalityCode: null,
      })),
      ...[...new Set(remit.municipalityCodes)].map((municipalityCode) => ({
        organizationId,
        prefectureCode: null,
        municipalityCode,
      })),
    ];
    if (rows.length) await manager.insert(RemitArea, rows);
  }

  remitOf(organizationId: string, m?: EntityManager): Promise<RemitArea[]> {
    return this.remitsOf([organizationId], m);
  }

  // The remit areas of several organisations in one query (inside a transaction, on its manager).
  remitsOf(
    organizationIds: readonly string[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<RemitArea[]> {
    if (organizationIds.length === 0) return Promise.resolve([]);
    return m.getRepository(RemitArea).findBy({ organizationId: In([...new Set(organizationIds)]) });
  }

  membershipsOf(userId: string): Promise<Membership[]> {
    return this.dataSource
      .getRepository(Membership)
      .find({ where: { userId }, relations: { organization: true }, order: { createdAt: 'ASC' } });
  }
}
