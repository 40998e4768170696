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

// Profile visibility settings (ProfileVisibility values) open to each kind of organisation.
const VISIBILITIES_OPEN_TO: Record<OrganizationKind, readonly string[]> = {
  [OrganizationKind.INTERMEDIARY]: ['INTERMEDIARIES', 'INTERMEDIARIES_AND_REGIONS'],
  [OrganizationKind.REGION]: ['INTERMEDIARIES_AND_REGIONS'],
  [OrganizationKind.COMPANY]: [],
  [OrganizationKind.PLATFORM]: [],
};

// Every authorisation rule in one place: by membership and remit, never by role name alone.
// Pure: decisions from the actor and the resource's scope.
@Injectable()
export class PolicyService {
  // An intermediary's programs (their creation, check-in rhythm and matching weights) are its
  // staff's, or a platform admin's.
  canRunProgramsOf(actor: Actor, intermediaryOrganizationId: string): boolean {
    return (
      this.isPlatformAdmin(actor) ||
      this.membership(actor, intermediaryOrganizationId) !== undefined
    );
  }

  // Work that is an intermediary's own (its review queue): its staff's, or a platform admin's.
  canWorkForIntermediary(actor: Actor, intermediaryOrganizationId: string): boolean {
    return this.canRunProgramsOf(actor, intermediaryOrganizationId);
  }

  isPlatformAdmin(actor: Actor): boolean {
    return actor.memberships.some((m) => m.organizationKind === OrganizationKind.PLATFORM);
  }

  // On the staff of some organisation of that kind: the up-front part of a staff-only rule,
  // before the service checks which organisation.
  isStaffOf(actor: Actor, kind: OrganizationKind): boolean {
    return actor.memberships.some((m) => m.organizationKind === kind);
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

  // The places the actor's intermediary memberships cover (every remit together), or null for
  // someone on no intermediary's staff. Queries filter by these codes in SQL.
  remitOf(actor: Actor): { prefectureCodes: string[]; municipalityCodes: string[] } | null {
    const remits = actor.memberships.filter(
      (m) => m.organizationKind === OrganizationKind.INTERMEDIARY,
    );
    if (remits.length === 0) return null;
    return {
      prefectureCodes: [...new Set(remits.flatMap((m) => m.remitPrefectureCodes))],
      municipalityCodes: [...new Set(remits.flatMap((m) => m.remitMunicipalityCodes))],
    };
  }

  // Colleagues see each other (names and roles): any member, or a platform admin.
  canSeeMembersOf(actor: Actor, organizationId: string): boolean {
    return this.isPlatformAdmin(actor) || this.membership(actor, organizationId) !== undefined;
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

  // A region's public page and population: its own staff, or platform admins.
  canEditRegionProfile(actor: Actor, regionOrganizationId: string): boolean {
    return this.isPlatformAdmin(actor) || this.canCreateProjectFor(actor, regionOrganizationId);
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
      return [...VISIBILITIES_OPEN_TO[OrganizationKind.INTERMEDIARY]];
    if (kinds.has(OrganizationKind.REGION))
      return [...VISIBILITIES_OPEN_TO[OrganizationKind.REGION]];
    return [];
  }

  // The memberships a scout offer for the project may go out through: the project's own region,
  // or an intermediary whose remit covers its place. Admins do not scout: they see no profiles.
  scoutingMemberships(actor: Actor, project: ProjectScope): ActorMembership[] {
    return actor.memberships.filter(
      (m) =>
        (m.organizationKind === OrganizationKind.REGION &&
          m.organizationId === project.regionOrganizationId) ||
        (m.organizationKind === OrganizationKind.INTERMEDIARY &&
          remitCovers(
            {
              prefectureCodes: m.remitPrefectureCodes,
              municipalityCodes: m.remitMunicipalityCodes,
            },
            project.municipalityCode,
          )),
    );
  }

  canScoutFor(actor: Actor, project: ProjectScope): boolean {
    return this.scoutingMemberships(actor, project).length > 0;
  }

  // The organisation an offer to this participant is sent from: one the actor scouts for the
  // project through, of a kind the participant opened their profile to (the project's region
  // first). Undefined when there is none, so the offer never reaches someone who did not consent.
  scoutingOrganizationFor(
    actor: Actor,
    project: ProjectScope,
    profileVisibility: string,
  ): string | undefined {
    const open = this.scoutingMemberships(actor, project).filter((m) =>
      VISIBILITIES_OPEN_TO[m.organizationKind].includes(profileVisibility),
    );
    return (open.find((m) => m.organizationKind === OrganizationKind.REGION) ?? open[0])
      ?.organizationId;
  }

  // Offers are withdrawn by staff of the organisation that sent them.
  canWithdrawScoutOffer(actor: Actor, senderOrganizationId: string): boolean {
    return this.membership(actor, senderOrganizationId) !== undefined;
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

  // The companies the actor belongs to (owners and enrolled employees): canViewCompany's members,
  // as a list for queries. Platform admins see every company but are in none.
  companiesOf(actor: Actor): string[] {
    return actor.memberships
      .filter((m) => m.organizationKind === OrganizationKind.COMPANY)
      .map((m) => m.organizationId);
  }

  // Cohorts are run by the staff of the program's intermediary. Not by platform admins: the
  // allocation works on participant profiles, which admins do not see.
  canManageCohorts(actor: Actor, intermediaryOrganizationId: string): boolean {
    return (
      this.membership(actor, intermediaryOrganizationId)?.organizationKind ===
      OrganizationKind.INTERMEDIARY
    );
  }

  // A project joins a cohort when the cohort's intermediary (not just any of the actor's) covers
  // its place.
  canAddToCohort(actor: Actor, intermediaryOrganizationId: string, project: ProjectScope): boolean {
    const m = this.membership(actor, intermediaryOrganizationId);
    return (
      m?.organizationKind === OrganizationKind.INTERMEDIARY &&
      remitCovers(
        { prefectureCodes: m.remitPrefectureCodes, municipalityCodes: m.remitMunicipalityCodes },
        project.municipalityCode,
      )
    );
  }

  // Events are organised by an intermediary's or a region's staff, and the council's member events
  // by the platform's (its secretariat). Their registrants' names are the organiser's to see.
  canManageEventsOf(actor: Actor, organizerOrganizationId: string): boolean {
    const kind = this.membership(actor, organizerOrganizationId)?.organizationKind;
    return (
      kind === OrganizationKind.INTERMEDIARY ||
      kind === OrganizationKind.REGION ||
      kind === OrganizationKind.PLATFORM
    );
  }

  // An organisation's council membership (applying, withdrawing, later its profile) is its own
  // staff's, owners or not: any region, intermediary or company may join; the platform may not.
  canRepresentInCouncil(actor: Actor, organizationId: string): boolean {
    const kind = this.membership(actor, organizationId)?.organizationKind;
    return kind !== undefined && kind !== OrganizationKind.PLATFORM;
  }

  assert(allowed: boolean, message?: string): void {
    if (!allowed) throw AppError.forbidden(message);
  }
}
