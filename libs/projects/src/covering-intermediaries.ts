import { Recipient, RecipientRole } from '@tsunagu/core';
import { remitAreaCoversSql, staffRecipients } from '@tsunagu/identity';
import { DataSource, EntityManager } from 'typeorm';

const PROJECT_PLACE = {
  prefectureCode: 'p.prefecture_code',
  municipalityCode: 'p.municipality_code',
};

// The intermediaries whose remit covers a project (given as an SQL expression for its id), as a
// query of their ids: who supervises what happens on it.
export const coveringIntermediariesSql = (projectId: string): string => `
  SELECT DISTINCT o.id FROM organization o
    JOIN remit_area r ON r.organization_id = o.id
    JOIN project p ON p.id = ${projectId}
   WHERE o.kind = 'INTERMEDIARY'
     AND ${remitAreaCoversSql('r', PROJECT_PLACE)}`;

// The same rule from the other side: whether an intermediary (an SQL expression for its id)
// covers a project (the table alias of its row), as a condition for lists such as its review
// queue.
export const coveredByIntermediarySql = (intermediaryId: string, project: string): string => `
  EXISTS (SELECT 1 FROM organization o
            JOIN remit_area r ON r.organization_id = o.id
           WHERE o.id = ${intermediaryId} AND o.kind = 'INTERMEDIARY'
             AND ${remitAreaCoversSql('r', {
               prefectureCode: `${project}.prefecture_code`,
               municipalityCode: `${project}.municipality_code`,
             })})`;

// Everyone who runs or supervises a project: its region's staff (as the region), then the staff
// of the intermediaries covering it (as intermediaries), with those organisations' ids.
export async function projectStaff(
  db: DataSource | EntityManager,
  project: { id: string; regionOrganizationId: string },
): Promise<{ recipients: Recipient[]; organizationIds: string[] }> {
  const covering = (
    await db.query<Array<{ id: string }>>(coveringIntermediariesSql('$1'), [project.id])
  ).map((r) => r.id);
  return {
    recipients: [
      ...(await staffRecipients(db, [project.regionOrganizationId], RecipientRole.REGION)),
      ...(await staffRecipients(db, covering, RecipientRole.INTERMEDIARY)),
    ],
    organizationIds: [project.regionOrganizationId, ...covering],
  };
}
