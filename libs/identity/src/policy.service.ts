import { Injectable } from '@nestjs/common';
import { AppError } from '@tsunagu/core';
import type { Actor, ActorMembership } from './actor';
import { remitCovers } from './remit-coverage';
import { MembershipRole, OrganizationKind } from './organization.types';

// The project facts authorisation needs; kept structural so identity does not import projects.
export interface ProjectScope {
  regionOrganizationId: string;
  municipalityCode: string;
}

// Every authorisation rule in one place: by membership and remit, never by role name alone.
// Pure: decisions from the actor and the resource's scope.
@Injectable()
export class PolicyService {
  isPlatformAdmin(actor: Actor): boolean {
    return actor.memberships.some((m) => m.organizationKind === OrganizationKind.PLATFORM);
  }

  membership(actor: Actor, organizationId: string): ActorMembership | undefined {
    return actor.memberships.find((m) => m.organizationId === organizationId);
  }

  // An intermediary membership whose remit covers the municipality (directly or by prefecture).
  coversMunicipality(actor: Actor, municipalityCode: string): boolean {
    return actor.memberships.some(
      (m) =>
        m.organizationKind === OrganizationKind.INTERMEDIARY &&
        remitCovers(
          { prefectureCodes: m.remitPrefectureCodes, municipalityCodes: m.remitMunicipalityCodes },
          municipalityCode,
        ),
    );
  }

  canManageOrganization(actor: Actor, organizationId: string): boolean {
    return (
      this.isPlatformAdmin(actor) ||
      this.membership(actor, organizationId)?.role === MembershipRole.OWNER
    );
  }

  canCreateProjectFor(actor: Actor, regionOrganizationId: string): boolean {
    return (
      this.membership(actor, regionOrganizationId)?.organizationKind === OrganizationKind.REGION
    );
  }

  canEditProject(actor: Actor, project: ProjectScope): boolean {
    return this.canCreateProjectFor(actor, project.regionOrganizationId);
  }

  canPublishProject(actor: Actor, project: ProjectScope): boolean {
    return this.isPlatformAdmin(actor) || this.coversMunicipality(actor, project.municipalityCode);
  }

  // The region that owns the project and intermediaries covering its place (plus admins).
  canSupervise(actor: Actor, project: ProjectScope): boolean {
    return this.canEditProject(actor, project) || this.canPublishProject(actor, project);
  }

  // The profile visibility settings (ProfileVisibility values, kept as strings so identity does
  // not import participants) whose profiles the actor may find and read. Intermediaries see what
  // participants opened to intermediaries; region staff only what was opened to regions too;
  // anyone else nothing, platform admins included: visibility is the participant's consent.
  // NOBODY is never in the list.
  viewableProfileVisibilities(actor: Actor): string[] {
    const kinds = new Set(actor.memberships.map((m) => m.organizationKind));
    if (kinds.has(OrganizationKind.INTERMEDIARY))
      return ['INTERMEDIARIES', 'INTERMEDIARIES_AND_REGIONS'];
    if (kinds.has(OrganizationKind.REGION)) return ['INTERMEDIARIES_AND_REGIONS'];
    return [];
  }

  canSearchParticipants(actor: Actor): boolean {
    return this.viewableProfileVisibilities(actor).length > 0;
  }

  canViewParticipantProfile(actor: Actor, visibility: string): boolean {
    return this.viewableProfileVisibilities(actor).includes(visibility);
  }

  // Programs and teams are the company owners' to set up (or a platform admin's).
  canManageCompany(actor: Actor, companyOrganizationId: string): boolean {
    const m = this.membership(actor, companyOrganizationId);
    return (
      this.isPlatformAdmin(actor) ||
      (m?.organizationKind === OrganizationKind.COMPANY && m.role === MembershipRole.OWNER)
    );
  }

  // Any member of the company (owners and enrolled employees) sees its programs and teams.
  canViewCompany(actor: Actor, companyOrganizationId: string): boolean {
    return (
      this.isPlatformAdmin(actor) ||
      this.membership(actor, companyOrganizationId)?.organizationKind === OrganizationKind.COMPANY
    );
  }

  assert(allowed: boolean, message?: string): void {
    if (!allowed) throw AppError.forbidden(message);
  }
}
