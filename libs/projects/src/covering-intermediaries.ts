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
