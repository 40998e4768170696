import { Injectable } from '@nestjs/common';
import {
  AppError,
  byId,
  byTimestamp,
  ConflictReason,
  Connection,
  DomainEventPublisher,
  isUuid,
  mapConnection,
  Page,
  paginateKeyset,
} from '@tsunagu/core';
import { Actor, Organization, PolicyService, toOrganizationType } from '@tsunagu/identity';
import { DataSource, EntityManager } from 'typeorm';
import { COUNCIL_MEMBERSHIP_APPLIED, COUNCIL_MEMBERSHIP_DECIDED } from './council-events';
import { CouncilMembership, CouncilMembershipStatus } from './council-membership.entity';
import { toProfileFields } from './council-profile-mapping';
import {
  ApplyForCouncilMembershipInput,
  COUNCIL_LIMITS,
  CouncilMembershipType,
} from './council-membership.types';

// Statuses from which an organisation may apply (again).
const REAPPLIABLE = [CouncilMembershipStatus.REJECTED, CouncilMembershipStatus.WITHDRAWN];

type WithOrganization = CouncilMembership & { organization: Organization };

// Council membership: organisations apply, platform admins decide, members may withdraw. The
// one owner of "is this organisation a member": other contexts (mentoring, member events) ask
// isApprovedMember / assertApprovedMember rather than reading the table.
@Injectable()
export class CouncilMembershipService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly events: DomainEventPublisher,
  ) {}

  // Pass the manager of a running transaction to stay on its connection.
  async isApprovedMember(
    organizationId: string,
    db: DataSource | EntityManager = this.dataSource,
  ): Promise<boolean> {
    if (!isUuid(organizationId)) return false;
    const rows = await db.query<unknown[]>(
      `SELECT 1 FROM council_memberships WHERE organization_id = $1 AND status = 'APPROVED'`,
      [organizationId],
    );
    return rows.length > 0;
  }

  // Whether any of these organisations (say, those a person works for) is an approved member.
  async anyApprovedMember(
    organizationIds: readonly string[],
    db: DataSource | EntityManager = this.dataSource,
  ): Promise<boolean> {
    const ids = organizationIds.filter(isUuid);
    if (ids.length === 0) return false;
    const rows = await db.query<unknown[]>(
      `SELECT 1 FROM council_memberships WHERE organization_id = ANY($1) AND status = 'APPROVED'
        LIMIT 1`,
      [ids],
    );
    return rows.length > 0;
  }

  // CONFLICT with reason NOT_A_COUNCIL_MEMBER unless the organisation is an approved member.
  async assertApprovedMember(
    organizationId: string,
    db: DataSource | EntityManager = this.dataSource,
  ): Promise<void> {
    if (!(await this.isApprovedMember(organizationId, db))) {
      throw AppError.conflict(
        ConflictReason.NOT_A_COUNCIL_MEMBER,
        'This organisation is not an approved member of the council',
      );
    }
  }

  // An organisation's staff apply for it; a rejected or withdrawn organisation applies again.
  // One statement decides under concurrency: the upsert only revives a closed row.
  async apply(
    actor: Actor,
    organizationId: string,
    input: ApplyForCouncilMembershipInput,
  ): Promise<CouncilMembershipType> {
    const organization = await this.organization(organizationId);
    this.policy.assert(
      this.policy.canRepresentInCouncil(actor, organization.id),
      "Only the organisation's own staff apply for its council membership",
    );
    const id = await this.dataSource.transaction(async (m) => {
      const rows = await m.query<Array<{ id: string }>>(
        `INSERT INTO council_memberships AS c (organization_id, status, applied_by_id, applied_at,
                introduction_ja, introduction_en, website, prefecture_code, municipality_code)
         VALUES ($1, 'PENDING', $2, now(), $3, $4, $5, $6, $7)
         ON CONFLICT (organization_id) DO UPDATE SET status = 'PENDING',
                applied_by_id = EXCLUDED.applied_by_id, applied_at = now(), decided_by_id = NULL,
                decided_at = NULL, decision_reason = NULL, withdrawn_at = NULL,
                introduction_ja = EXCLUDED.introduction_ja,
                introduction_en = EXCLUDED.introduction_en, website = EXCLUDED.website,
                updated_at = now()
          WHERE c.status = ANY($8::council_membership_status[])
         RETURNING id`,
        [
          organization.id,
          actor.userId,
          input.introductionJa,
          input.introductionEn || null,
          input.website || null,
          organization.prefectureCode ?? organization.municipalityCode?.slice(0, 2) ?? null,
          organization.municipalityCode,
          REAPPLIABLE,
        ],
      );
      if (rows.length === 0) {
        const current = await m
          .getRepository(CouncilMembership)
          .findOneByOrFail({ organizationId: organization.id });
        throw current.status === CouncilMembershipStatus.PENDING
          ? AppError.conflict(
              ConflictReason.ALREADY_APPLIED,
              'This organisation has applied already: the platform admins will decide',
            )
          : AppError.conflict(
              ConflictReason.ALREADY_DONE,
              'This organisation is a member of the council already',
            );
      }
      await this.events.publish(m, COUNCIL_MEMBERSHIP_APPLIED, { membershipId: rows[0].id });
      return rows[0].id;
    });
    return this.view(id);
  }

  // Platform admins approve or reject a pending application; a rejection says why.
  async decide(
    actor: Actor,
    membershipId: string,
    approve: boolean,
    reason: string | null | undefined,
  ): Promise<CouncilMembershipType> {
    this.policy.assert(
      this.policy.isPlatformAdmin(actor),
      'Only platform admins decide on council membership',
    );
    const why = reason?.trim() || null;
    if (!approve && !why) {
      throw AppError.invalidField(['reason'], 'must say why the application is rejected');
    }
    if (why && why.length > COUNCIL_LIMITS.reason) {
      throw AppError.invalidField(
        ['reason'],
        `must be at most ${COUNCIL_LIMITS.reason} characters`,
      );
    }
    await this.dataSource.transaction(async (m) => {
      const row = await this.locked(m, membershipId);
      if (row.status !== CouncilMembershipStatus.PENDING) {
        throw row.status === CouncilMembershipStatus.WITHDRAWN
          ? AppError.conflict(
              ConflictReason.WRONG_STATUS,
              'The organisation withdrew its application',
            )
          : AppError.conflict(ConflictReason.ALREADY_DONE, 'This application was decided already');
      }
      await m.getRepository(CouncilMembership).update(
        { id: row.id },
        {
          status: approve ? CouncilMembershipStatus.APPROVED : CouncilMembershipStatus.REJECTED,
          decidedById: actor.userId,
          decidedAt: new Date(),
          decisionReason: why,
        },
      );
      await this.events.publish(m, COUNCIL_MEMBERSHIP_DECIDED, { membershipId: row.id });
    });
    return this.view(membershipId);
  }

  // An organisation's staff withdraw its application or leave the council.
  async withdraw(actor: Actor, organizationId: string): Promise<CouncilMembershipType> {
    const organization = await this.organization(organizationId);
    this.policy.assert(
      this.policy.canRepresentInCouncil(actor, organization.id),
      "Only the organisation's own staff withdraw its council membership",
    );
    const id = await this.dataSource.transaction(async (m) => {
      const row = await m
        .getRepository(CouncilMembership)
        .createQueryBuilder('c')
        .setLock('pessimistic_write')
        .where('c.organizationId = :id', { id: organization.id })
        .getOne();
      if (!row) throw AppError.notFound('Council membership of organisation', organization.id);
      if (REAPPLIABLE.includes(row.status)) {
        throw AppError.conflict(
          ConflictReason.WRONG_STATUS,
          'This organisation is neither a member nor applying',
        );
      }
      await m
        .getRepository(CouncilMembership)
        .update(
          { id: row.id },
          { status: CouncilMembershipStatus.WITHDRAWN, withdrawnAt: new Date() },
        );
      return row.id;
    });
    return this.view(id);
  }

  // The platform admins' queue: applications in one status, latest first.
  async applications(
    actor: Actor,
    status: CouncilMembershipStatus,
    page: Page,
  ): Promise<Connection<CouncilMembershipType>> {
    this.policy.assert(
      this.policy.isPlatformAdmin(actor),
      'Only platform admins see council applications',
    );
    const qb = this.dataSource
      .getRepository(CouncilMembership)
      .createQueryBuilder('c')
      .innerJoinAndSelect('c.organization', 'o')
      .where('c.status = :status', { status });
    const connection = await paginateKeyset(qb, {
      ...page,
      keys: [byTimestamp('c.appliedAt'), byId('c.id')],
    });
    return mapConnection(connection, (row) => toMembershipType(row as WithOrganization));
  }

  // An organisation's own membership (null when it never applied): its members, or admins.
  async ofOrganization(
    actor: Actor,
    organizationId: string,
  ): Promise<CouncilMembershipType | null> {
    const organization = await this.organization(organizationId);
    this.policy.assert(this.policy.canSeeMembersOf(actor, organization.id));
    const row = await this.dataSource
      .getRepository(CouncilMembership)
      .findOne({ where: { organizationId: organization.id }, relations: { organization: true } });
    return row ? toMembershipType(row as WithOrganization) : null;
  }

  private async organization(organizationId: string): Promise<Organization> {
    const organization = isUuid(organizationId)
      ? await this.dataSource.getRepository(Organization).findOneBy({ id: organizationId })
      : null;
    if (!organization) throw AppError.notFound('Organization', organizationId);
    return organization;
  }

  private async locked(m: EntityManager, membershipId: string): Promise<CouncilMembership> {
    const row = isUuid(membershipId)
      ? await m
          .getRepository(CouncilMembership)
          .createQueryBuilder('c')
          .setLock('pessimistic_write')
          .where('c.id = :id', { id: membershipId })
          .getOne()
      : null;
    if (!row) throw AppError.notFound('Council membership', membershipId);
    return row;
  }

  private async view(id: string): Promise<CouncilMembershipType> {
    const row = await this.dataSource
      .getRepository(CouncilMembership)
      .findOneOrFail({ where: { id }, relations: { organization: true } });
    return toMembershipType(row as WithOrganization);
  }
}

export function toMembershipType(row: WithOrganization): CouncilMembershipType {
  return {
    id: row.id,
    organization: toOrganizationType(row.organization),
    status: row.status,
    appliedAt: row.appliedAt,
    decidedAt: row.decidedAt,
    decisionReason: row.decisionReason,
    withdrawnAt: row.withdrawnAt,
    ...toProfileFields(row),
  };
}
