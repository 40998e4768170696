import { remitAreaCoversSql } from '@tsunagu/identity';

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
