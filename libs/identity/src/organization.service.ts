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
  email: string;
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

  // Its members with their contact e-mail, owners first: for its owners and platform admins.
  async members(actor: Actor, organizationId: string): Promise<OrganizationMember[]> {
    await this.get(organizationId);
    this.policy.assert(
      this.policy.canManageOrganization(actor, organizationId),
      'Only the organisation’s owners or platform admins see its members',
    );
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
        email: m.user!.email,
        role: m.role,
        joinedAt: m.createdAt,
      }));
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
    return this.addMemberUnchecked(this.dataSource.manager, organizationId, user.id, role);
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
