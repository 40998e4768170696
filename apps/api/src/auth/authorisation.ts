import 'reflect-metadata';

export const AUTHORISATION = 'tsunagu:authorisation';

// Who may call an operation, checked by the guard before the resolver runs.
export enum Role {
  PLATFORM_ADMIN = 'PLATFORM_ADMIN',
  REGION_STAFF = 'REGION_STAFF',
  INTERMEDIARY_STAFF = 'INTERMEDIARY_STAFF',
}

// The rules a service checks against the object an operation names (PolicyService or the
// service's own query), because the guard cannot know the object. A declaration names one so a
// reader sees where the check is; the authorisation matrix e2e holds each to it.
export const SERVICE_RULES = {
  organizationOwner: "The organisation's owners, or platform admins (canManageOrganization).",
  organizationMember: "The organisation's members, or platform admins (canSeeMembersOf).",
  companyOwner: "The company's owners, or platform admins (canManageCompany).",
  companyMember: "The company's members, or platform admins (canViewCompany).",
  invitee: 'The person whose verified e-mail address a company invited.',
  intermediaryStaff: "The intermediary's staff, or platform admins (canWorkForIntermediary).",
  programStaff: "The program's intermediary staff, or platform admins (canRunProgramsOf).",
  cohortStaff: "The staff of the cohort's intermediary (canManageCohorts, canAddToCohort).",
  cohortMember: "The cohort's members; its intermediary's staff see it all.",
  projectRegion: "The staff of the project's region (canCreateProjectFor, canEditProject).",
  projectRemit: "Intermediaries covering the project's place, or admins (canPublishProject).",
  projectSupervisor: "The project's region and covering intermediaries, or admins (canSupervise).",
  participant: 'Someone with a participant profile the project is open to.',
  engagementParty: "The engagement's participant, region or supervising intermediaries.",
  // APPI: admins read an engagement (its page and history, as its thread) to support its parties,
  // a purpose of use the privacy notice states; they take no step and see no contact details.
  engagementReader:
    "The engagement's parties (engagementParty), or platform admins, who read it and its history.",
  scouting: "The project's region or an intermediary covering its place (canScoutFor).",
  scoutOfferParty: 'The offer’s addressee answers it; its sender’s staff withdraw it.',
  conversationParty:
    "The thread's participant, the project's region and covering intermediaries; admins read.",
  profileVisibility:
    "Profiles open to the viewer's kind of organisation (canViewParticipantProfile).",
  remit: "What the actor's remits cover (remitOf), or their region's.",
  regionStaff: "The region's staff, or intermediaries covering it.",
  regionOwnStaff: "The region's own staff, or platform admins (canEditRegionProfile).",
  webhookOwner: "The endpoint organisation's owners, or platform admins.",
  scoringRunRequester: 'Platform admins, or whoever requested the run.',
  eventOrganizer:
    "The organising intermediary's, region's or council secretariat's (platform's) staff (canManageEventsOf).",
  eventRegistrant: 'The registrant themselves, on a published event open to them.',
  mentor: 'A mentor appointed by a platform admin, on their own profile, slots and sessions.',
  mentoringMember: "The member organisation's staff (its council membership approved).",
  mentoringParty: "The session's mentor, or the booking organisation's staff.",
  activityDayVolunteer:
    "Someone whose own engagement on the day's project is accepted, approved or active.",
  councilRepresentative:
    "The organisation's own staff, any kind but the platform (canRepresentInCouncil).",
} as const;
export type ServiceRule = keyof typeof SERVICE_RULES;

export type Authorisation =
  // Anyone, signed in or not.
  | { kind: 'public' }
  // Any signed-in user: the service acts on the actor's own data, or on data open to every user.
  | { kind: 'authenticated' }
  // Signed in with one of the roles; the service checks the rule against the object, if any.
  | { kind: 'allow'; roles: readonly Role[]; rule?: ServiceRule }
  // Signed in; the service checks the rule against the object the operation names.
  | { kind: 'service'; rule: ServiceRule }
  // A field of a type: as visible as the object that the operation returning it authorised.
  | { kind: 'parent' };

type AnyDecorator = (
  target: object,
  key?: string | symbol,
  descriptor?: PropertyDescriptor,
) => void;

// Each declaration is appended, so a handler with two is seen (and refused at boot) rather than
// one silently overriding the other.
function declare(authorisation: Authorisation): AnyDecorator {
  return (target, _key, descriptor) => {
    const holder = (descriptor?.value as object | undefined) ?? target;
    const existing = authorisationsOf(holder);
    Reflect.defineMetadata(AUTHORISATION, [...existing, authorisation], holder);
  };
}

export function authorisationsOf(handler: object): readonly Authorisation[] {
  return (Reflect.getOwnMetadata(AUTHORISATION, handler) as Authorisation[] | undefined) ?? [];
}

// No sign-in needed. Use sparingly.
export const Public = () => declare({ kind: 'public' });

// Any signed-in user, for operations on their own data (the service scopes by actor) or on data
// every signed-in user may see (a program's weights).
export const Authenticated = () => declare({ kind: 'authenticated' });

// The guard refuses anyone without one of the roles; `rule` names what the service then checks
// against the object.
export const Allow = (roles: Role | readonly Role[], rule?: ServiceRule) =>
  declare({ kind: 'allow', roles: typeof roles === 'string' ? [roles] : roles, rule });

// Any signed-in user may ask; the service decides by the rule, which needs the object.
export const ServiceChecks = (rule: ServiceRule) => declare({ kind: 'service', rule });

// Field resolvers only: guards do not run on them, so they expose nothing their parent's
// operation did not authorise.
export const AsParent = () => declare({ kind: 'parent' });
