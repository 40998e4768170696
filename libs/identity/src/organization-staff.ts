import { Recipient, RecipientRole } from '@tsunagu/core';
import { DataSource, EntityManager } from 'typeorm';

// Everyone on the staff of any of the organisations, once each (in id order), heard in the
// given capacity for one of them (the first by id, for someone on the staff of several): how a
// context names the staff side of an event's audience.
export async function staffRecipients(
  db: DataSource | EntityManager,
  organizationIds: readonly string[],
  role: RecipientRole,
): Promise<Recipient[]> {
  if (organizationIds.length === 0) return [];
  const rows = await db.query<Array<{ user_id: string; organization_id: string }>>(
    `SELECT DISTINCT ON (user_id) user_id, organization_id FROM membership
      WHERE organization_id = ANY($1::uuid[])
      ORDER BY user_id, organization_id`,
    [organizationIds],
  );
  return rows.map((r) => ({ userId: r.user_id, role, organizationId: r.organization_id }));
}
