import { Injectable } from '@nestjs/common';
import { DomainEventPublisher, OnEvent, PersonalDataOf } from '@tsunagu/core';
import type { EventOf } from '@tsunagu/core';
import { ACCOUNT_DELETED } from '@tsunagu/identity';
import { EntityManager } from 'typeorm';
import { PARTICIPANT_PROFILE_CHANGED } from './participant-events';
import { ParticipantProfile, ProfileVisibility } from './participant-profile.entity';
import { ParticipantSkill } from './participant-skill.entity';

// The participants context's part of the account's data: its export and its erasure.
@Injectable()
export class ParticipantAccountData {
  constructor(private readonly events: DomainEventPublisher) {}

  @PersonalDataOf('participantProfile')
  async export(m: EntityManager, userId: string): Promise<unknown> {
    const [profile] = await m.query<unknown[]>(
      `SELECT p.kind, o.name AS company, p.guardian_name AS "guardianName",
              p.guardian_consent_at AS "guardianConsentAt", p.theme_codes AS "themeCodes",
              p.goals, p.weekly_hours AS "weeklyHours", p.available_periods AS "availablePeriods",
              p.available_days AS "availableDays", p.home_municipality_code AS "homeMunicipalityCode",
              p.travel_range_km AS "travelRangeKm", p.remote_only AS "remoteOnly", p.languages,
              p.bio, p.phone, p.visibility, p.created_at AS "createdAt", p.updated_at AS "updatedAt",
              COALESCE((SELECT json_agg(json_build_object('skill', sk.code, 'level', ps.level)
                                        ORDER BY sk.code)
                FROM participant_skill ps JOIN skill sk ON sk.id = ps.skill_id
                WHERE ps.user_id = p.user_id), '[]') AS skills
         FROM participant_profile p
         LEFT JOIN organization o ON o.id = p.company_organization_id
        WHERE p.user_id = $1`,
      [userId],
    );
    return profile ?? null;
  }

  // The profile row stays (engagements hang on it) with everything personal erased: skills,
  // free text, contact details, places, availability; nobody can find it any more.
  @OnEvent(ACCOUNT_DELETED)
  async erase(m: EntityManager, event: EventOf<typeof ACCOUNT_DELETED>): Promise<void> {
    const { userId } = event.payload;
    if (!(await m.getRepository(ParticipantProfile).existsBy({ userId }))) return;
    await m.delete(ParticipantSkill, { userId });
    await m.update(
      ParticipantProfile,
      { userId },
      {
        guardianName: null,
        themeCodes: [],
        goals: [],
        weeklyHours: null,
        availablePeriods: [],
        homeMunicipalityCode: null,
        languages: [],
        bio: '',
        phone: null,
        visibility: ProfileVisibility.NOBODY,
      },
    );
    await this.events.publish(m, PARTICIPANT_PROFILE_CHANGED, { participantId: userId });
  }
}
