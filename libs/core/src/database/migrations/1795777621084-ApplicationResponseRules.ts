import { MigrationInterface, QueryRunner } from 'typeorm';

export class ApplicationResponseRules1795777621084 implements MigrationInterface {
  name = 'ApplicationResponseRules1795777621084';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "project" ADD "paused_at" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "project" ADD "pause_reason" text`);
    await queryRunner.query(`DROP INDEX "public"."engagement_alert_key"`);
    await queryRunner.query(`ALTER TYPE "public"."engagement_alert_kind" ADD VALUE 'UNANSWERED'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "engagement_alert_key" ON "engagement_alert"  ("application_id", "kind", "since") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."engagement_alert_key"`);
    await queryRunner.query(`CREATE TYPE "public"."engagement_alert_kind_old" AS ENUM('STALE', 'MILESTONE_OVERDUE')`);
    await queryRunner.query(`ALTER TABLE "engagement_alert" ALTER COLUMN "kind" TYPE "public"."engagement_alert_kind_old" USING "kind"::"text"::"public"."engagement_alert_kind_old"`);
    await queryRunner.query(`DROP TYPE "public"."engagement_alert_kind"`);
    await queryRunner.query(`ALTER TYPE "public"."engagement_alert_kind_old" RENAME TO "engagement_alert_kind"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "engagement_alert_key" ON "engagement_alert" USING btree ("application_id", "kind", "since") `);
    await queryRunner.query(`ALTER TABLE "project" DROP COLUMN "pause_reason"`);
    await queryRunner.query(`ALTER TABLE "project" DROP COLUMN "paused_at"`);
  }
}
