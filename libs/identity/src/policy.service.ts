import { Injectable } from '@nestjs/common';
import { AppError, JapanGeography } from '@tsunagu/core';
import type { Actor, ActorMembership } from './actor';
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
    const prefectureCode = JapanGeography.get().municipality(municipalityCode)?.prefectureCode;
    return actor.memberships.some(
      (m) =>
        m.organizationKind === OrganizationKind.INTERMEDIARY &&
        (m.remitMunicipalityCodes.includes(municipalityCode) ||
          (prefectureCode !== undefined && m.remitPrefectureCodes.includes(prefectureCode))),
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

  assert(allowed: boolean, message?: string): void {
    if (!allowed) throw AppError.forbidden(message);
  }
}
