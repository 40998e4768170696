import { Injectable } from '@nestjs/common';
import {
  ActorService,
  AdminBootstrapService,
  AuthService,
  MembershipRole,
  Organization,
  OrganizationService,
  remitCovers,
  User,
} from '@tsunagu/identity';
import { ActivityDayService, ApplyingService } from '@tsunagu/engagements';
import { Skill } from '@tsunagu/taxonomy';
import { ParticipantProfileService, ProfileVisibility } from '@tsunagu/participants';
import {
  ProjectAction,
  ProjectLifecycleService,
  ProjectService,
  SkillRequirement,
} from '@tsunagu/projects';
import { CouncilDirectoryService, CouncilMembershipService } from '@tsunagu/council';
import { DataSource } from 'typeorm';
import {
  DEMO_ACTIVITY_DAYS,
  DEMO_ADMIN,
  DEMO_APPLICATIONS,
  DEMO_COUNCIL_MEMBERS,
  DEMO_ORGANIZATIONS,
  DEMO_PARTICIPANTS,
  DEMO_PASSWORD,
  DEMO_PROJECTS,
} from './demo-data';

// Loads the demo through the same services the API uses, so demo rows obey every rule.
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly admin: AdminBootstrapService,
    private readonly organizations: OrganizationService,
    private readonly actors: ActorService,
    private readonly council: CouncilMembershipService,
    private readonly councilDirectory: CouncilDirectoryService,
    private readonly projects: ProjectService,
    private readonly lifecycle: ProjectLifecycleService,
    private readonly profiles: ParticipantProfileService,
    private readonly applications: ApplyingService,
    private readonly activityDays: ActivityDayService,
  ) {}

  async seed(): Promise<string> {
    // Only an empty database gets demo data: never mix it into real data.
    if ((await this.dataSource.getRepository(Organization).count()) > 0) {
      return 'database already has data: demo data not loaded';
    }
    const adminUser = await this.admin.ensurePlatformAdmin(
      DEMO_ADMIN.email,
      DEMO_PASSWORD,
      DEMO_ADMIN.displayName,
    );

    const orgIds = new Map<string, string>();
    const firstStaff = new Map<string, string>();
    for (const org of DEMO_ORGANIZATIONS) {
      const created = await this.organizations.createUnchecked(this.dataSource.manager, {
        kind: org.kind,
        name: org.name,
        municipalityCode: org.municipalityCode,
      });
      orgIds.set(org.key, created.id);
      if (org.remit)
        await this.organizations.setRemitUnchecked(this.dataSource.manager, created.id, org.remit);
      for (const person of org.staff) {
        const user = await this.createUser(person.email, person.displayName, person.locale);
        const role = person.owner ? MembershipRole.OWNER : MembershipRole.STAFF;
        await this.organizations.addMemberUnchecked(
          this.dataSource.manager,
          created.id,
          user.id,
          role,
        );
        if (!firstStaff.has(org.key)) firstStaff.set(org.key, user.id);
      }
    }

    // Council members: each applies, the demo admin approves, then it fills in its profile.
    const adminActor = await this.actors.load(adminUser.id);
    for (const { organizationKey, ...profile } of DEMO_COUNCIL_MEMBERS) {
      const organizationId = orgIds.get(organizationKey)!;
      const staff = await this.actors.load(firstStaff.get(organizationKey)!);
      const applied = await this.council.apply(staff, organizationId, {
        introductionJa: profile.introductionJa,
      });
      await this.council.decide(adminActor, applied.id, true, null);
      await this.councilDirectory.updateProfile(staff, organizationId, profile);
    }

    const skillIds = new Map(
      (await this.dataSource.getRepository(Skill).find()).map((skill) => [skill.code, skill.id]),
    );
    const skillId = (code: string) => {
      const id = skillIds.get(code);
      if (!id) throw new Error(`demo data names unknown skill ${code}`);
      return id;
    };

    const participantIds = new Map<string, string>();
    for (const p of DEMO_PARTICIPANTS) {
      const user = await this.createUser(p.email, p.displayName, p.locale);
      // A company enrols its employees as members before they link their profile to it.
      const companyId = p.companyKey ? orgIds.get(p.companyKey)! : undefined;
      if (companyId) {
        await this.organizations.addMemberUnchecked(
          this.dataSource.manager,
          companyId,
          user.id,
          MembershipRole.STAFF,
        );
      }
      await this.profiles.upsert(user.id, {
        kind: p.kind,
        companyOrganizationId: companyId ?? null,
        dateOfBirth: p.dateOfBirth ?? null,
        guardianName: p.guardianName ?? null,
        guardianEmail: p.guardianEmail ?? null,
        guardianConsent: p.guardianName ? true : null,
        skills: Object.entries(p.skills).map(([code, level]) => ({
          skillId: skillId(code),
          level,
        })),
        themeCodes: p.themeCodes,
        goals: p.goals,
        availability: { weeklyHours: p.weeklyHours },
        homeMunicipalityCode: p.homeMunicipalityCode,
        remoteOnly: p.remoteOnly ?? false,
        languages: p.locale === 'en' ? ['en', 'ja'] : ['ja'],
        bio: p.bio,
        visibility: ProfileVisibility.INTERMEDIARIES_AND_REGIONS,
      });
      participantIds.set(p.email, user.id);
    }

    const projectIds = new Map<string, string>();
    const publisherFor = (municipalityCode: string) =>
      DEMO_ORGANIZATIONS.find((o) => o.remit && remitCovers(o.remit, municipalityCode))!.key;
    for (const p of DEMO_PROJECTS) {
      const regionActor = await this.actors.load(firstStaff.get(p.regionKey)!);
      const project = await this.projects.create(regionActor, {
        regionOrganizationId: orgIds.get(p.regionKey)!,
        title: p.title,
        description: p.description,
        themeCode: p.themeCode,
        mode: p.mode,
        startDate: p.startDate,
        endDate: p.endDate,
        capacity: p.capacity,
        teamSize: p.teamSize,
        hoursPerWeek: p.hoursPerWeek,
        seasonMonths: p.seasonMonths,
        eligibleKinds: p.eligibleKinds,
        languages: p.languages,
        requiredSkills: Object.entries(p.skills).map(([code, [requirement, minLevel]]) => ({
          skillId: skillId(code),
          requirement,
          minLevel,
          weight: requirement === SkillRequirement.MUST ? 5 : 3,
        })),
      });
      if (p.publish) {
        const intermediary = await this.actors.load(
          firstStaff.get(publisherFor(project.municipalityCode))!,
        );
        await this.lifecycle.transition(regionActor, project.id, ProjectAction.SUBMIT);
        await this.lifecycle.transition(intermediary, project.id, ProjectAction.PUBLISH);
      }
      projectIds.set(p.title, project.id);
    }

    const days = DEMO_ACTIVITY_DAYS;
    const farmProject = projectIds.get(days.project)!;
    const farmRegion = DEMO_PROJECTS.find((p) => p.title === days.project)!.regionKey;
    await this.activityDays.publish(await this.actors.load(firstStaff.get(farmRegion)!), {
      projectId: farmProject,
      dates: Array.from({ length: days.weeks }, (_, week) => ({
        // Japan's calendar date, days ahead of today.
        date: new Date(Date.now() + 9 * 3_600_000 + (days.firstInDays + 7 * week) * 86_400_000)
          .toISOString()
          .slice(0, 10),
        startTime: days.startTime,
        endTime: days.endTime,
      })),
      places: days.places,
      meetingPoint: days.meetingPoint,
      whatToBring: days.whatToBring,
      noteJa: days.noteJa,
      noteEn: days.noteEn,
    });

    for (const a of DEMO_APPLICATIONS) {
      const actor = await this.actors.load(participantIds.get(a.participant)!);
      await this.applications.apply(actor, projectIds.get(a.project)!, a.motivation);
    }
    return (
      `demo data loaded: ${DEMO_ORGANIZATIONS.length} organisations, ${DEMO_PARTICIPANTS.length} participants, ` +
      `${DEMO_PROJECTS.length} projects; every demo login uses the password ${DEMO_PASSWORD}`
    );
  }

  private async createUser(
    email: string,
    displayName: string,
    locale: 'ja' | 'en' = 'ja',
  ): Promise<User> {
    return this.auth.createUser(this.dataSource.manager, {
      email,
      password: DEMO_PASSWORD,
      displayName,
      locale,
    });
  }
}
