import { MigrationInterface, QueryRunner } from 'typeorm';

// Hand-written: the national programs' four themes (programs add their own as rows), and the
// trigger that wakes the outbox relay when an outbox row is committed.
export class ThemesAndOutboxNotify1795763449983 implements MigrationInterface {
  name = 'ThemesAndOutboxNotify1795763449983';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`INSERT INTO "theme" ("code", "name_ja", "name_en", "sort_order") VALUES
      ('learning', 'まなび', 'Learning', 10),
      ('work', 'しごと', 'Work', 20),
      ('agriculture', '農的', 'Agriculture', 30),
      ('local', '地域内', 'Intra-regional', 40)`);
    await queryRunner.query(`CREATE FUNCTION outbox_message_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox_message_inserted', '');
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER outbox_message_notify AFTER INSERT ON "outbox_message"
      FOR EACH STATEMENT EXECUTE FUNCTION outbox_message_notify()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER outbox_message_notify ON "outbox_message"`);
    await queryRunner.query(`DROP FUNCTION outbox_message_notify()`);
    await queryRunner.query(`DELETE FROM "theme" WHERE "code" IN ('learning', 'work', 'agriculture', 'local')`);
  }
}
