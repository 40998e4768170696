import { Injectable } from '@nestjs/common';
import { groupBy, JapanGeography } from '@tsunagu/core';
import type {
  GeoPoint,
  GoalCode,
  ModeCode,
  ParticipantFacts,
  ParticipantKindCode,
  ProjectFacts,
} from '@tsunagu/matching';
import { DataSource, EntityManager } from 'typeorm';

export interface ScoredProjectFacts extends ProjectFacts {
  // The program whose weights score this project (null: the default weights).
  programId: string | null;
}

interface ParticipantRow {
  user_id: string;
  kind: ParticipantKindCode;
  theme_codes: string[];
  goals: GoalCode[];
  weekly_hours: number | null;
  available_periods: Array<{ from: string; to: string | null }>;
  home_municipality_code: string | null;
  travel_range_km: number;
  remote_only: boolean;
}

interface ProjectRow {
  id: string;
  region_organization_id: string;
  program_id: string | null;
  theme_code: string;
  mode: ModeCode;
  municipality_code: string;
  start_date: string;
  end_date: string | null;
  hours_per_week: number | null;
  eligible_kinds: ParticipantKindCode[];
  candidate_count: number;
}

// Reads what the matching engine scores straight from the tables, in a few set-wise queries
// (raw SQL: a full load is 100k profiles and their skills). `ids` narrows to some subjects.
@Injectable()
export class MatchingFactsLoader {
  constructor(private readonly dataSource: DataSource) {}

