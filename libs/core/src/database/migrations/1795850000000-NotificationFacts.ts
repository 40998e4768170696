import { MigrationInterface, QueryRunner } from 'typeorm';

// An in-app notification keeps the facts it was rendered from (names, titles, statuses) and the
// capacity its recipient heard of it in, so the web app can word it in the language chosen now
// rather than the one stored when it was delivered.
export class NotificationFacts1795850000000 implements MigrationInterface {
  name = 'NotificationFacts1795850000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "notification" ADD "facts" jsonb NOT NULL DEFAULT '{}', ADD "audience" text`,
    );
    await queryRunner.query(`UPDATE "notification" n SET "facts" = e."vars", "audience" = d."role"
      FROM "notification_event" e
      JOIN "notification_delivery" d ON d."event_id" = e."id" AND d."channel" = 'IN_APP'
     WHERE e."key" = n."event_key" AND d."recipient_id" = n."recipient_id"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "audience", DROP COLUMN "facts"`);
  }
}
