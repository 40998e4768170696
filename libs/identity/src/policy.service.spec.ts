import { AppError, ErrorCode } from '@tsunagu/core';
import type { Actor, ActorMembership } from './actor';
import { MembershipRole, OrganizationKind } from './organization.types';
import { PolicyService, ProjectScope } from './policy.service';

// Real codes from the shipped geography data.
const HOKKAIDO = '01';
const BIHORO = '015431'; // 北海道美幌町
const ICHINOSEKI = '032093'; // 岩手県一関市

function membership(overrides: Partial<ActorMembership>): ActorMembership {
  return {
    organizationId: 'org',
    organizationKind: OrganizationKind.COMPANY,
    role: MembershipRole.STAFF,
    municipalityCode: null,
    remitPrefectureCodes: [],
    remitMunicipalityCodes: [],
    ...overrides,
  };
}

function actor(...memberships: ActorMembership[]): Actor {
  return { userId: 'user-1', locale: 'ja', memberships };
}

const admin = actor(
  membership({ organizationId: 'platform', organizationKind: OrganizationKind.PLATFORM }),
);
const participant = actor();
const bihoroStaff = actor(
  membership({
    organizationId: 'region-bihoro',
    organizationKind: OrganizationKind.REGION,
    municipalityCode: BIHORO,
  }),
);
const bihoroOwner = actor(
  membership({
    organizationId: 'region-bihoro',
    organizationKind: OrganizationKind.REGION,
    role: MembershipRole.OWNER,
    municipalityCode: BIHORO,
  }),
);
const hokkaidoIntermediary = actor(
  membership({
    organizationId: 'npo-hokkaido',
    organizationKind: OrganizationKind.INTERMEDIARY,
    remitPrefectureCodes: [HOKKAIDO],
  }),
);
const bihoroIntermediary = actor(
  membership({
    organizationId: 'npo-bihoro',
    organizationKind: OrganizationKind.INTERMEDIARY,
    remitMunicipalityCodes: [BIHORO],
  }),
);

const bihoroProject: ProjectScope = {
  regionOrganizationId: 'region-bihoro',
  municipalityCode: BIHORO,
};
const ichinosekiProject: ProjectScope = {
  regionOrganizationId: 'region-ichinoseki',
  municipalityCode: ICHINOSEKI,
};

