import type { Municipality, Prefecture } from '@tsunagu/core';
import type { MembershipRole, OrganizationKind } from '@tsunagu/identity';
import type {
  AvailabilityPeriod,
  AvailableDays,
  ParticipantGoal,
  ParticipantKind,
  ProfileVisibility,
} from '@tsunagu/participants';
import type { ProjectMode, ProjectStatus } from '@tsunagu/projects';
import { companyNames, displayName, guardianName, PersonName, personName } from './japanese-names';
import {
  intermediaryName,
  programDescription,
  programName,
  regionName,
} from './organization-names';
import { buildPlaceIndex, Place, ruralPlace } from './places';
import { participantBio } from './profile-texts';
import {
  ELIGIBILITY,
  GOALS_BY_KIND,
  HOURS,
  KINDS,
  LEVELS_BY_KIND,
  THEME_SKILL_CATEGORIES,
} from './distributions';
import { Prng, WeightedTable } from './prng';
import { projectText } from './project-texts';
import {
  type ActivityDataset,
  type ActivityParticipant,
  type ActivityProject,
  emptyActivity,
  generateActivity,
} from './synthetic-activity';

// The synthetic data set as plain rows, one array per table, generated without a database: the
// same options and reference data always give the same rows. Row fields are the entities'
// properties (the bulk writer maps them to snake_case columns); timestamps are ISO strings and
// dates YYYY-MM-DD.
//
// Every row is drawn from a stream named after it (Prng.from(seed, 'participant', 17)), so the
// first 300 participants of a 100,000-participant run are the 300 of a 300-participant run.

export const SYNTHETIC_EMAIL_DOMAIN = 'synthetic.tsunagu.jp';

type Kind = `${ParticipantKind}`;
type Goal = `${ParticipantGoal}`;
type Status = `${ProjectStatus}`;
type Mode = `${ProjectMode}`;
// Not exported by @tsunagu/projects: the values of SkillRequirement and ProjectAuditAction.
export type SkillRequirementValue = 'MUST' | 'NICE';
export type AuditActionValue = 'CREATED' | 'SUBMITTED' | 'PUBLISHED' | 'CLOSED';

export interface UserRow {
  id: string;
  email: string;
  passwordHash: string;
  displayName: string;
  locale: 'ja' | 'en';
  createdAt: string;
}

export interface OrganizationRow {
  id: string;
  kind: `${OrganizationKind}`;
  name: string;
  municipalityCode: string | null;
  prefectureCode: string | null;
  createdAt: string;
}

export interface MembershipRow {
  id: string;
  userId: string;
  organizationId: string;
  role: `${MembershipRole}`;
  createdAt: string;
}

export interface RemitAreaRow {
  id: string;
  organizationId: string;
  prefectureCode: string | null;
  municipalityCode: string | null;
}

export interface ProgramRow {
  id: string;
  intermediaryOrganizationId: string;
  name: string;
  description: string;
  createdAt: string;
}

export interface ParticipantProfileRow {
  userId: string;
  kind: Kind;
  companyOrganizationId: string | null;
  guardianName: string | null;
  guardianConsentAt: string | null;
  themeCodes: string[];
  goals: Goal[];
  weeklyHours: number | null;
  availablePeriods: AvailabilityPeriod[];
  availableDays: `${AvailableDays}`;
  homeMunicipalityCode: string;
  travelRangeKm: number;
  remoteOnly: boolean;
  languages: string[];
  bio: string;
  visibility: `${ProfileVisibility}`;
  createdAt: string;
  updatedAt: string;
}

export interface ParticipantSkillRow {
  userId: string;
  skillId: string;
  level: number;
}

export interface ProjectRow {
  id: string;
  regionOrganizationId: string;
  programId: string | null;
  title: string;
  description: string;
  themeCode: string;
  municipalityCode: string;
  prefectureCode: string;
  mode: Mode;
  startDate: string;
  endDate: string | null;
  seasonMonths: number[];
  hoursPerWeek: number | null;
  teamSize: number;
  capacity: number;
  eligibleKinds: Kind[];
  languages: string[];
  status: Status;
  publishedAt: string | null;
  publishedById: string | null;
  closedAt: string | null;
  createdById: string;
  createdAt: string;
  updatedAt: string;
}

export interface ProjectSkillRow {
  projectId: string;
  skillId: string;
  requirement: SkillRequirementValue;
  minLevel: number;
  weight: number;
}

