import { JapanGeography } from '../../../../libs/core/src/geo/japan-geography';
import { Prng } from './prng';
import {
  generateSyntheticData,
  SkillRef,
  SyntheticDataset,
  SyntheticOptions,
  SyntheticReference,
} from './synthetic-data';
import { SEAT_HOLDING } from './synthetic-activity';

const geography = JapanGeography.get();
const THEMES = ['learning', 'work', 'agriculture', 'local'];
const SKILLS: SkillRef[] = ['it', 'design', 'agri', 'edu', 'pr'].flatMap((category) =>
  Array.from({ length: 6 }, (_, i) => ({
    id: Prng.from('test-skill', category, i).uuid(),
    code: `${category}-${i}`,
    categoryCode: category,
  })),
);
const reference: SyntheticReference = {
  municipalities: [...geography.municipalities.values()],
  prefectures: [...geography.prefectures.values()],
  skills: SKILLS,
  themeCodes: THEMES,
  passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
};
const AS_OF = '2026-12-01';
const asOfMs = Date.parse(`${AS_OF}T00:00:00Z`);
const options = (o: Partial<SyntheticOptions> = {}): SyntheticOptions => ({
  participants: 3000,
  projects: 400,
  seed: 42,
  asOf: AS_OF,
  ...o,
});