describe('PolicyService', () => {
  const policy = new PolicyService();

  describe('isPlatformAdmin', () => {
    it('is true only with a PLATFORM membership', () => {
      expect(policy.isPlatformAdmin(admin)).toBe(true);
      expect(policy.isPlatformAdmin(bihoroOwner)).toBe(false);
      expect(policy.isPlatformAdmin(hokkaidoIntermediary)).toBe(false);
      expect(policy.isPlatformAdmin(participant)).toBe(false);
    });
  });

  describe('coversMunicipality', () => {
    it('covers a municipality through a prefecture remit', () => {
      expect(policy.coversMunicipality(hokkaidoIntermediary, BIHORO)).toBe(true);
    });

    it('covers a municipality through a municipality remit', () => {
      expect(policy.coversMunicipality(bihoroIntermediary, BIHORO)).toBe(true);
    });

    it('does not cover a municipality outside the remit', () => {
      expect(policy.coversMunicipality(hokkaidoIntermediary, ICHINOSEKI)).toBe(false);
      expect(policy.coversMunicipality(bihoroIntermediary, ICHINOSEKI)).toBe(false);
    });

    it('ignores remit codes on memberships that are not INTERMEDIARY', () => {
      const region = actor(
        membership({
          organizationId: 'region-bihoro',
          organizationKind: OrganizationKind.REGION,
          municipalityCode: BIHORO,
          remitPrefectureCodes: [HOKKAIDO],
          remitMunicipalityCodes: [BIHORO],
        }),
      );

      expect(policy.coversMunicipality(region, BIHORO)).toBe(false);
      expect(policy.coversMunicipality(bihoroStaff, BIHORO)).toBe(false);
    });

    it('does not cover an unknown municipality code by prefecture', () => {
      expect(policy.coversMunicipality(hokkaidoIntermediary, '019999')).toBe(false);
    });

    it('does not cover anything for a participant or an admin', () => {
      expect(policy.coversMunicipality(participant, BIHORO)).toBe(false);
      expect(policy.coversMunicipality(admin, BIHORO)).toBe(false);
    });
  });

  describe('canCreateProjectFor', () => {
    it('allows members of that REGION organisation, whatever their role', () => {
      expect(policy.canCreateProjectFor(bihoroStaff, 'region-bihoro')).toBe(true);
      expect(policy.canCreateProjectFor(bihoroOwner, 'region-bihoro')).toBe(true);
    });

    it('refuses members of another region', () => {
      expect(policy.canCreateProjectFor(bihoroStaff, 'region-ichinoseki')).toBe(false);
    });

    it('refuses an organisation that is not a REGION, even for its owner', () => {
      const companyOwner = actor(
        membership({ organizationId: 'company-1', role: MembershipRole.OWNER }),
      );

      expect(policy.canCreateProjectFor(companyOwner, 'company-1')).toBe(false);
    });

    it('refuses intermediaries, participants and admins', () => {
      expect(policy.canCreateProjectFor(hokkaidoIntermediary, 'region-bihoro')).toBe(false);
      expect(policy.canCreateProjectFor(participant, 'region-bihoro')).toBe(false);
      expect(policy.canCreateProjectFor(admin, 'region-bihoro')).toBe(false);
    });
  });

  describe('canPublishProject', () => {
    it('allows an intermediary covering the place, and an admin', () => {
      expect(policy.canPublishProject(hokkaidoIntermediary, bihoroProject)).toBe(true);
      expect(policy.canPublishProject(bihoroIntermediary, bihoroProject)).toBe(true);
      expect(policy.canPublishProject(admin, bihoroProject)).toBe(true);
      expect(policy.canPublishProject(admin, ichinosekiProject)).toBe(true);
    });

    it("refuses the region's own staff and owners", () => {
      expect(policy.canPublishProject(bihoroStaff, bihoroProject)).toBe(false);
      expect(policy.canPublishProject(bihoroOwner, bihoroProject)).toBe(false);
    });

    it('refuses an intermediary whose remit lies elsewhere', () => {
      expect(policy.canPublishProject(hokkaidoIntermediary, ichinosekiProject)).toBe(false);
    });

    it('refuses a participant with no memberships', () => {
      expect(policy.canPublishProject(participant, bihoroProject)).toBe(false);
    });
  });

  describe('canSupervise', () => {
    it('allows the owning region, a covering intermediary and an admin', () => {
      expect(policy.canSupervise(bihoroStaff, bihoroProject)).toBe(true);
      expect(policy.canSupervise(hokkaidoIntermediary, bihoroProject)).toBe(true);
      expect(policy.canSupervise(admin, bihoroProject)).toBe(true);
    });

    it('refuses another region, an intermediary elsewhere and a participant', () => {
      expect(policy.canSupervise(bihoroStaff, ichinosekiProject)).toBe(false);
      expect(policy.canSupervise(hokkaidoIntermediary, ichinosekiProject)).toBe(false);
      expect(policy.canSupervise(participant, bihoroProject)).toBe(false);
    });
  });

  describe('canScoutFor / scoutingOrganizationFor', () => {
    const companyOwner = actor(
      membership({ organizationId: 'company-1', role: MembershipRole.OWNER }),
    );
    const regionAndHub = actor(bihoroStaff.memberships[0], hokkaidoIntermediary.memberships[0]);
    const ichinosekiStaffAndHub = actor(
      membership({
        organizationId: 'region-ichinoseki',
        organizationKind: OrganizationKind.REGION,
        municipalityCode: ICHINOSEKI,
      }),
      hokkaidoIntermediary.memberships[0],
    );

    it("allows the project's own region and intermediaries covering its place", () => {
      expect(policy.canScoutFor(bihoroStaff, bihoroProject)).toBe(true);
      expect(policy.canScoutFor(bihoroOwner, bihoroProject)).toBe(true);
      expect(policy.canScoutFor(hokkaidoIntermediary, bihoroProject)).toBe(true);
      expect(policy.canScoutFor(bihoroIntermediary, bihoroProject)).toBe(true);
    });

    it('refuses another region, an intermediary elsewhere, participants, companies and admins', () => {
      expect(policy.canScoutFor(bihoroStaff, ichinosekiProject)).toBe(false);
      expect(policy.canScoutFor(hokkaidoIntermediary, ichinosekiProject)).toBe(false);
      expect(policy.canScoutFor(participant, bihoroProject)).toBe(false);
      expect(policy.canScoutFor(companyOwner, bihoroProject)).toBe(false);
      expect(policy.canScoutFor(admin, bihoroProject)).toBe(false);
    });

    it('sends from the region only to profiles opened to regions', () => {
      expect(
        policy.scoutingOrganizationFor(bihoroStaff, bihoroProject, 'INTERMEDIARIES_AND_REGIONS'),
      ).toBe('region-bihoro');
      expect(
        policy.scoutingOrganizationFor(bihoroStaff, bihoroProject, 'INTERMEDIARIES'),
      ).toBeUndefined();
    });

    it('sends from a covering intermediary to profiles opened to intermediaries', () => {
      for (const visibility of ['INTERMEDIARIES', 'INTERMEDIARIES_AND_REGIONS']) {
        expect(
          policy.scoutingOrganizationFor(hokkaidoIntermediary, bihoroProject, visibility),
        ).toBe('npo-hokkaido');
      }
    });

    it('never sends to NOBODY profiles', () => {
      for (const someone of [bihoroStaff, hokkaidoIntermediary, regionAndHub]) {
        expect(policy.scoutingOrganizationFor(someone, bihoroProject, 'NOBODY')).toBeUndefined();
      }
    });

    it("prefers the project's region, else the intermediary the profile is open to", () => {
      expect(
        policy.scoutingOrganizationFor(regionAndHub, bihoroProject, 'INTERMEDIARIES_AND_REGIONS'),
      ).toBe('region-bihoro');
      expect(policy.scoutingOrganizationFor(regionAndHub, bihoroProject, 'INTERMEDIARIES')).toBe(
        'npo-hokkaido',
      );
    });

    it('does not send through memberships that cannot scout for this project', () => {
      // Staff of another region who also work for an intermediary without remit here.
      expect(
        policy.scoutingOrganizationFor(
          ichinosekiStaffAndHub,
          ichinosekiProject,
          'INTERMEDIARIES_AND_REGIONS',
        ),
      ).toBe('region-ichinoseki');
      expect(
        policy.scoutingOrganizationFor(ichinosekiStaffAndHub, ichinosekiProject, 'INTERMEDIARIES'),
      ).toBeUndefined();
      expect(
        policy.scoutingOrganizationFor(admin, bihoroProject, 'INTERMEDIARIES_AND_REGIONS'),
      ).toBeUndefined();
    });
  });

  describe('canWithdrawScoutOffer', () => {
    it('allows any member of the sending organisation and nobody else, admins included', () => {
      expect(policy.canWithdrawScoutOffer(bihoroStaff, 'region-bihoro')).toBe(true);
      expect(policy.canWithdrawScoutOffer(bihoroOwner, 'region-bihoro')).toBe(true);
      expect(policy.canWithdrawScoutOffer(hokkaidoIntermediary, 'region-bihoro')).toBe(false);
      expect(policy.canWithdrawScoutOffer(participant, 'region-bihoro')).toBe(false);
      expect(policy.canWithdrawScoutOffer(admin, 'region-bihoro')).toBe(false);
    });
  });

  describe('canManageOrganization', () => {
    it('allows an OWNER of that organisation', () => {
      expect(policy.canManageOrganization(bihoroOwner, 'region-bihoro')).toBe(true);
    });

    it('refuses STAFF of that organisation and owners of other ones', () => {
      expect(policy.canManageOrganization(bihoroStaff, 'region-bihoro')).toBe(false);
      expect(policy.canManageOrganization(bihoroOwner, 'region-ichinoseki')).toBe(false);
    });

    it('allows a platform admin for any organisation', () => {
      expect(policy.canManageOrganization(admin, 'region-bihoro')).toBe(true);
    });

    it('refuses a participant', () => {
      expect(policy.canManageOrganization(participant, 'region-bihoro')).toBe(false);
    });
  });

  describe('viewableProfileVisibilities', () => {
    const companyOwner = actor(
      membership({ organizationId: 'company-1', role: MembershipRole.OWNER }),
    );

    it('gives an intermediary profiles opened to intermediaries, with or without regions', () => {
      expect(policy.viewableProfileVisibilities(hokkaidoIntermediary)).toEqual([
        'INTERMEDIARIES',
        'INTERMEDIARIES_AND_REGIONS',
      ]);
    });

    it('gives region staff only profiles opened to regions too', () => {
      expect(policy.viewableProfileVisibilities(bihoroStaff)).toEqual([
        'INTERMEDIARIES_AND_REGIONS',
      ]);
      expect(policy.viewableProfileVisibilities(bihoroOwner)).toEqual([
        'INTERMEDIARIES_AND_REGIONS',
      ]);
    });

    it('uses the widest membership when someone works for a region and an intermediary', () => {
      const both = actor(bihoroStaff.memberships[0], hokkaidoIntermediary.memberships[0]);

      expect(policy.viewableProfileVisibilities(both)).toContain('INTERMEDIARIES');
    });

    it('gives participants, companies and platform admins nothing', () => {
      expect(policy.viewableProfileVisibilities(participant)).toEqual([]);
      expect(policy.viewableProfileVisibilities(companyOwner)).toEqual([]);
      expect(policy.viewableProfileVisibilities(admin)).toEqual([]);
    });

    it('never includes NOBODY', () => {
      for (const someone of [hokkaidoIntermediary, bihoroStaff, participant, admin]) {
        expect(policy.viewableProfileVisibilities(someone)).not.toContain('NOBODY');
        expect(policy.canViewParticipantProfile(someone, 'NOBODY')).toBe(false);
      }
    });
  });

  describe('canSearchParticipants / canViewParticipantProfile', () => {
    it('lets intermediaries and region staff search, nobody else', () => {
      expect(policy.canSearchParticipants(hokkaidoIntermediary)).toBe(true);
      expect(policy.canSearchParticipants(bihoroStaff)).toBe(true);
      expect(policy.canSearchParticipants(participant)).toBe(false);
      expect(policy.canSearchParticipants(admin)).toBe(false);
    });

    it('keeps INTERMEDIARIES profiles from region staff', () => {
      expect(policy.canViewParticipantProfile(hokkaidoIntermediary, 'INTERMEDIARIES')).toBe(true);
      expect(policy.canViewParticipantProfile(bihoroStaff, 'INTERMEDIARIES')).toBe(false);
      expect(policy.canViewParticipantProfile(bihoroStaff, 'INTERMEDIARIES_AND_REGIONS')).toBe(
        true,
      );
    });
  });

  describe('canManageCompany / canViewCompany', () => {
    const companyOwner = actor(
      membership({ organizationId: 'company-1', role: MembershipRole.OWNER }),
    );
    const employee = actor(membership({ organizationId: 'company-1' }));

    it('lets the company owner and a platform admin manage it', () => {
      expect(policy.canManageCompany(companyOwner, 'company-1')).toBe(true);
      expect(policy.canManageCompany(admin, 'company-1')).toBe(true);
    });

    it('refuses employees, owners of other organisations and outsiders', () => {
      expect(policy.canManageCompany(employee, 'company-1')).toBe(false);
      expect(policy.canManageCompany(companyOwner, 'company-2')).toBe(false);
      expect(policy.canManageCompany(bihoroOwner, 'region-bihoro')).toBe(false);
      expect(policy.canManageCompany(participant, 'company-1')).toBe(false);
    });

    it('lets every member of the company and admins view it, nobody else', () => {
      expect(policy.canViewCompany(employee, 'company-1')).toBe(true);
      expect(policy.canViewCompany(companyOwner, 'company-1')).toBe(true);
      expect(policy.canViewCompany(admin, 'company-1')).toBe(true);
      expect(policy.canViewCompany(employee, 'company-2')).toBe(false);
      expect(policy.canViewCompany(bihoroStaff, 'region-bihoro')).toBe(false);
      expect(policy.canViewCompany(hokkaidoIntermediary, 'company-1')).toBe(false);
    });
  });

  describe('cohorts', () => {
    it("lets the intermediary's own staff manage its cohorts, nobody else", () => {
      expect(policy.canManageCohorts(hokkaidoIntermediary, 'npo-hokkaido')).toBe(true);
      expect(policy.canManageCohorts(bihoroIntermediary, 'npo-hokkaido')).toBe(false);
      expect(policy.canManageCohorts(bihoroOwner, 'region-bihoro')).toBe(false);
      expect(policy.canManageCohorts(participant, 'npo-hokkaido')).toBe(false);
      // Admins see no profiles, so they do not allocate people.
      expect(policy.canManageCohorts(admin, 'npo-hokkaido')).toBe(false);
    });

    it("adds a project only when the cohort's intermediary covers its place", () => {
      expect(policy.canAddToCohort(hokkaidoIntermediary, 'npo-hokkaido', bihoroProject)).toBe(true);
      expect(policy.canAddToCohort(hokkaidoIntermediary, 'npo-hokkaido', ichinosekiProject)).toBe(
        false,
      );
      // Covering the place through another of the actor's intermediaries is not enough.
      const both = actor(
        membership({
          organizationId: 'npo-iwate',
          organizationKind: OrganizationKind.INTERMEDIARY,
          remitPrefectureCodes: ['03'],
        }),
        membership({
          organizationId: 'npo-bihoro',
          organizationKind: OrganizationKind.INTERMEDIARY,
          remitMunicipalityCodes: [BIHORO],
        }),
      );
      expect(policy.canAddToCohort(both, 'npo-bihoro', ichinosekiProject)).toBe(false);
      expect(policy.canAddToCohort(both, 'npo-iwate', ichinosekiProject)).toBe(true);
      expect(policy.canAddToCohort(bihoroStaff, 'region-bihoro', bihoroProject)).toBe(false);
      expect(policy.canAddToCohort(admin, 'platform', bihoroProject)).toBe(false);
    });
  });

  describe('assert', () => {
    it('does nothing when allowed', () => {
      expect(() => policy.assert(true)).not.toThrow();
    });

    it('throws a FORBIDDEN AppError when not allowed', () => {
      let thrown: unknown;
      try {
        policy.assert(false, 'Only the region may edit this project');
      } catch (error) {
        thrown = error;
      }

      expect(thrown).toBeInstanceOf(AppError);
      expect((thrown as AppError).code).toBe(ErrorCode.FORBIDDEN);
      expect((thrown as AppError).message).toBe('Only the region may edit this project');
    });

    it('uses a default message when none is given', () => {
      expect(() => policy.assert(false)).toThrow('You are not allowed to do this');
    });
  });
});