export interface ProjectAuditEntryRow {
  projectId: string;
  actorId: string | null;
  action: AuditActionValue;
  fromStatus: Status | null;
  toStatus: Status | null;
  createdAt: string;
}

export interface SyntheticDataset extends ActivityDataset {
  organizations: OrganizationRow[];
  users: UserRow[];
  memberships: MembershipRow[];
  remitAreas: RemitAreaRow[];
  programs: ProgramRow[];
  participantProfiles: ParticipantProfileRow[];
  participantSkills: ParticipantSkillRow[];
  projects: ProjectRow[];
  projectSkills: ProjectSkillRow[];
  projectAuditEntries: ProjectAuditEntryRow[];
}

export interface SyntheticOptions {
  participants: number;
  projects: number;
  seed: number;
  // The day the data is a snapshot of (YYYY-MM-DD): every timestamp lies before it.
  asOf: string;
  // National scale: a region organisation in every municipality (not only those with
  // projects) and a year of engagements with what hangs off them (synthetic-activity.ts).
  activity?: boolean;
}

export interface SkillRef {
  id: string;
  code: string;
  categoryCode: string;
}

export interface SyntheticReference {
  municipalities: readonly Municipality[];
  prefectures: readonly Prefecture[];
  skills: readonly SkillRef[];
  themeCodes: readonly string[];
  // One argon2 hash shared by every synthetic account.
  passwordHash: string;
}

const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Distributions

const TRAVEL_RANGES = new WeightedTable<number>([
  [30, 1],
  [50, 2],
  [100, 4],
  [150, 2],
  [200, 3],
  [300, 2],
  [500, 2],
  [1000, 1],
]);

const VISIBILITY = new WeightedTable<ParticipantProfileRow['visibility']>([
  ['INTERMEDIARIES', 60],
  ['INTERMEDIARIES_AND_REGIONS', 30],
  ['NOBODY', 10],
]);

const STATUSES = new WeightedTable<Status>([
  ['PUBLISHED', 75],
  ['CLOSED', 10],
  ['DRAFT', 9],
  ['IN_REVIEW', 6],
]);

// prettier-ignore
const CAPACITIES = [1, 2, 2, 3, 3, 3, 4, 4, 5, 5, 6, 8, 10, 12, 15, 20, 30];
// Planting and harvest seasons for ongoing farm work; other themes get a run of months.
// prettier-ignore
const FARM_SEASONS = [[4, 5, 9, 10], [5, 6], [8, 9, 10], [10, 11], [3, 4, 5], [6, 7, 8], [9, 10, 11, 12]];

// ---------------------------------------------------------------------------------------------

// Code-unit order: the same on every machine, whatever its locale.
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Clock {
  asOf: number;
  iso(ms: number): string;
  date(ms: number): string;
}

function clockFor(asOf: string): Clock {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(`${asOf}T00:00:00Z`))) {
    throw new RangeError(`asOf must be a YYYY-MM-DD date, got ${asOf}`);
  }
  return {
    asOf: Date.parse(`${asOf}T00:00:00Z`),
    iso: (ms) => new Date(ms).toISOString(),
    date: (ms) => new Date(ms).toISOString().slice(0, 10),
  };
}

// A moment between `days` and `days + 1` days before asOf (a random time of day).
function daysAgo(rng: Prng, clock: Clock, minDays: number, maxDays: number): number {
  return clock.asOf - rng.int(minDays, maxDays) * DAY - rng.int(0, DAY / 1000 - 1) * 1000;
}

function email(local: string): string {
  return `${local}@${SYNTHETIC_EMAIL_DOMAIN}`;
}

// Skills grouped by category, so people and projects have coherent sets (a designer's skills are
// mostly design skills), with a share drawn from anywhere.
class SkillPicker {
  private readonly all: SkillRef[];
  private readonly categories: SkillRef[][];
  private readonly byCategory: Map<string, SkillRef[]>;

  constructor(skills: readonly SkillRef[]) {
    this.all = [...skills].sort((a, b) => byText(a.code, b.code));
    const byCategory = new Map<string, SkillRef[]>();
    this.byCategory = byCategory;
    for (const skill of this.all) {
      const list = byCategory.get(skill.categoryCode) ?? [];
      list.push(skill);
      byCategory.set(skill.categoryCode, list);
    }
    this.categories = [...byCategory.keys()].sort().map((code) => byCategory.get(code)!);
  }

