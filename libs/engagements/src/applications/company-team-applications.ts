import { Injectable } from '@nestjs/common';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AppError } from '@tsunagu/core';
import { Actor, Organization, OrganizationKind, PolicyService } from '@tsunagu/identity';
import { DataSource } from 'typeorm';
import { EngagementStatus } from '../lifecycle/engagement-state';

@ObjectType('CompanyTeamApplication', {
  description: "A team member's application to a project of one of the company's programs.",
})
export class CompanyTeamApplicationType {
  @Field(() => ID)
  teamId!: string;

  @Field(() => ID)
  engagementId!: string;

  @Field(() => ID)
  projectId!: string;

  @Field()
  projectTitle!: string;

  @Field({ description: "The member's display name" })
  participantName!: string;

  @Field(() => EngagementStatus)
  status!: EngagementStatus;

  @Field()
  submittedAt!: Date;
}

// A team's applications are its members' engagements on projects the company's programs target
// (applyAsCompanyTeam submits one per member): newest first, then by team and name.
const TEAM_APPLICATIONS_SQL = `
SELECT ct.id AS "teamId", e.id AS "engagementId", p.id AS "projectId", p.title AS "projectTitle",
       u.display_name AS "participantName", e.status::text AS status, e.created_at AS "submittedAt"
  FROM company_team ct
  JOIN company_team_member ctm ON ctm.team_id = ct.id
  JOIN engagement e ON e.participant_id = ctm.user_id
  JOIN project p ON p.id = e.project_id
  JOIN "user" u ON u.id = ctm.user_id
 WHERE ct.company_organization_id = $1
   AND EXISTS (SELECT 1 FROM company_program_project cpp
                 JOIN company_program cp ON cp.id = cpp.program_id
                WHERE cpp.project_id = e.project_id
                  AND cp.company_organization_id = ct.company_organization_id)
 ORDER BY e.created_at DESC, ct.name, u.display_name, e.id
 LIMIT 500`;

@Injectable()
export class CompanyTeamApplicationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
  ) {}

  async list(actor: Actor, companyOrganizationId: string): Promise<CompanyTeamApplicationType[]> {
    const company = await this.dataSource
      .getRepository(Organization)
      .findOneBy({ id: companyOrganizationId });
    if (company?.kind !== OrganizationKind.COMPANY) {
      throw AppError.notFound('Company', companyOrganizationId);
    }
    this.policy.assert(
      this.policy.canManageCompany(actor, companyOrganizationId),
      'Only the company’s owners or platform admins follow its team applications',
    );
    return this.dataSource.query(TEAM_APPLICATIONS_SQL, [companyOrganizationId]);
  }
}