describe('remitOf', () => {
  const policy = new PolicyService();

  it('joins every intermediary remit of the actor, without repeats', () => {
    const twoHubs = actor(
      membership({
        organizationId: 'hub-a',
        organizationKind: OrganizationKind.INTERMEDIARY,
        remitPrefectureCodes: [HOKKAIDO],
        remitMunicipalityCodes: [ICHINOSEKI],
      }),
      membership({
        organizationId: 'hub-b',
        organizationKind: OrganizationKind.INTERMEDIARY,
        remitPrefectureCodes: [HOKKAIDO],
      }),
      membership({ organizationId: 'region-bihoro', organizationKind: OrganizationKind.REGION }),
    );
    expect(policy.remitOf(twoHubs)).toEqual({
      prefectureCodes: [HOKKAIDO],
      municipalityCodes: [ICHINOSEKI],
    });
  });

  it('is null for anyone on no intermediary staff, admins included', () => {
    expect(policy.remitOf(bihoroStaff)).toBeNull();
    expect(policy.remitOf(participant)).toBeNull();
    expect(policy.remitOf(admin)).toBeNull();
  });
});

describe('council membership', () => {
  const policy = new PolicyService();

  it("is any staff member's to act on for their own organisation, never the platform's", () => {
    expect(policy.canRepresentInCouncil(bihoroStaff, 'region-bihoro')).toBe(true);
    expect(policy.canRepresentInCouncil(bihoroOwner, 'region-bihoro')).toBe(true);
    expect(policy.canRepresentInCouncil(hokkaidoIntermediary, 'npo-hokkaido')).toBe(true);
    expect(policy.canRepresentInCouncil(bihoroStaff, 'npo-hokkaido')).toBe(false);
    expect(policy.canRepresentInCouncil(admin, 'platform')).toBe(false);
    expect(policy.canRepresentInCouncil(admin, 'region-bihoro')).toBe(false);
    expect(policy.canRepresentInCouncil(participant, 'region-bihoro')).toBe(false);
  });
});
