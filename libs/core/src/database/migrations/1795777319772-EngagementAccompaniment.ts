import { MigrationInterface, QueryRunner } from 'typeorm';

export class EngagementAccompaniment1795777319772 implements MigrationInterface {
  name = 'EngagementAccompaniment1795777319772';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "engagement_check_in" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "summary" text NOT NULL, "hours" numeric(3,1) NOT NULL, "mood" smallint, "blocked" boolean NOT NULL DEFAULT false, "approved_at" TIMESTAMP(3) WITH TIME ZONE, "approved_by_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "engagement_check_in_mood_range" CHECK (mood IS NULL OR mood BETWEEN 1 AND 5), CONSTRAINT "engagement_check_in_hours_range" CHECK (hours >= 0 AND hours <= 80), CONSTRAINT "PK_fa57ad4cded512bb7548f9a64a4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "engagement_check_in_application_idx" ON "engagement_check_in"  ("application_id", "created_at") `);
    await queryRunner.query(`CREATE TYPE "public"."engagement_note_visibility" AS ENUM('REGION_SHARED', 'INTERMEDIARY_PRIVATE')`);
    await queryRunner.query(`CREATE TABLE "engagement_note" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "author_id" uuid, "visibility" "public"."engagement_note_visibility" NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b21745cc17d1b648797b4fd36c1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "engagement_note_application_idx" ON "engagement_note"  ("application_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "engagement_milestone" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "title" text NOT NULL, "due_date" date NOT NULL, "done_at" TIMESTAMP(3) WITH TIME ZONE, "created_by_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cc181201a3fab98732b1b806d9a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "engagement_milestone_application_idx" ON "engagement_milestone"  ("application_id", "due_date") `);
    await queryRunner.query(`CREATE TYPE "public"."engagement_alert_kind" AS ENUM('STALE', 'MILESTONE_OVERDUE')`);
    await queryRunner.query(`CREATE TABLE "engagement_alert" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "kind" "public"."engagement_alert_kind" NOT NULL, "since" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a380918ef5e81826a788bfccc1e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "engagement_alert_key" ON "engagement_alert"  ("application_id", "kind", "since") `);
    await queryRunner.query(`ALTER TABLE "engagement_check_in" ADD CONSTRAINT "FK_69cb0f228b3a304b77f226e3c78" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "engagement_check_in" ADD CONSTRAINT "FK_97e44e403ee3de77efee62b6d6b" FOREIGN KEY ("participant_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "engagement_check_in" ADD CONSTRAINT "FK_9d1d842ce7a30b782f80f03cf01" FOREIGN KEY ("approved_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "engagement_note" ADD CONSTRAINT "FK_e14b49acea00b25eb1061774bb5" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "engagement_note" ADD CONSTRAINT "FK_6bf54981a64a1829df6e54e4834" FOREIGN KEY ("author_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "engagement_milestone" ADD CONSTRAINT "FK_0223d52d1d796ecdc100c7cc81f" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "engagement_milestone" ADD CONSTRAINT "FK_371370b4b447fa166c7fdf8fdf2" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "engagement_alert" ADD CONSTRAINT "FK_60b2ff797147267a76937301e2f" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "engagement_alert" DROP CONSTRAINT "FK_60b2ff797147267a76937301e2f"`);
    await queryRunner.query(`ALTER TABLE "engagement_milestone" DROP CONSTRAINT "FK_371370b4b447fa166c7fdf8fdf2"`);
    await queryRunner.query(`ALTER TABLE "engagement_milestone" DROP CONSTRAINT "FK_0223d52d1d796ecdc100c7cc81f"`);
    await queryRunner.query(`ALTER TABLE "engagement_note" DROP CONSTRAINT "FK_6bf54981a64a1829df6e54e4834"`);
    await queryRunner.query(`ALTER TABLE "engagement_note" DROP CONSTRAINT "FK_e14b49acea00b25eb1061774bb5"`);
    await queryRunner.query(`ALTER TABLE "engagement_check_in" DROP CONSTRAINT "FK_9d1d842ce7a30b782f80f03cf01"`);
    await queryRunner.query(`ALTER TABLE "engagement_check_in" DROP CONSTRAINT "FK_97e44e403ee3de77efee62b6d6b"`);
    await queryRunner.query(`ALTER TABLE "engagement_check_in" DROP CONSTRAINT "FK_69cb0f228b3a304b77f226e3c78"`);
    await queryRunner.query(`DROP INDEX "public"."engagement_alert_key"`);
    await queryRunner.query(`DROP TABLE "engagement_alert"`);
    await queryRunner.query(`DROP TYPE "public"."engagement_alert_kind"`);
    await queryRunner.query(`DROP INDEX "public"."engagement_milestone_application_idx"`);
    await queryRunner.query(`DROP TABLE "engagement_milestone"`);
    await queryRunner.query(`DROP INDEX "public"."engagement_note_application_idx"`);
    await queryRunner.query(`DROP TABLE "engagement_note"`);
    await queryRunner.query(`DROP TYPE "public"."engagement_note_visibility"`);
    await queryRunner.query(`DROP INDEX "public"."engagement_check_in_application_idx"`);
    await queryRunner.query(`DROP TABLE "engagement_check_in"`);
  }
}