describe('generateSyntheticData', () => {
  let data: SyntheticDataset;
  beforeAll(() => {
    data = generateSyntheticData(options(), reference);
  });

  it('gives the same rows for the same seed, and other rows for another seed', () => {
    const small = options({ participants: 300, projects: 60 });
    const a = generateSyntheticData(small, reference);
    expect(generateSyntheticData(small, reference)).toEqual(a);
    const b = generateSyntheticData({ ...small, seed: 43 }, reference);
    expect(b.users.map((u) => u.id)).not.toEqual(a.users.map((u) => u.id));
    expect(b.projects.map((p) => p.title)).not.toEqual(a.projects.map((p) => p.title));
  });

  it('keeps the first rows of a larger run equal to a smaller run (each row has its own stream)', () => {
    const small = generateSyntheticData(options({ participants: 300, projects: 60 }), reference);
    expect(data.participantProfiles.slice(0, 300)).toEqual(small.participantProfiles);
    expect(data.projects.slice(0, 60).map((p) => [p.id, p.title, p.municipalityCode])).toEqual(
      small.projects.map((p) => [p.id, p.title, p.municipalityCode]),
    );
  });

  it('makes the requested numbers of participants and projects, and everyone around them', () => {
    expect(data.participantProfiles).toHaveLength(3000);
    expect(data.projects).toHaveLength(400);
    const kinds = count(data.organizations.map((o) => o.kind));
    expect(kinds.INTERMEDIARY).toBe(47);
    expect(kinds.COMPANY).toBe(3);
    expect(kinds.REGION).toBe(new Set(data.projects.map((p) => p.municipalityCode)).size);
    // Participants, one staff member per intermediary, company and region.
    expect(data.users).toHaveLength(3000 + data.organizations.length);
    expect(data.remitAreas).toHaveLength(47);
    expect(data.programs).toHaveLength(47);
    const empty = generateSyntheticData(options({ participants: 0, projects: 0 }), reference);
    expect(empty.participantProfiles).toHaveLength(0);
    expect(empty.projects).toHaveLength(0);
    expect(empty.organizations.filter((o) => o.kind === 'COMPANY')).toHaveLength(0);
  });

  it('gives every row a unique v4 id and every account a unique reproducible e-mail', () => {
    const ids = [
      ...data.users.map((u) => u.id),
      ...data.organizations.map((o) => o.id),
      ...data.memberships.map((m) => m.id),
      ...data.remitAreas.map((r) => r.id),
      ...data.programs.map((p) => p.id),
      ...data.projects.map((p) => p.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab]/);
    const emails = data.users.map((u) => u.email);
    expect(new Set(emails).size).toBe(emails.length);
    expect(emails).toContain('p000123@synthetic.tsunagu.jp');
    expect(emails).toContain('hub01@synthetic.tsunagu.jp');
    for (const e of emails) expect(e).toMatch(/^[a-z0-9]+@synthetic\.tsunagu\.jp$/);
    expect(new Set(data.users.map((u) => u.passwordHash))).toEqual(
      new Set([reference.passwordHash]),
    );
  });

  it('uses only valid municipality codes, with projects in rural municipalities of every prefecture', () => {
    const known = (code: string | null) =>
      code !== null && geography.municipality(code) !== undefined;
    expect(data.participantProfiles.every((p) => known(p.homeMunicipalityCode))).toBe(true);
    expect(data.projects.every((p) => known(p.municipalityCode))).toBe(true);
    for (const p of data.projects) {
      expect(p.prefectureCode).toBe(geography.municipality(p.municipalityCode)!.prefectureCode);
      // No designated city's ward and no Tokyo ward hosts a project.
      expect(geography.municipality(p.municipalityCode)!.nameJa).not.toMatch(/区$/);
    }
    expect(new Set(data.projects.map((p) => p.prefectureCode)).size).toBe(47);
    for (const o of data.organizations.filter((o) => o.municipalityCode !== null)) {
      expect(known(o.municipalityCode)).toBe(true);
      expect(o.prefectureCode).toBe(o.municipalityCode!.slice(0, 2));
    }
    // Each project belongs to the region organisation of its municipality.
    const orgs = new Map(data.organizations.map((o) => [o.id, o]));
    for (const p of data.projects) {
      const region = orgs.get(p.regionOrganizationId)!;
      expect(region.kind).toBe('REGION');
      expect(region.municipalityCode).toBe(p.municipalityCode);
    }
  });

  it('puts most participants in the big cities', () => {
    const names = data.participantProfiles.map(
      (p) => geography.municipality(p.homeMunicipalityCode)!.nameJa,
    );
    const tokyoWards = names.filter((n) => /^東京都[^市]+区$/.test(n)).length;
    const bigCities = names.filter((n) =>
      /^(東京都[^市]+区|.+(横浜|大阪|名古屋|札幌|福岡|川崎|神戸|京都|さいたま|仙台|広島|千葉)市.+区)$/.test(
        n,
      ),
    ).length;
    expect(tokyoWards / names.length).toBeGreaterThan(0.25);
    expect(bigCities / names.length).toBeGreaterThan(0.75);
  });

  it('respects the projects’ constraints', () => {
    for (const p of data.projects) {
      expect(p.teamSize).toBeGreaterThanOrEqual(1);
      expect(p.teamSize).toBeLessThanOrEqual(p.capacity);
      expect(p.capacity).toBeLessThanOrEqual(1000);
      if (p.endDate !== null) expect(p.endDate >= p.startDate).toBe(true);
      if (p.hoursPerWeek !== null) expect(p.hoursPerWeek >= 1 && p.hoursPerWeek <= 80).toBe(true);
      for (const m of p.seasonMonths) expect(m >= 1 && m <= 12).toBe(true);
      expect(p.endDate === null || p.seasonMonths.length === 0).toBe(true);
      expect(THEMES).toContain(p.themeCode);
      expect(p.title.length).toBeGreaterThanOrEqual(3);
      expect(p.description.length).toBeGreaterThanOrEqual(10);
      expect(p.languages[0]).toBe('ja');
      // Published (and closed) projects have a publication; drafts and reviews none.
      const published = p.status === 'PUBLISHED' || p.status === 'CLOSED';
      expect(p.publishedAt !== null).toBe(published);
      expect(p.publishedById !== null).toBe(published);
      expect(p.closedAt !== null).toBe(p.status === 'CLOSED');
      if (p.closedAt) expect(p.closedAt > p.publishedAt!).toBe(true);
      for (const t of [p.createdAt, p.updatedAt, p.publishedAt, p.closedAt]) {
        if (t) expect(Date.parse(t)).toBeLessThan(asOfMs);
      }
      expect(p.createdAt <= p.updatedAt).toBe(true);
      if (p.status === 'PUBLISHED' && p.endDate) expect(p.endDate > AS_OF).toBe(true);
    }
    const statuses = count(data.projects.map((p) => p.status));
    expect(statuses.PUBLISHED / 400).toBeGreaterThan(0.6);
    for (const s of ['DRAFT', 'IN_REVIEW', 'CLOSED']) expect(statuses[s]).toBeGreaterThan(0);
    const open = data.projects.filter((p) => p.eligibleKinds.length === 0).length;
    expect(open / 400).toBeGreaterThan(0.6);
    expect(open).toBeLessThan(400);
    // Published over the past year.
    const published = data.projects
      .filter((p) => p.publishedAt)
      .map((p) => Date.parse(p.publishedAt!));
    expect(Math.min(...published)).toBeGreaterThanOrEqual(asOfMs - 367 * 86_400_000);
  });

  it('gives projects 1–4 distinct required skills with levels and weights 1–5', () => {
    const byProject = group(data.projectSkills, (s) => s.projectId);
    expect(byProject.size).toBe(400);
    const skillIds = new Set(SKILLS.map((s) => s.id));
    for (const skills of byProject.values()) {
      expect(skills.length >= 1 && skills.length <= 4).toBe(true);
      expect(new Set(skills.map((s) => s.skillId)).size).toBe(skills.length);
      for (const s of skills) {
        expect(skillIds.has(s.skillId)).toBe(true);
        expect(s.minLevel >= 1 && s.minLevel <= 5).toBe(true);
        expect(s.weight >= 1 && s.weight <= 5).toBe(true);
        expect(['MUST', 'NICE']).toContain(s.requirement);
      }
    }
  });

  it('gives participants 2–6 distinct skills at levels 1–5 and 1–3 known themes', () => {
    const bySkillOwner = group(data.participantSkills, (s) => s.userId);
    expect(bySkillOwner.size).toBe(3000);
    for (const skills of bySkillOwner.values()) {
      expect(skills.length >= 2 && skills.length <= 6).toBe(true);
      expect(new Set(skills.map((s) => s.skillId)).size).toBe(skills.length);
      for (const s of skills)
        expect(Number.isInteger(s.level) && s.level >= 1 && s.level <= 5).toBe(true);
    }
    for (const p of data.participantProfiles) {
      expect(p.themeCodes.length >= 1 && p.themeCodes.length <= 3).toBe(true);
      expect(new Set(p.themeCodes).size).toBe(p.themeCodes.length);
      for (const t of p.themeCodes) expect(THEMES).toContain(t);
      expect(p.goals.length).toBeGreaterThanOrEqual(1);
      expect(new Set(p.goals).size).toBe(p.goals.length);
      for (const period of p.availablePeriods) {
        if (period.to !== null) expect(period.to >= period.from).toBe(true);
      }
      expect(p.bio.length).toBeGreaterThan(10);
    }
  });

  it('records guardian consent for high-school students and links employees to their company', () => {
    const orgs = new Map(data.organizations.map((o) => [o.id, o]));
    const memberships = new Set(data.memberships.map((m) => `${m.userId}:${m.organizationId}`));
    const kinds = count(data.participantProfiles.map((p) => p.kind));
    for (const k of ['PRO_BONO', 'UNIVERSITY_STUDENT', 'HIGH_SCHOOL_STUDENT', 'COMPANY_EMPLOYEE']) {
      expect(kinds[k]).toBeGreaterThan(150);
    }
    for (const p of data.participantProfiles) {
      if (p.kind === 'HIGH_SCHOOL_STUDENT') {
        expect(p.guardianName).toMatch(/^\S+ \S+$/);
        expect(p.guardianConsentAt).not.toBeNull();
        expect(p.guardianConsentAt! >= p.createdAt).toBe(true);
      } else {
        expect(p.guardianName).toBeNull();
        expect(p.guardianConsentAt).toBeNull();
      }
      if (p.kind === 'COMPANY_EMPLOYEE') {
        expect(orgs.get(p.companyOrganizationId!)?.kind).toBe('COMPANY');
        expect(memberships.has(`${p.userId}:${p.companyOrganizationId}`)).toBe(true);
      } else {
        expect(p.companyOrganizationId).toBeNull();
      }
    }
    // No membership is listed twice.
    expect(memberships.size).toBe(data.memberships.length);
  });

  it('gives each intermediary its prefecture as remit and a program, and projects a matching program', () => {
    const remit = new Map(data.remitAreas.map((r) => [r.organizationId, r.prefectureCode]));
    const programs = new Map(data.programs.map((p) => [p.id, p.intermediaryOrganizationId]));
    for (const o of data.organizations.filter((o) => o.kind === 'INTERMEDIARY')) {
      expect(remit.get(o.id)).toMatch(/^\d{2}$/);
    }
    expect(new Set(remit.values()).size).toBe(47);
    for (const p of data.projects.filter((p) => p.programId)) {
      expect(remit.get(programs.get(p.programId!)!)).toBe(p.prefectureCode);
    }
    // Published by the intermediary covering the project, created by its region's staff.
    const staffOf = new Map(data.memberships.map((m) => [m.userId, m.organizationId]));
    for (const p of data.projects) {
      expect(staffOf.get(p.createdById)).toBe(p.regionOrganizationId);
      if (p.publishedById) expect(remit.get(staffOf.get(p.publishedById)!)).toBe(p.prefectureCode);
    }
  });

  it('writes an audit trail that follows each project’s lifecycle', () => {
    const byProject = group(data.projectAuditEntries, (e) => e.projectId);
    const expected: Record<string, string[]> = {
      DRAFT: ['CREATED'],
      IN_REVIEW: ['CREATED', 'SUBMITTED'],
      PUBLISHED: ['CREATED', 'SUBMITTED', 'PUBLISHED'],
      CLOSED: ['CREATED', 'SUBMITTED', 'PUBLISHED', 'CLOSED'],
    };
    for (const p of data.projects) {
      const entries = byProject.get(p.id)!;
      expect(entries.map((e) => e.action)).toEqual(expected[p.status]);
      const times = entries.map((e) => e.createdAt);
      expect([...times].sort()).toEqual(times);
    }
  });

  it('refuses an empty taxonomy and bad sizes', () => {
    expect(() => generateSyntheticData(options(), { ...reference, skills: [] })).toThrow(/skill/);
    expect(() => generateSyntheticData(options(), { ...reference, themeCodes: [] })).toThrow(
      /theme/,
    );
    expect(() => generateSyntheticData(options({ participants: -1 }), reference)).toThrow(
      /participants/,
    );
    expect(() => generateSyntheticData(options({ asOf: '2026-1-1' }), reference)).toThrow(/asOf/);
  });
});

