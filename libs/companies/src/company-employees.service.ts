import { Injectable } from '@nestjs/common';
import {
  AppError,
  byId,
  byTimestamp,
  Connection,
  containsPattern,
  mapConnection,
  Page,
  paginateKeyset,
} from '@tsunagu/core';
import {
  Actor,
  Membership,
  MembershipRole,
  normalizeEmail,
  Organization,
  OrganizationKind,
  PolicyService,
  User,
} from '@tsunagu/identity';
import { ParticipantKind, ParticipantProfileService } from '@tsunagu/participants';
import { DataSource, IsNull } from 'typeorm';
import { CompanyInvitation } from './company-invitation.entity';
import { CompanyTeamMember } from './company-team-member.entity';
import type {
  CompanyEmployeeType,
  InviteCompanyEmployeeInput,
  RemoveCompanyEmployeeInput,
} from './company.types';

// Engagements the region accepted and the intermediary approved, running or done.
const ENGAGED_STATUSES = `('APPROVED', 'ACTIVE', 'COMPLETED')`;

// Newest enrolled first; read from membership_organization_listing_idx, a page at a time (a
// national company has thousands of employees).
const EMPLOYEE_KEYS = [byTimestamp('m.createdAt'), byId('m.userId')];
const INVITATION_KEYS = [byTimestamp('i.createdAt'), byId('i.id')];

// A pending invitation with its company loaded, addressed to the person reading it.
export interface MyCompanyInvitationView {
  invitation: CompanyInvitation;
  company: Organization;
}

