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
      `SELECT p.kind, o.name AS company, p.date_of_birth::text AS "dateOfBirth",
              p.guardian_name AS "guardianName", p.guardian_email AS "guardianEmail",
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

  // What the guardian was asked and answered, for each engagement or event registration.
  @PersonalDataOf('guardianConsents')
  async guardianConsents(m: EntityManager, userId: string): Promise<unknown> {
    return m.query(
      `SELECT c.subject_kind AS "subjectKind", c.facts->>'title' AS title, c.status,
              c.guardian_email AS "guardianEmail", c.last_sent_at AS "lastSentAt",
              c.decided_by_name AS "decidedByName", c.decided_at AS "decidedAt",
              c.statement_version AS "statementVersion", c.withdrawn_at AS "withdrawnAt",
              c.created_at AS "createdAt"
         FROM guardian_consent c WHERE c.participant_id = $1 ORDER BY c.created_at`,
      [userId],
    );
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
        guardianEmail: null,
        dateOfBirth: null,
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
    await this.eraseGuardianConsents(m, userId);
    await this.events.publish(m, PARTICIPANT_PROFILE_CHANGED, { participantId: userId });
  }

  // The consents stay as the record of what was answered and when, without the guardian's
  // address, name or the statement naming them; the mails (with their address) go, unsent ones
  // and scout offers' copies included, and the links die (no token hashes to an `erased:` value).
  private async eraseGuardianConsents(m: EntityManager, userId: string): Promise<void> {
    await m.query(
      `DELETE FROM guardian_consent_mail
        WHERE consent_id IN (SELECT id FROM guardian_consent WHERE participant_id = $1)
           OR participant_id = $1`,
      [userId],
    );
    await m.query(
      `UPDATE guardian_consent
          SET guardian_email = '', decided_by_name = NULL, statement_text = NULL,
              token_hash = 'erased:' || id::text, updated_at = now()
        WHERE participant_id = $1`,
      [userId],
    );
  }
}
