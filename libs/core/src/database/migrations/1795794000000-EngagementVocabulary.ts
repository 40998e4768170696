import { MigrationInterface, QueryRunner } from 'typeorm';

// Tables that point at an engagement through what was an application_id column.
const REFERRING = [
  'engagement_event',
  'scout_offer',
  'allocation_assignment',
  'engagement_check_in',
  'engagement_note',
  'engagement_milestone',
  'engagement_alert',
  'engagement_feedback',
  'follow_up',
];

// Index names that said "application" (explicit, or TypeORM's hashes of table and columns).
const INDEXES: [string, string][] = [
  ['application_project_participant_key', 'engagement_project_participant_key'],
  ['engagement_event_application_idx', 'engagement_event_engagement_idx'],
  ['engagement_check_in_application_idx', 'engagement_check_in_engagement_idx'],
  ['engagement_note_application_idx', 'engagement_note_engagement_idx'],
  ['engagement_milestone_application_idx', 'engagement_milestone_engagement_idx'],
  ['follow_up_application_months_key', 'follow_up_engagement_months_key'],
  ['IDX_f8a2132e65b748d2b93ceb1f20', 'IDX_67c7c0668bbea3b2277ffd9655'],
  ['IDX_eacb0dbcfd40af52618b1e4643', 'IDX_183f60359779fb1c4a7fbd4a14'],
  ['IDX_b70a772d1592a5d5dff100390e', 'IDX_c95d5ebea1cc765e75e8f443c4'],
];

// Constraint names (TypeORM's hashes of table and columns too), by table as renamed.
const CONSTRAINTS: [string, [string, string]][] = [
  ['engagement', ['application_terms_valid', 'engagement_terms_valid']],
  ['engagement', ['PK_569e0c3e863ebdf5f2408ee1670', 'PK_08aef5bffed6ae054d4022b0b00']],
  ['engagement', ['FK_f8a2132e65b748d2b93ceb1f200', 'FK_67c7c0668bbea3b2277ffd9655b']],
  ['engagement', ['FK_eacb0dbcfd40af52618b1e4643e', 'FK_183f60359779fb1c4a7fbd4a14a']],
  ['engagement_event', ['FK_663368dc074b5efd3b5d778057e', 'FK_a5818bbe51e0185c9e8cdc8b6de']],
  ['engagement_feedback', ['FK_ca03d70e772a2d044b2903fd0d1', 'FK_ade9194e10903fd86a5c358080a']],
  ['follow_up', ['FK_2e05c7b64186d9dc4aa9421ceac', 'FK_f65369bc49dcaa89a848ced63b5']],
  ['engagement_check_in', ['FK_69cb0f228b3a304b77f226e3c78', 'FK_2277243a042a1e7a1d5a38c45dc']],
  ['engagement_note', ['FK_e14b49acea00b25eb1061774bb5', 'FK_bd7e075da74821525b2e2a39507']],
  ['engagement_milestone', ['FK_0223d52d1d796ecdc100c7cc81f', 'FK_dd2c6714d8acc5dc7c6cb3e4e35']],
  ['engagement_alert', ['FK_60b2ff797147267a76937301e2f', 'FK_229e5bb1e0b4aa2cdb71c7ddf11']],
  ['scout_offer', ['FK_e722d2020c18575bbfa776896a1', 'FK_2fcb477b74534d8414c63d5b9cd']],
  ['allocation_assignment', ['FK_11e07becdf7be80684cd1848638', 'FK_e49b215796d46dc8b89cec67f2e']],
];

