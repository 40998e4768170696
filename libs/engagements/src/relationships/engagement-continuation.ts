import { EntityManager } from 'typeorm';
import { FOLLOW_UP_MONTHS, FollowUpOutcome } from './engagement-relationship.entities';
import { EngagementStatus } from '../lifecycle/engagement-state';

// What an engagement's transition means for the relationship with the region, in the
// transition's transaction: completion opens the follow-ups and counts towards the relationship;
// a new approval with the same region answers the earlier engagement's next open follow-up.
export async function continueRelationship(
  m: EntityManager,
  engagementId: string,
  to: EngagementStatus,
  at: Date,
): Promise<void> {
  if (to === EngagementStatus.COMPLETED) {
    await m.query(
      `INSERT INTO follow_up (engagement_id, due_months, due_at)
       SELECT $1, n, $2::timestamptz + make_interval(months => n) FROM unnest($3::int[]) AS n
       ON CONFLICT (engagement_id, due_months) DO NOTHING`,
      [engagementId, at, [...FOLLOW_UP_MONTHS]],
    );
    await m.query(
      `INSERT INTO region_relationship (participant_id, region_organization_id,
              first_engagement_at, engagements_completed, last_contact_at)
       SELECT a.participant_id, p.region_organization_id,
              least(coalesce(((a.terms->>'startDate')::date::timestamp AT TIME ZONE 'Asia/Tokyo'), $2), $2), 1, $2
         FROM engagement a JOIN project p ON p.id = a.project_id
        WHERE a.id = $1
       ON CONFLICT (participant_id, region_organization_id) DO UPDATE SET
         engagements_completed = region_relationship.engagements_completed + 1,
         first_engagement_at = least(region_relationship.first_engagement_at,
                                     excluded.first_engagement_at),
         last_contact_at = greatest(region_relationship.last_contact_at, excluded.last_contact_at)`,
      [engagementId, at],
    );
  }
  if (to === EngagementStatus.APPROVED) {
    const target = `SELECT a.participant_id, p.region_organization_id, p.title
       FROM engagement a JOIN project p ON p.id = a.project_id WHERE a.id = $1`;
    // Only the next open follow-up of each earlier engagement: later ones still ask how it went.
    await m.query(
      `WITH target AS (${target}),
       next AS (
         SELECT DISTINCT ON (f.engagement_id) f.id, t.title
           FROM follow_up f
           JOIN engagement e ON e.id = f.engagement_id
           JOIN project ep ON ep.id = e.project_id, target t
          WHERE e.participant_id = t.participant_id
            AND ep.region_organization_id = t.region_organization_id
            AND e.id <> $1 AND f.recorded_at IS NULL
          ORDER BY f.engagement_id, f.due_months)
       UPDATE follow_up f
          SET outcomes = ARRAY[$3]::follow_up_outcome[], recorded_at = $2,
              note = 'Approved for ' || next.title
         FROM next WHERE f.id = next.id`,
      [engagementId, at, FollowUpOutcome.NEW_ENGAGEMENT],
    );
    await m.query(
      `WITH target AS (${target})
       UPDATE region_relationship r
          SET last_outcomes = ARRAY[$3]::follow_up_outcome[],
              last_contact_at = greatest(r.last_contact_at, $2)
         FROM target t
        WHERE r.participant_id = t.participant_id
          AND r.region_organization_id = t.region_organization_id`,
      [engagementId, at, FollowUpOutcome.NEW_ENGAGEMENT],
    );
  }
}