  // `count` distinct skills, a `focusShare` of them from one or two categories: preferably from
  // `preferred` categories (those that exist), otherwise any.
  pick(
    rng: Prng,
    count: number,
    focusShare: number,
    preferred: readonly string[] = [],
  ): SkillRef[] {
    const target = Math.min(count, this.all.length);
    const known = preferred.filter((code) => this.byCategory.has(code));
    const focus = (
      known.length
        ? rng.sample(known, rng.int(1, 2)).map((code) => this.byCategory.get(code)!)
        : rng.sample(this.categories, rng.int(1, 2))
    ).flat();
    const chosen = new Map<string, SkillRef>();
    let attempts = 0;
    while (chosen.size < target && attempts++ < target * 20) {
      const skill = rng.chance(focusShare) && focus.length ? rng.pick(focus) : rng.pick(this.all);
      if (!chosen.has(skill.id)) chosen.set(skill.id, skill);
    }
    for (const skill of this.all) {
      if (chosen.size >= target) break;
      if (!chosen.has(skill.id)) chosen.set(skill.id, skill);
    }
    return [...chosen.values()];
  }
}

export function generateSyntheticData(
  options: SyntheticOptions,
  reference: SyntheticReference,
): SyntheticDataset {
  const { participants, projects, seed } = options;
  for (const [name, value] of [
    ['participants', participants],
    ['projects', projects],
    ['seed', seed],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
    }
  }
  if (reference.skills.length === 0) throw new Error('the skill taxonomy is empty');
  if (reference.themeCodes.length === 0) throw new Error('there are no themes');
  const clock = clockFor(options.asOf);
  const places = buildPlaceIndex(reference.municipalities, reference.prefectures);
  const skills = new SkillPicker(reference.skills);
  const themeCodes = [...reference.themeCodes].sort();
  const out: SyntheticDataset = {
    organizations: [],
    users: [],
    memberships: [],
    remitAreas: [],
    programs: [],
    participantProfiles: [],
    participantSkills: [],
    projects: [],
    projectSkills: [],
    projectAuditEntries: [],
    ...emptyActivity(),
  };
  const people: ActivityParticipant[] = [];
  const openings: ActivityProject[] = [];
  const addUser = (
    rng: Prng,
    local: string,
    name: PersonName,
    createdAt: number,
    locale: 'ja' | 'en' = 'ja',
  ) => {
    const user: UserRow = {
      id: rng.uuid(),
      email: email(local),
      passwordHash: reference.passwordHash,
      displayName: displayName(name),
      locale,
      createdAt: clock.iso(createdAt),
    };
    out.users.push(user);
    return user;
  };
  const addMembership = (
    rng: Prng,
    userId: string,
    organizationId: string,
    role: MembershipRow['role'],
    createdAt: string,
  ) => out.memberships.push({ id: rng.uuid(), userId, organizationId, role, createdAt });

  // One intermediary per prefecture, with the prefecture as its remit, one owner and a program.
  const fiscalYear = new Date(clock.asOf - 90 * DAY).getUTCFullYear();
  const intermediaries = new Map<string, { staffId: string; programId: string }>();
  for (const code of places.prefectureCodes) {
    const rng = Prng.from(seed, 'intermediary', code);
    const prefectureName = places.prefectureNames.get(code)!;
    const createdAt = daysAgo(rng, clock, 800, 1000);
    const org: OrganizationRow = {
      id: rng.uuid(),
      kind: 'INTERMEDIARY',
      name: intermediaryName(rng, prefectureName),
      municipalityCode: null,
      prefectureCode: null,
      createdAt: clock.iso(createdAt),
    };
    out.organizations.push(org);
    const staff = addUser(rng, `hub${code}`, personName(rng), createdAt);
    addMembership(rng, staff.id, org.id, 'OWNER', staff.createdAt);
    out.remitAreas.push({
      id: rng.uuid(),
      organizationId: org.id,
      prefectureCode: code,
      municipalityCode: null,
    });
    const program: ProgramRow = {
      id: rng.uuid(),
      intermediaryOrganizationId: org.id,
      name: programName(prefectureName, fiscalYear),
      description: programDescription(prefectureName),
      createdAt: clock.iso(createdAt + 7 * DAY),
    };
    out.programs.push(program);
    intermediaries.set(code, { staffId: staff.id, programId: program.id });
  }

  // A few companies that send employees, each with an HR owner; a few large, most small.
  const companyCount =
    participants === 0 ? 0 : Math.min(50, Math.max(3, Math.ceil(participants / 2000)));
  const names = companyNames(Prng.from(seed, 'company-names'), companyCount);
  const companies: OrganizationRow[] = names.map((name, i) => {
    const rng = Prng.from(seed, 'company', i);
    const hq = places.home.pick(rng);
    const createdAt = daysAgo(rng, clock, 760, 1000);
    const org: OrganizationRow = {
      id: rng.uuid(),
      kind: 'COMPANY',
      name,
      municipalityCode: hq.code,
      prefectureCode: hq.prefectureCode,
      createdAt: clock.iso(createdAt),
    };
    out.organizations.push(org);
    const hr = addUser(rng, `hr${String(i + 1).padStart(3, '0')}`, personName(rng), createdAt);
    addMembership(rng, hr.id, org.id, 'OWNER', hr.createdAt);
    return org;
  });
  const companyTable =
    companies.length > 0
      ? new WeightedTable(companies.map((c, i) => [c, 1 / (i + 1)] as const))
      : null;

  for (let i = 1; i <= participants; i++) {
    generateParticipant(Prng.from(seed, 'participant', i), i);
  }

  function generateParticipant(rng: Prng, n: number): void {
    // companyTable exists whenever there are participants.
    const kind = KINDS.pick(rng);
    const name = personName(rng);
    const locale = rng.chance(0.03) ? 'en' : 'ja';
    const createdAt = daysAgo(rng, clock, 1, 730);
    const user = addUser(rng, `p${String(n).padStart(6, '0')}`, name, createdAt, locale);
    const home = places.home.pick(rng);
    const company = kind === 'COMPANY_EMPLOYEE' ? companyTable!.pick(rng) : null;
    if (company) addMembership(rng, user.id, company.id, 'STAFF', user.createdAt);
    const themes = rng.sample(themeCodes, rng.int(1, 3));
    const goals = [
      ...new Set(Array.from({ length: rng.int(1, 3) }, () => GOALS_BY_KIND[kind].pick(rng))),
    ];
    const student = kind === 'UNIVERSITY_STUDENT' || kind === 'HIGH_SCHOOL_STUDENT';
    const remoteOnly = rng.chance(kind === 'HIGH_SCHOOL_STUDENT' ? 0.2 : 0.12);
    const languages = locale === 'en' ? ['en', 'ja'] : ['ja'];
    if (locale === 'ja' && rng.chance(0.18)) languages.push('en');
    if (rng.chance(0.02)) languages.push('zh');
    if (rng.chance(0.01)) languages.push('ko');
    people.push({ userId: user.id, kind, createdAt });
    const updatedAt = createdAt + rng.int(0, Math.floor((clock.asOf - createdAt) / 1000)) * 1000;
    out.participantProfiles.push({
      userId: user.id,
      kind,
      companyOrganizationId: company?.id ?? null,
      guardianName: kind === 'HIGH_SCHOOL_STUDENT' ? guardianName(rng, name) : null,
      guardianConsentAt:
        kind === 'HIGH_SCHOOL_STUDENT'
          ? clock.iso(Math.min(createdAt + rng.int(10, 60 * 24) * 60_000, clock.asOf - 1000))
          : null,
      themeCodes: themes,
      goals,
      weeklyHours: rng.chance(0.08)
        ? null
        : rng.int(2, student ? 15 : kind === 'PRO_BONO' ? 20 : 10),
      availablePeriods: availability(rng, clock, student),
      availableDays: rng.pick(
        student
          ? (['WEEKENDS', 'ANY', 'ANY', 'WEEKDAYS'] as const)
          : (['WEEKENDS', 'WEEKENDS', 'ANY', 'WEEKDAYS'] as const),
      ),
      homeMunicipalityCode: home.code,
      travelRangeKm: TRAVEL_RANGES.pick(rng),
      remoteOnly,
      languages,
      bio: participantBio(rng, {
        kind,
        themeCodes: themes,
        remoteOnly,
        exploringAMove: goals.includes('EXPLORING_A_MOVE'),
        companyName: company?.name,
      }),
      visibility: VISIBILITY.pick(rng),
      createdAt: user.createdAt,
      updatedAt: clock.iso(updatedAt),
    });
    for (const skill of skills.pick(rng, rng.int(2, 6), 0.7)) {
      out.participantSkills.push({
        userId: user.id,
        skillId: skill.id,
        level: LEVELS_BY_KIND[kind].pick(rng),
      });
    }
  }

  // Projects in rural municipalities: the first ones cover every prefecture, the rest follow
  // how many rural municipalities a prefecture has. Each municipality's projects belong to one
  // REGION organisation of that municipality with one staff member.
  const prefectureOrder = Prng.from(seed, 'prefecture-order').shuffle(places.prefectureCodes);
  const regions = new Map<string, { id: string; staffId: string }>();
  const regionFor = (place: Place) => {
    let region = regions.get(place.code);
    if (!region) {
      const rng = Prng.from(seed, 'region', place.code);
      const createdAt = daysAgo(rng, clock, 420, 900);
      const org: OrganizationRow = {
        id: rng.uuid(),
        kind: 'REGION',
        name: regionName(rng, place.shortName),
        municipalityCode: place.code,
        prefectureCode: place.prefectureCode,
        createdAt: clock.iso(createdAt),
      };
      out.organizations.push(org);
      const staff = addUser(
        rng,
        `r${String(regions.size + 1).padStart(5, '0')}`,
        personName(rng),
        createdAt,
      );
      addMembership(rng, staff.id, org.id, 'OWNER', staff.createdAt);
      region = { id: org.id, staffId: staff.id };
      regions.set(place.code, region);
    }
    return region;
  };

  for (let j = 1; j <= projects; j++) {
    const rng = Prng.from(seed, 'project', j);
    const prefectureCode =
      j <= prefectureOrder.length ? prefectureOrder[j - 1] : places.ruralPrefectures.pick(rng);
    generateProject(rng, ruralPlace(places, rng, prefectureCode));
  }

  function generateProject(rng: Prng, place: Place): void {
    const id = rng.uuid();
    const region = regionFor(place);
    const intermediary = intermediaries.get(place.prefectureCode)!;
    const themeCode = rng.pick(themeCodes);
    const { title, description, mode } = projectText(rng, place, themeCode);
    const status = STATUSES.pick(rng);
    const capacity = rng.pick(CAPACITIES);
    const teamSize = rng.int(1, Math.min(capacity, 5));
    const ongoing = status !== 'CLOSED' && rng.chance(0.25);

    // The lifecycle: created (DRAFT) → submitted (IN_REVIEW) → published → closed.
    let createdAt: number;
    let submittedAt: number | null = null;
    let publishedAt: number | null = null;
    let closedAt: number | null = null;
    let start: number;
    switch (status) {
      case 'PUBLISHED':
      case 'CLOSED':
      case 'ARCHIVED':
        publishedAt = daysAgo(rng, clock, status === 'PUBLISHED' ? 0 : 60, 365);
        submittedAt = publishedAt - rng.int(1, 14 * 24) * 3_600_000;
        createdAt = submittedAt - rng.int(1, 30 * 24) * 3_600_000;
        start = startOfDay(publishedAt) + rng.int(7, 90) * DAY;
        break;
      case 'IN_REVIEW':
      case 'DRAFT':
        createdAt = daysAgo(rng, clock, 2, 60);
        if (status === 'IN_REVIEW') {
          submittedAt =
            createdAt + rng.int(1, Math.floor((clock.asOf - createdAt) / 3_600_000)) * 3_600_000;
        }
        start = clock.asOf + rng.int(30, 200) * DAY;
        break;
    }
    let end: number | null = null;
    if (!ongoing) {
      end = start + rng.int(14, 300) * DAY;
      // A published project is still running on the snapshot day.
      if (status === 'PUBLISHED' && end <= clock.asOf) end = clock.asOf + rng.int(7, 120) * DAY;
    }
    if (status === 'CLOSED') {
      const openDays = Math.floor((clock.asOf - publishedAt!) / DAY);
      closedAt = publishedAt! + rng.int(30, Math.max(30, openDays - 1)) * DAY;
    }
    const seasonMonths = ongoing
      ? themeCode === 'agriculture'
        ? rng.pick(FARM_SEASONS)
        : rng.chance(0.6)
          ? monthRun(rng)
          : []
      : [];

    out.projects.push({
      id,
      regionOrganizationId: region.id,
      programId: rng.chance(0.7) ? intermediary.programId : null,
      title,
      description,
      themeCode,
      municipalityCode: place.code,
      prefectureCode: place.prefectureCode,
      mode,
      startDate: clock.date(start),
      endDate: end === null ? null : clock.date(end),
      seasonMonths,
      hoursPerWeek: rng.chance(0.1) ? null : rng.pick(HOURS),
      teamSize,
      capacity,
      eligibleKinds: [...ELIGIBILITY.pick(rng)],
      languages: rng.chance(0.85) ? ['ja'] : rng.chance(0.85) ? ['ja', 'en'] : ['ja', 'en', 'zh'],
      status,
      publishedAt: publishedAt === null ? null : clock.iso(publishedAt),
      publishedById: publishedAt === null ? null : intermediary.staffId,
      closedAt: closedAt === null ? null : clock.iso(closedAt),
      createdById: region.staffId,
      createdAt: clock.iso(createdAt),
      updatedAt: clock.iso(Math.max(createdAt, submittedAt ?? 0, publishedAt ?? 0, closedAt ?? 0)),
    });

    const row = out.projects[out.projects.length - 1];
    openings.push({
      id,
      title,
      status,
      capacity,
      eligibleKinds: row.eligibleKinds,
      hoursPerWeek: row.hoursPerWeek,
      publishedAt,
      closedAt,
      regionStaffId: region.staffId,
      supervisorId: intermediary.staffId,
    });

    const preferred = rng.chance(0.8) ? (THEME_SKILL_CATEGORIES[themeCode] ?? []) : [];
    skills.pick(rng, rng.int(1, 4), 0.75, preferred).forEach((skill, k) => {
      const requirement: SkillRequirementValue = rng.chance(k === 0 ? 0.7 : 0.35) ? 'MUST' : 'NICE';
      out.projectSkills.push({
        projectId: id,
        skillId: skill.id,
        requirement,
        minLevel: requirement === 'MUST' ? rng.int(2, 4) : rng.int(1, 3),
        weight: requirement === 'MUST' ? rng.int(3, 5) : rng.int(1, 4),
      });
    });

    const audit = (
      action: AuditActionValue,
      actorId: string | null,
      fromStatus: Status | null,
      toStatus: Status,
      at: number,
    ) =>
      out.projectAuditEntries.push({
        projectId: id,
        actorId,
        action,
        fromStatus,
        toStatus,
        createdAt: clock.iso(at),
      });
    audit('CREATED', region.staffId, null, 'DRAFT', createdAt);
    if (submittedAt !== null) audit('SUBMITTED', region.staffId, 'DRAFT', 'IN_REVIEW', submittedAt);
    if (publishedAt !== null)
      audit('PUBLISHED', intermediary.staffId, 'IN_REVIEW', 'PUBLISHED', publishedAt);
    if (closedAt !== null) audit('CLOSED', region.staffId, 'PUBLISHED', 'CLOSED', closedAt);
  }

  if (options.activity) {
    // Every one of the 1,741 municipalities has its region organisation, projects or not, after
    // those with projects (so their rows and e-mails stay as without this option). A designated
    // city's wards (札幌市中央区) are part of their city, not municipalities of their own; Tokyo's
    // 23 special wards (131xx) are.
    const codes = reference.municipalities
      .filter((m) => !m.nameJa.endsWith('区') || m.code.startsWith('131'))
      .map((m) => m.code)
      .sort(byText);
    for (const code of codes) {
      const place = places.byCode.get(code);
      if (place && !regions.has(code)) regionFor(place);
    }
    generateActivity(
      {
        rng: (n) => Prng.from(seed, 'activity', n),
        asOf: clock.asOf,
        participants: people,
        projects: openings,
      },
      out,
    );
  }
  return out;
}

function startOfDay(ms: number): number {
  return ms - (((ms % DAY) + DAY) % DAY);
}

// 2–4 consecutive months, wrapping around the year.
function monthRun(rng: Prng): number[] {
  const first = rng.int(1, 12);
  return Array.from({ length: rng.int(2, 4) }, (_, k) => ((first - 1 + k) % 12) + 1).sort(
    (a, b) => a - b,
  );
}

// When someone can take part: a period or two from the snapshot day on (students' around their
// holidays), sometimes open-ended, sometimes unstated.
function availability(rng: Prng, clock: Clock, student: boolean): AvailabilityPeriod[] {
  const roll = rng.next();
  if (roll < 0.15) return [];
  const from = clock.asOf + rng.int(0, 60) * DAY;
  if (roll < 0.35) return [{ from: clock.date(from), to: null }];
  const first = { from: clock.date(from), to: clock.date(from + rng.int(30, 365) * DAY) };
  if (roll < (student ? 0.7 : 0.85)) return [first];
  const secondFrom = Date.parse(`${first.to}T00:00:00Z`) + rng.int(30, 120) * DAY;
  return [
    first,
    { from: clock.date(secondFrom), to: clock.date(secondFrom + rng.int(14, 60) * DAY) },
  ];
}
