import { Injectable } from '@nestjs/common';
import { AudienceOf, EventAudience, EventOf, RecipientRole } from '@tsunagu/core';
import { DataSource } from 'typeorm';
import {
  ACTIVITY_DAY_CANCELLED,
  ACTIVITY_DAY_REMINDER,
  ACTIVITY_DAYS_PUBLISHED,
} from './activity-day-events';
import { jstParts } from './activity-day-times';
import { SIGNS_UP_FOR_DAYS } from './activity-day.service';

interface DayFacts {
  project_id: string;
  project: string;
  starts_at: Date;
  ends_at: Date;
  meeting_point: string;
}

// What every activity day message says: the project, the day and its times (Japan time).
function dayVars(row: DayFacts): Record<string, string> {
  const start = jstParts(row.starts_at);
  return {
    project: row.project,
    date: start.date,
    startTime: start.time,
    endTime: jstParts(row.ends_at).time,
    meetingPoint: row.meeting_point,
  };
}

const DAY_FACTS = `SELECT p.id AS project_id, p.title AS project, d.starts_at, d.ends_at, d.meeting_point
  FROM activity_day d JOIN project p ON p.id = d.project_id`;

// Who hears of activity days: the people engaged on the project, as participants.
@Injectable()
export class ActivityDayAudiences {
  constructor(private readonly dataSource: DataSource) {}

  // Everyone who may sign up, with how many days and from when.
  @AudienceOf(ACTIVITY_DAYS_PUBLISHED)
  async published({
    payload,
  }: EventOf<typeof ACTIVITY_DAYS_PUBLISHED>): Promise<EventAudience | null> {
    const days = await this.dataSource.query<DayFacts[]>(
      `${DAY_FACTS} WHERE d.id = ANY($1) AND d.status = 'PUBLISHED' ORDER BY d.starts_at`,
      [payload.activityDayIds],
    );
    if (days.length === 0) return null;
    const people = await this.dataSource.query<Array<{ participant_id: string }>>(
      `SELECT participant_id FROM engagement WHERE project_id = $1 AND status = ANY($2)`,
      [payload.projectId, SIGNS_UP_FOR_DAYS],
    );
    return {
      vars: { ...dayVars(days[0]), count: String(days.length) },
      links: { projectId: payload.projectId },
      recipients: people.map((p) => ({
        userId: p.participant_id,
        role: RecipientRole.PARTICIPANT,
      })),
      organizationIds: [],
    };
  }

  // Those signed up when the day was called off.
  @AudienceOf(ACTIVITY_DAY_CANCELLED)
  async cancelled({
    payload,
  }: EventOf<typeof ACTIVITY_DAY_CANCELLED>): Promise<EventAudience | null> {
    const [day] = await this.dataSource.query<DayFacts[]>(`${DAY_FACTS} WHERE d.id = $1`, [
      payload.activityDayId,
    ]);
    if (!day) return null;
    const people = await this.dataSource.query<Array<{ participant_id: string }>>(
      `SELECT e.participant_id FROM activity_day_signup s JOIN engagement e ON e.id = s.engagement_id
        WHERE s.activity_day_id = $1 AND s.status = 'SIGNED_UP'`,
      [payload.activityDayId],
    );
    return {
      vars: dayVars(day),
      links: { projectId: day.project_id },
      recipients: people.map((p) => ({
        userId: p.participant_id,
        role: RecipientRole.PARTICIPANT,
      })),
      organizationIds: [],
    };
  }

  // Only while the sign-up and the day stand.
  @AudienceOf(ACTIVITY_DAY_REMINDER)
  async reminder({
    payload,
  }: EventOf<typeof ACTIVITY_DAY_REMINDER>): Promise<EventAudience | null> {
    const [row] = await this.dataSource.query<
      Array<DayFacts & { engagement_id: string; participant_id: string }>
    >(
      `SELECT p.id AS project_id, p.title AS project, d.starts_at, d.ends_at, d.meeting_point,
              e.id AS engagement_id, e.participant_id
         FROM activity_day_signup s
         JOIN activity_day d ON d.id = s.activity_day_id
         JOIN project p ON p.id = d.project_id
         JOIN engagement e ON e.id = s.engagement_id
        WHERE s.id = $1 AND s.status = 'SIGNED_UP' AND d.status = 'PUBLISHED'`,
      [payload.signupId],
    );
    if (!row) return null;
    return {
      vars: dayVars(row),
      links: { projectId: row.project_id, engagementId: row.engagement_id },
      recipients: [{ userId: row.participant_id, role: RecipientRole.PARTICIPANT }],
      organizationIds: [],
    };
  }
}