// Enrolling employees: the company invites an e-mail address, the person accepts.
@Injectable()
export class CompanyEmployeeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly profiles: ParticipantProfileService,
  ) {}

  // Employees are members with a COMPANY_EMPLOYEE profile linked to the company: both halves are
  // the employee's own doing (accepting the invitation), so nothing is listed without consent.
  async listEmployees(
    actor: Actor,
    companyOrganizationId: string,
    search: string | null | undefined,
    page: Page,
  ): Promise<Connection<CompanyEmployeeType>> {
    await this.managedCompany(actor, companyOrganizationId);
    const qb = this.dataSource
      .getRepository(Membership)
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.user', 'u', 'u.deletedAt IS NULL')
      .innerJoin(
        'participant_profile',
        'pp',
        `pp.user_id = m.user_id AND pp.kind = 'COMPANY_EMPLOYEE'
         AND pp.company_organization_id = m.organization_id`,
      )
      .where('m.organizationId = :companyOrganizationId', { companyOrganizationId });
    const term = search?.trim();
    if (term) qb.andWhere('u.displayName ILIKE :pattern', { pattern: containsPattern(term) });
    const connection = await paginateKeyset(qb, { ...page, keys: EMPLOYEE_KEYS });
    const counts = await this.engagementCounts(connection.edges.map((e) => e.node.userId));
    return mapConnection(connection, (m) => ({
      userId: m.userId,
      displayName: m.user!.displayName,
      kind: ParticipantKind.COMPANY_EMPLOYEE,
      enrolledAt: m.createdAt,
      engagementCount: counts.get(m.userId)?.engagements ?? 0,
      activeEngagementCount: counts.get(m.userId)?.engaged ?? 0,
    }));
  }

  // Invitations still awaiting an answer, newest first.
  async listInvitations(
    actor: Actor,
    companyOrganizationId: string,
    page: Page,
  ): Promise<Connection<CompanyInvitation>> {
    await this.managedCompany(actor, companyOrganizationId);
    const qb = this.dataSource
      .getRepository(CompanyInvitation)
      .createQueryBuilder('i')
      .where('i.companyOrganizationId = :companyOrganizationId', { companyOrganizationId })
      .andWhere('i.acceptedAt IS NULL');
    return paginateKeyset(qb, { ...page, keys: INVITATION_KEYS });
  }

  // Both counts for a page of employees in one look at their engagements.
  private async engagementCounts(
    userIds: string[],
  ): Promise<Map<string, { engagements: number; engaged: number }>> {
    if (userIds.length === 0) return new Map();
    const rows: Array<{ userId: string; engagements: number; engaged: number }> =
      await this.dataSource.query(
        `SELECT e.participant_id AS "userId", count(*)::int AS engagements,
                count(*) FILTER (WHERE e.status::text IN ${ENGAGED_STATUSES})::int AS engaged
           FROM engagement e WHERE e.participant_id = ANY($1::uuid[])
          GROUP BY e.participant_id`,
        [userIds],
      );
    return new Map(rows.map((r) => [r.userId, r]));
  }

  // The same answer whether or not the address has an account, so inviting reveals nothing.
  // Inviting again renews a pending invitation, or re-opens one a removed employee had accepted.
  async invite(actor: Actor, input: InviteCompanyEmployeeInput): Promise<CompanyInvitation> {
    await this.managedCompany(actor, input.companyOrganizationId, [
      'input',
      'companyOrganizationId',
    ]);
    const email = normalizeEmail(input.email);
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `INSERT INTO company_invitation (company_organization_id, email, invited_by_user_id)
       VALUES ($1, $2, $3)
       ON CONFLICT (company_organization_id, email) DO UPDATE
         SET invited_by_user_id = EXCLUDED.invited_by_user_id, created_at = now(),
             accepted_at = NULL
       RETURNING id`,
      [input.companyOrganizationId, email, actor.userId],
    );
    return this.dataSource.getRepository(CompanyInvitation).findOneByOrFail({ id: rows[0].id });
  }

  // Withdraws a pending invitation.
  async withdraw(actor: Actor, invitationId: string): Promise<void> {
    const invitation = await this.dataSource
      .getRepository(CompanyInvitation)
      .findOneBy({ id: invitationId, acceptedAt: IsNull() });
    if (!invitation) throw AppError.notFound('Company invitation', invitationId);
    this.policy.assert(
      this.policy.canManageCompany(actor, invitation.companyOrganizationId),
      'Only the company’s owners or platform admins withdraw its invitations',
    );
    await this.dataSource
      .getRepository(CompanyInvitation)
      .delete({ id: invitationId, acceptedAt: IsNull() });
  }

  // Pending invitations to the actor's address, once they have shown it is theirs.
  async mine(actor: Actor): Promise<MyCompanyInvitationView[]> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: actor.userId });
    if (!user?.emailVerifiedAt) return [];
    const invitations = await this.dataSource.getRepository(CompanyInvitation).find({
      where: { email: user.email, acceptedAt: IsNull() },
      relations: { companyOrganization: true },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
    return invitations.map((invitation) => ({
      invitation,
      company: invitation.companyOrganization!,
    }));
  }

  // Accepting makes the actor a member of the company and its COMPANY_EMPLOYEE, together.
  async accept(actor: Actor, invitationId: string): Promise<MyCompanyInvitationView> {
    await this.dataSource.transaction(async (m) => {
      const invitation = await m.getRepository(CompanyInvitation).findOne({
        where: { id: invitationId },
        lock: { mode: 'pessimistic_write' },
      });
      const user = await m.getRepository(User).findOneBy({ id: actor.userId });
      // Someone else's invitation reads as missing: its existence is not the actor's business.
      if (!invitation || invitation.acceptedAt || !user || invitation.email !== user.email) {
        throw AppError.notFound('Company invitation', invitationId);
      }
      const path = ['input', 'invitationId'];
      if (!user.emailVerifiedAt) {
        throw AppError.invalidField(path, 'verify your e-mail address first');
      }
      await m
        .createQueryBuilder()
        .insert()
        .into(Membership)
        .values({
          organizationId: invitation.companyOrganizationId,
          userId: user.id,
          role: MembershipRole.STAFF,
        })
        .orIgnore()
        .execute();
      const enrolled = await this.profiles.enrolInCompanyWithin(
        m,
        user.id,
        invitation.companyOrganizationId,
      );
      if (!enrolled) {
        throw AppError.invalidField(
          path,
          'create your participant profile first: the company enrols participants',
        );
      }
      await m.update(CompanyInvitation, { id: invitation.id }, { acceptedAt: new Date() });
    });
    const invitation = await this.dataSource.getRepository(CompanyInvitation).findOneOrFail({
      where: { id: invitationId },
      relations: { companyOrganization: true },
    });
    return { invitation, company: invitation.companyOrganization! };
  }

  // Ends the employee's membership and takes them off the company's teams. Their profile is
  // theirs: it still names the company until they change it, but lists and teams need both.
  async remove(actor: Actor, input: RemoveCompanyEmployeeInput): Promise<void> {
    await this.managedCompany(actor, input.companyOrganizationId, [
      'input',
      'companyOrganizationId',
    ]);
    await this.dataSource.transaction(async (m) => {
      const membership = await m.getRepository(Membership).findOne({
        where: { organizationId: input.companyOrganizationId, userId: input.userId },
        relations: { user: true },
        lock: { mode: 'pessimistic_write', tables: ['membership'] },
      });
      if (!membership) throw AppError.notFound('Company employee', input.userId);
      if (membership.role === MembershipRole.OWNER) {
        throw AppError.invalidField(
          ['input', 'userId'],
          'is an owner of the company: owners are not removed as employees',
        );
      }
      await m.delete(Membership, { id: membership.id });
      await m
        .createQueryBuilder()
        .delete()
        .from(CompanyTeamMember)
        .where('userId = :userId', { userId: input.userId })
        .andWhere(
          `team_id IN (SELECT id FROM company_team WHERE company_organization_id = :companyId)`,
          { companyId: input.companyOrganizationId },
        )
        .execute();
      if (membership.user) {
        await m.delete(CompanyInvitation, {
          companyOrganizationId: input.companyOrganizationId,
          email: membership.user.email,
        });
      }
    });
  }

  private async managedCompany(
    actor: Actor,
    companyOrganizationId: string,
    path?: string[],
  ): Promise<Organization> {
    const company = await this.dataSource
      .getRepository(Organization)
      .findOneBy({ id: companyOrganizationId });
    if (company?.kind !== OrganizationKind.COMPANY) {
      if (path) throw AppError.invalidField(path, 'is not a COMPANY organisation');
      throw AppError.notFound('Company', companyOrganizationId);
    }
    this.policy.assert(
      this.policy.canManageCompany(actor, companyOrganizationId),
      'Only the company’s owners or platform admins manage its employees',
    );
    return company;
  }
}
