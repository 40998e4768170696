import type { Locale } from './user.entity';
import type { MembershipRole, OrganizationKind } from './organization.types';

export interface ActorMembership {
  organizationId: string;
  organizationKind: OrganizationKind;
  role: MembershipRole;
  // For REGION organisations.
  municipalityCode: string | null;
  // For INTERMEDIARY organisations: the areas they are funded to cover.
  remitPrefectureCodes: string[];
  remitMunicipalityCodes: string[];
}

// Who is making a request, with everything authorisation needs, loaded once per request.
export interface Actor {
  userId: string;
  locale: Locale;
  memberships: ActorMembership[];
}