  // Inside a transaction, pass its manager (here and below): one transaction, one connection.
  // Everyone is read a page at a time, so the rows of 100k profiles and their skills are never
  // held at once; equal values (skill ids, themes, places, empty lists) are shared between
  // participants rather than copied, which keeps the worker's snapshot compact.
  async participants(
    ids?: readonly string[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<ParticipantFacts[]> {
    const shared = new SharedValues();
    if (ids) return this.participantPage(m, 'user_id = ANY($1)', [ids], shared);
    const all: ParticipantFacts[] = [];
    // Random (v4) ids are never the nil uuid, so it starts the walk.
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      // The page's ids first, so its three queries look them up rather than each paging again.
      const ids = (
        await m.query<Array<{ user_id: string }>>(
          `SELECT user_id FROM participant_profile
            WHERE user_id > $1 ORDER BY user_id LIMIT ${PARTICIPANT_PAGE}`,
          [after],
        )
      ).map((r) => r.user_id);
      if (ids.length === 0) return all;
      const page = await this.participantPage(m, 'user_id = ANY($1)', [ids], shared);
      for (const p of page) all.push(p);
      if (ids.length < PARTICIPANT_PAGE) return all;
      after = ids[ids.length - 1];
    }
  }

  private async participantPage(
    m: EntityManager,
    where: string,
    params: unknown[],
    shared: SharedValues,
  ): Promise<ParticipantFacts[]> {
    const [rows, skills, ties] = await Promise.all([
      m.query<ParticipantRow[]>(
        `SELECT user_id, kind, theme_codes, goals::text[] AS goals, weekly_hours,
                available_periods, home_municipality_code, travel_range_km, remote_only
         FROM participant_profile WHERE ${where} ORDER BY user_id`,
        params,
      ),
      m.query<Array<{ user_id: string; skill_id: string; level: number }>>(
        `SELECT user_id, skill_id, level FROM participant_skill WHERE ${where}`,
        params,
      ),
      // A tie with a region: an engagement with one of its projects was approved (and may be
      // running or completed) — a relationship the policy wants to deepen.
      m.query<Array<{ user_id: string; region: string }>>(
        `SELECT DISTINCT a.participant_id AS user_id, p.region_organization_id AS region
         FROM engagement a JOIN project p ON p.id = a.project_id
         WHERE a.status IN ('APPROVED', 'ACTIVE', 'COMPLETED')
           AND a.participant_id IN (SELECT user_id FROM participant_profile WHERE ${where})`,
        params,
      ),
    ]);
    const skillsOf = groupBy(skills, (s) => s.user_id);
    const tiesOf = groupBy(ties, (t) => t.user_id);
    return rows.map((r) => {
      const held = skillsOf.get(r.user_id);
      const tied = tiesOf.get(r.user_id);
      return {
        id: r.user_id,
        kind: shared.text(r.kind),
        skills: held
          ? new Map(held.map((s) => [shared.text(s.skill_id), s.level]))
          : shared.noSkills,
        themeCodes: shared.list(r.theme_codes),
        goals: shared.list(r.goals),
        weeklyHours: r.weekly_hours,
        availability: r.available_periods.length
          ? r.available_periods.map((p) => ({ from: p.from, to: p.to ?? null }))
          : shared.noPeriods,
        home: r.home_municipality_code ? shared.place(r.home_municipality_code) : null,
        travelRangeKm: r.travel_range_km,
        remoteOnly: r.remote_only,
        regionTies: tied ? new Set(tied.map((t) => shared.text(t.region))) : shared.noTies,
      };
    });
  }

  // Published projects that are not paused: nothing else is recommended.
  publishedProjects(
    ids?: readonly string[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<ScoredProjectFacts[]> {
    return this.projects(ids, m, true);
  }

  // Projects whatever their status (to explain a list stored before a status change).
  async projects(
    ids?: readonly string[],
    m: EntityManager = this.dataSource.manager,
    publishedOnly = false,
  ): Promise<ScoredProjectFacts[]> {
    const published = publishedOnly ? "p.status = 'PUBLISHED' AND p.paused_at IS NULL" : 'true';
    const only = ids ? 'AND p.id = ANY($1)' : '';
    const params = ids ? [ids] : [];
    const [rows, skills] = await Promise.all([
      m.query<ProjectRow[]>(
        `SELECT p.id, p.region_organization_id, p.program_id, p.theme_code, p.mode,
                p.municipality_code, to_char(p.start_date, 'YYYY-MM-DD') AS start_date,
                to_char(p.end_date, 'YYYY-MM-DD') AS end_date, p.hours_per_week,
                p.eligible_kinds::text[] AS eligible_kinds,
                -- Candidates so far: its applications still in play. (Open scout offers are
                -- left out: they expire by the clock, which no change event would report.)
                (SELECT count(*)::int FROM engagement a WHERE a.project_id = p.id
                   AND a.status NOT IN ('DECLINED', 'WITHDRAWN', 'CANCELLED'))
                  AS candidate_count
         FROM project p WHERE ${published} ${only}
         ORDER BY p.id`,
        params,
      ),
      m.query<
        Array<{
          project_id: string;
          skill_id: string;
          requirement: string;
          min_level: number;
          weight: number;
        }>
      >(
        `SELECT ps.project_id, ps.skill_id, ps.requirement, ps.min_level, ps.weight
         FROM project_skill ps JOIN project p ON p.id = ps.project_id
         WHERE ${published} ${only}
         ORDER BY ps.project_id, ps.skill_id`,
        params,
      ),
    ]);
    const skillsOf = groupBy(skills, (s) => s.project_id);
    return rows.map((r) => ({
      id: r.id,
      programId: r.program_id,
      regionOrganizationId: r.region_organization_id,
      themeCode: r.theme_code,
      mode: r.mode,
      location: place(r.municipality_code)!,
      period: { from: r.start_date, to: r.end_date },
      hoursPerWeek: r.hours_per_week,
      eligibleKinds: r.eligible_kinds,
      skills: (skillsOf.get(r.id) ?? []).map((s) => ({
        skillId: s.skill_id,
        must: s.requirement === 'MUST',
        minLevel: s.min_level,
        weight: s.weight,
      })),
      candidateCount: r.candidate_count,
    }));
  }
}

// Profiles read per page when everyone is loaded.
const PARTICIPANT_PAGE = 10_000;

// One copy of each equal value across the participants of a load (facts are never mutated).
class SharedValues {
  readonly noSkills: ReadonlyMap<string, number> = new Map();
  readonly noTies: ReadonlySet<string> = new Set();
  readonly noPeriods: ParticipantFacts['availability'] = [];
  private readonly texts = new Map<string, string>();
  private readonly lists = new Map<string, readonly string[]>();
  private readonly places = new Map<string, GeoPoint | null>();

  text<T extends string>(value: T): T {
    const known = this.texts.get(value);
    if (known !== undefined) return known as T;
    this.texts.set(value, value);
    return value;
  }

  list<T extends string>(values: readonly T[]): readonly T[] {
    const key = values.join('\u0000');
    const known = this.lists.get(key);
    if (known && known.length === values.length) return known as readonly T[];
    const list = values.map((v) => this.text(v));
    this.lists.set(key, list);
    return list;
  }

  place(municipalityCode: string): GeoPoint | null {
    if (!this.places.has(municipalityCode)) {
      this.places.set(municipalityCode, place(municipalityCode));
    }
    return this.places.get(municipalityCode)!;
  }
}

// Municipality codes are validated on write, so a miss means the reference data changed.
function place(municipalityCode: string): GeoPoint | null {
  const m = JapanGeography.get().municipality(municipalityCode);
  return m ? { lat: m.lat, lng: m.lng } : null;
}
