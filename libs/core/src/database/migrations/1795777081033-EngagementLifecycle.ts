import { MigrationInterface, QueryRunner } from 'typeorm';

export class EngagementLifecycle1795777081033 implements MigrationInterface {
  name = 'EngagementLifecycle1795777081033';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."engagement_action" AS ENUM('PROPOSE_INTERVIEW', 'ACCEPT', 'DECLINE', 'APPROVE', 'START', 'COMPLETE', 'WITHDRAW', 'CANCEL')`);
    await queryRunner.query(`CREATE TABLE "engagement_event" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "application_id" uuid NOT NULL, "actor_id" uuid, "action" "public"."engagement_action" NOT NULL, "from_status" "public"."application_status" NOT NULL, "to_status" "public"."application_status" NOT NULL, "reason" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0e940cff06ef680775d7b729ce6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "engagement_event_application_idx" ON "engagement_event"  ("application_id", "id") `);
    await queryRunner.query(`ALTER TABLE "application" ADD "interview" jsonb`);
    await queryRunner.query(`ALTER TABLE "application" ADD "terms" jsonb`);
    await queryRunner.query(`ALTER TABLE "application" ADD "status_reason" text`);
    await queryRunner.query(`ALTER TABLE "application" ADD "status_changed_at" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(`ALTER TYPE "public"."application_status" ADD VALUE 'INTERVIEW'`);
    await queryRunner.query(`ALTER TYPE "public"."application_status" ADD VALUE 'ACCEPTED'`);
    await queryRunner.query(`ALTER TYPE "public"."application_status" ADD VALUE 'APPROVED'`);
    await queryRunner.query(`ALTER TYPE "public"."application_status" ADD VALUE 'ACTIVE'`);
    await queryRunner.query(`ALTER TYPE "public"."application_status" ADD VALUE 'COMPLETED'`);
    await queryRunner.query(`ALTER TYPE "public"."application_status" ADD VALUE 'DECLINED'`);
    await queryRunner.query(`ALTER TYPE "public"."application_status" ADD VALUE 'WITHDRAWN'`);
    await queryRunner.query(`ALTER TYPE "public"."application_status" ADD VALUE 'CANCELLED'`);
    await queryRunner.query(`ALTER TABLE "engagement_event" ADD CONSTRAINT "FK_663368dc074b5efd3b5d778057e" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "engagement_event" ADD CONSTRAINT "FK_4c2a11aea90f1e4fe8edf63adb7" FOREIGN KEY ("actor_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "engagement_event" DROP CONSTRAINT "FK_4c2a11aea90f1e4fe8edf63adb7"`);
    await queryRunner.query(`ALTER TABLE "engagement_event" DROP CONSTRAINT "FK_663368dc074b5efd3b5d778057e"`);
    await queryRunner.query(`CREATE TYPE "public"."application_status_old" AS ENUM('SUBMITTED')`);
    await queryRunner.query(`ALTER TABLE "application" ALTER COLUMN "status" TYPE "public"."application_status_old" USING "status"::"text"::"public"."application_status_old"`);
    await queryRunner.query(`DROP TYPE "public"."application_status"`);
    await queryRunner.query(`ALTER TYPE "public"."application_status_old" RENAME TO "application_status"`);
    await queryRunner.query(`ALTER TABLE "application" DROP COLUMN "status_changed_at"`);
    await queryRunner.query(`ALTER TABLE "application" DROP COLUMN "status_reason"`);
    await queryRunner.query(`ALTER TABLE "application" DROP COLUMN "terms"`);
    await queryRunner.query(`ALTER TABLE "application" DROP COLUMN "interview"`);
    await queryRunner.query(`DROP INDEX "public"."engagement_event_application_idx"`);
    await queryRunner.query(`DROP TABLE "engagement_event"`);
    await queryRunner.query(`DROP TYPE "public"."engagement_action"`);
  }
}