// Stored JSON that links to an engagement by id: event payloads still in the outbox, in-app
// notifications and the events notifications keep. (Jobs already in Redis keep the old key.)
export function renameLinkKeySql(from: string, to: string): string[] {
  const renamed = (doc: string) => `(${doc} - '${from}') || jsonb_build_object('${to}', ${doc}->'${from}')`;
  return [
    `UPDATE outbox_message SET payload = jsonb_set(payload, '{event,payload}', ${renamed(`(payload#>'{event,payload}')`)}) WHERE payload#>'{event,payload}' ? '${from}'`,
    `UPDATE notification SET data = ${renamed('data')} WHERE data ? '${from}'`,
    `UPDATE notification_event SET links = ${renamed('links')} WHERE links ? '${from}'`,
  ];
}

// The seat functions and trigger of ProjectInvariants1795786000000, over the table named `table`.
function seatFunctionsSql(table: string): string[] {
  return [
    `CREATE FUNCTION ${table}_holds_seat(status ${table}_status) RETURNS boolean
      LANGUAGE sql IMMUTABLE AS $$
        SELECT status IN ('ACCEPTED', 'APPROVED', 'ACTIVE', 'COMPLETED')
      $$`,
    `CREATE OR REPLACE FUNCTION project_seats_held(project_id uuid) RETURNS integer
      LANGUAGE sql STABLE AS $$
        SELECT count(*)::int FROM ${table} a
         WHERE a.project_id = $1 AND ${table}_holds_seat(a.status)
      $$`,
    `CREATE FUNCTION ${table}_seat_within_capacity() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE
        cap integer;
      BEGIN
        IF NOT ${table}_holds_seat(NEW.status) THEN RETURN NULL; END IF;
        IF TG_OP = 'UPDATE' AND ${table}_holds_seat(OLD.status)
           AND OLD.project_id = NEW.project_id THEN
          RETURN NULL;
        END IF;
        SELECT capacity INTO cap FROM project WHERE id = NEW.project_id FOR NO KEY UPDATE;
        IF project_seats_held(NEW.project_id) > cap THEN
          RAISE EXCEPTION 'project % is full: all % seats are held', NEW.project_id, cap
            USING ERRCODE = 'check_violation', CONSTRAINT = '${table}_seat_within_capacity';
        END IF;
        RETURN NULL;
      END
      $$`,
    `CREATE TRIGGER ${table}_seat_within_capacity
      AFTER INSERT OR UPDATE OF status, project_id ON ${table}
      FOR EACH ROW EXECUTE FUNCTION ${table}_seat_within_capacity()`,
  ];
}

// One vocabulary: what starts as an application and lives on is an engagement, in the tables too
// (table, status type, every application_id column, the names built from them, the seat rule).
export class EngagementVocabulary1795794000000 implements MigrationInterface {
  name = 'EngagementVocabulary1795794000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.rename(queryRunner, 'application', 'engagement', (pair) => pair);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.rename(queryRunner, 'engagement', 'application', ([a, b]) => [b, a]);
  }

  private async rename(
    queryRunner: QueryRunner,
    from: string,
    to: string,
    way: (pair: [string, string]) => [string, string],
  ): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    // The seat functions name the table in their bodies: dropped, then written again over it.
    await q(`DROP TRIGGER ${from}_seat_within_capacity ON ${from}`);
    await q(`DROP FUNCTION ${from}_seat_within_capacity()`);
    await q(`ALTER TABLE "${from}" RENAME TO "${to}"`);
    await q(`ALTER TYPE "public"."${from}_status" RENAME TO "${to}_status"`);
    for (const table of REFERRING) {
      await q(`ALTER TABLE "${table}" RENAME COLUMN "${from}_id" TO "${to}_id"`);
    }
    for (const pair of INDEXES) {
      const [old, renamed] = way(pair);
      await q(`ALTER INDEX "public"."${old}" RENAME TO "${renamed}"`);
    }
    for (const [table, pair] of CONSTRAINTS) {
      const [old, renamed] = way(pair);
      await q(`ALTER TABLE "${table === 'engagement' ? to : table}" RENAME CONSTRAINT "${old}" TO "${renamed}"`);
    }
    await q(`DROP FUNCTION ${from}_holds_seat(${to}_status)`);
    for (const sql of seatFunctionsSql(to)) await q(sql);
    for (const sql of renameLinkKeySql(`${from}Id`, `${to}Id`)) await q(sql);
  }
}
