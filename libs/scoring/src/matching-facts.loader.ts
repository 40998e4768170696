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
  async participants(
    ids?: readonly string[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<ParticipantFacts[]> {
    const only = ids ? 'WHERE user_id = ANY($1)' : '';
    const params = ids ? [ids] : [];
    const [rows, skills, ties] = await Promise.all([
      m.query<ParticipantRow[]>(
        `SELECT user_id, kind, theme_codes, goals::text[] AS goals, weekly_hours,
                available_periods, home_municipality_code, travel_range_km, remote_only
         FROM participant_profile ${only} ORDER BY user_id`,
        params,
      ),
      m.query<Array<{ user_id: string; skill_id: string; level: number }>>(
        `SELECT user_id, skill_id, level FROM participant_skill ${only}`,
        params,
      ),
      // A tie with a region: an engagement with one of its projects was approved (and may be
      // running or completed) — a relationship the policy wants to deepen.
      m.query<Array<{ user_id: string; region: string }>>(
        `SELECT DISTINCT a.participant_id AS user_id, p.region_organization_id AS region
         FROM engagement a JOIN project p ON p.id = a.project_id
         WHERE a.status IN ('APPROVED', 'ACTIVE', 'COMPLETED')
         ${ids ? 'AND a.participant_id = ANY($1)' : ''}`,
        params,
      ),
    ]);
    const skillsOf = groupBy(skills, (s) => s.user_id);
    const tiesOf = groupBy(ties, (t) => t.user_id);
    return rows.map((r) => ({
      id: r.user_id,
      kind: r.kind,
      skills: new Map((skillsOf.get(r.user_id) ?? []).map((s) => [s.skill_id, s.level])),
      themeCodes: r.theme_codes,
      goals: r.goals,
      weeklyHours: r.weekly_hours,
      availability: r.available_periods.map((p) => ({ from: p.from, to: p.to ?? null })),
      home: r.home_municipality_code ? place(r.home_municipality_code) : null,
      travelRangeKm: r.travel_range_km,
      remoteOnly: r.remote_only,
      regionTies: new Set((tiesOf.get(r.user_id) ?? []).map((t) => t.region)),
    }));
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

// Municipality codes are validated on write, so a miss means the reference data changed.
function place(municipalityCode: string): GeoPoint | null {
  const m = JapanGeography.get().municipality(municipalityCode);
  return m ? { lat: m.lat, lng: m.lng } : null;
}