describe('generateSyntheticData with a year of activity', () => {
  let data: SyntheticDataset;
  let plain: SyntheticDataset;
  beforeAll(() => {
    data = generateSyntheticData(options({ activity: true }), reference);
    plain = generateSyntheticData(options(), reference);
  });

  it('gives every one of the 1,741 municipalities one region, after the rows made without it', () => {
    const regions = data.organizations.filter((o) => o.kind === 'REGION');
    expect(new Set(regions.map((r) => r.municipalityCode)).size).toBe(1741);
    expect(regions).toHaveLength(1741);
    expect(data.organizations.slice(0, plain.organizations.length)).toEqual(plain.organizations);
    expect(data.users.slice(0, plain.users.length)).toEqual(plain.users);
    expect(data.projects).toEqual(plain.projects);
    // Every region has its staff member.
    const owners = new Set(data.memberships.map((m) => m.organizationId));
    for (const r of regions) expect(owners.has(r.id)).toBe(true);
  });

  it('applies a realistic share of participants to open projects they may join, once each', () => {
    const share = new Set(data.engagements.map((e) => e.participantId)).size / 3000;
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.5);
    expect(data.engagements.length / 3000).toBeGreaterThan(0.5);
    const pairs = new Set(data.engagements.map((e) => `${e.projectId}:${e.participantId}`));
    expect(pairs.size).toBe(data.engagements.length);
    const projects = new Map(data.projects.map((p) => [p.id, p]));
    const people = new Map(data.participantProfiles.map((p) => [p.userId, p]));
    for (const e of data.engagements) {
      const project = projects.get(e.projectId)!;
      expect(project.publishedAt).not.toBeNull();
      expect(project.eligibleKinds).toContain(people.get(e.participantId)!.kind);
      const at = Date.parse(e.createdAt);
      expect(at).toBeGreaterThanOrEqual(Date.parse(project.publishedAt!));
      expect(at).toBeGreaterThanOrEqual(asOfMs - 365 * 86_400_000);
      expect(at).toBeLessThan(project.closedAt ? Date.parse(project.closedAt) : asOfMs);
    }
  });

  it('reaches every state, and never holds more seats than a project has', () => {
    const states = count(data.engagements.map((e) => e.status));
    for (const s of ['SUBMITTED', 'INTERVIEW', 'ACCEPTED', 'APPROVED', 'ACTIVE', 'COMPLETED']) {
      expect(states[s]).toBeGreaterThan(0);
    }
    for (const s of ['DECLINED', 'WITHDRAWN', 'CANCELLED']) expect(states[s]).toBeGreaterThan(0);
    const held = count(
      data.engagements.filter((e) => SEAT_HOLDING.has(e.status)).map((e) => e.projectId),
    );
    for (const p of data.projects) expect(held[p.id] ?? 0).toBeLessThanOrEqual(p.capacity);
  });

  it('walks each engagement through allowed transitions in time order up to its status', () => {
    const allowed: Record<string, string[]> = {
      SUBMITTED: ['INTERVIEW', 'ACCEPTED', 'DECLINED', 'WITHDRAWN'],
      INTERVIEW: ['ACCEPTED', 'DECLINED', 'WITHDRAWN'],
      ACCEPTED: ['APPROVED', 'CANCELLED', 'WITHDRAWN'],
      APPROVED: ['ACTIVE', 'CANCELLED', 'WITHDRAWN'],
      ACTIVE: ['COMPLETED', 'CANCELLED', 'WITHDRAWN'],
    };
    const events = group(data.engagementEvents, (e) => e.engagementId);
    for (const e of data.engagements) {
      let status = 'SUBMITTED';
      let at = Date.parse(e.createdAt);
      for (const event of events.get(e.id) ?? []) {
        expect(event.fromStatus).toBe(status);
        expect(allowed[status]).toContain(event.toStatus);
        expect(Date.parse(event.createdAt)).toBeGreaterThanOrEqual(at);
        expect(Date.parse(event.createdAt)).toBeLessThan(asOfMs);
        status = event.toStatus;
        at = Date.parse(event.createdAt);
      }
      expect(e.status).toBe(status);
      expect(e.statusChangedAt).toBe(events.get(e.id)?.at(-1)?.createdAt ?? null);
      expect(e.statusReason !== null).toBe(['DECLINED', 'WITHDRAWN', 'CANCELLED'].includes(status));
      if (['APPROVED', 'ACTIVE', 'COMPLETED'].includes(status)) {
        expect(e.terms!.hoursPerWeek).toBeGreaterThanOrEqual(1);
        expect(e.terms!.endDate! >= e.terms!.startDate).toBe(true);
      }
      if (['SUBMITTED', 'DECLINED', 'ACCEPTED'].includes(status)) expect(e.terms).toBeNull();
    }
  });

  it('hangs check-ins, feedback, follow-ups, conversations and notifications off the right ones', () => {
    const byId = new Map(data.engagements.map((e) => [e.id, e]));
    const started = new Set(
      data.engagementEvents.filter((e) => e.action === 'START').map((e) => e.engagementId),
    );
    expect(data.checkIns.length).toBeGreaterThan(0);
    for (const c of data.checkIns) {
      expect(started.has(c.engagementId)).toBe(true);
      expect(c.participantId).toBe(byId.get(c.engagementId)!.participantId);
      expect(Date.parse(c.createdAt)).toBeLessThan(asOfMs);
    }
    for (const m of data.milestones) expect(byId.get(m.engagementId)!.terms).not.toBeNull();
    const feedback = new Set(data.feedback.map((f) => `${f.engagementId}:${f.side}`));
    expect(feedback.size).toBe(data.feedback.length);
    for (const f of data.feedback) expect(byId.get(f.engagementId)!.status).toBe('COMPLETED');
    for (const f of data.followUps) expect(byId.get(f.engagementId)!.status).toBe('COMPLETED');
    expect(data.conversations).toHaveLength(data.engagements.length);
    const messages = group(data.messages, (m) => m.conversationId);
    for (const c of data.conversations) {
      const list = messages.get(c.id) ?? [];
      expect(list.map((m) => m.seq)).toEqual(list.map((_, i) => i + 1));
      expect(c.messageCount).toBe(list.length);
      expect(c.lastMessageAt).toBe(list.at(-1)?.createdAt ?? null);
    }
    const keys = new Set(data.notifications.map((n) => `${n.eventKey}:${n.recipientId}`));
    expect(keys.size).toBe(data.notifications.length);
    expect(data.notifications.length).toBeGreaterThan(data.engagements.length);
  });
});

function count(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

function group<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(key(item)) ?? [];
    list.push(item);
    out.set(key(item), list);
  }
  return out;
}
