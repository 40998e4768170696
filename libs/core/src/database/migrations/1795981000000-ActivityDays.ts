import { MigrationInterface, QueryRunner } from 'typeorm';

// Activity days on projects: dates with places the region publishes, sign-ups per engagement,
// attendance credited as an approved check-in (once), a day-before reminder.
export class ActivityDays1795981000000 implements MigrationInterface {
  name = 'ActivityDays1795981000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."activity_day_status" AS ENUM('PUBLISHED', 'CANCELLED')`);
    await queryRunner.query(`CREATE TABLE "activity_day" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "status" "public"."activity_day_status" NOT NULL DEFAULT 'PUBLISHED', "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "places" integer NOT NULL, "signed_up_count" integer NOT NULL DEFAULT '0', "meeting_point" text NOT NULL, "what_to_bring" text, "note_ja" text, "note_en" text, "created_by_id" uuid, "cancelled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "activity_day_within_places" CHECK (signed_up_count >= 0 AND signed_up_count <= places), CONSTRAINT "activity_day_places_positive" CHECK (places >= 1), CONSTRAINT "activity_day_ends_after_start" CHECK (ends_at > starts_at), CONSTRAINT "PK_b5239ae15eabe2c8da5a501b539" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "activity_day_project_start_key" ON "activity_day"  ("project_id", "starts_at") WHERE status = 'PUBLISHED'`);
    await queryRunner.query(`CREATE INDEX "activity_day_project_starts_idx" ON "activity_day"  ("project_id", "starts_at") `);
    await queryRunner.query(`CREATE TYPE "public"."activity_day_signup_status" AS ENUM('SIGNED_UP', 'CANCELLED')`);
    await queryRunner.query(`CREATE TABLE "activity_day_signup" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "activity_day_id" uuid NOT NULL, "engagement_id" uuid NOT NULL, "status" "public"."activity_day_signup_status" NOT NULL, "signed_up_at" TIMESTAMP WITH TIME ZONE NOT NULL, "cancelled_at" TIMESTAMP WITH TIME ZONE, "attended" boolean, "attendance_recorded_at" TIMESTAMP WITH TIME ZONE, "check_in_id" uuid, "reminded_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "activity_day_signup_credit_when_attended" CHECK (check_in_id IS NULL OR attended), CONSTRAINT "activity_day_signup_attendance_when_signed_up" CHECK (attended IS NULL OR status = 'SIGNED_UP'), CONSTRAINT "PK_214fecf014a7e4e64d84f7ca078" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_59299398a88006b32fa19827c4" ON "activity_day_signup"  ("engagement_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "activity_day_signup_check_in_key" ON "activity_day_signup"  ("check_in_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "activity_day_signup_day_engagement_key" ON "activity_day_signup"  ("activity_day_id", "engagement_id") `);
    await queryRunner.query(`ALTER TABLE "activity_day" ADD CONSTRAINT "FK_586381fb7ddc94c6dabf0c2d05c" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "activity_day" ADD CONSTRAINT "FK_4419a1208ff8cf5229e01709c54" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "activity_day_signup" ADD CONSTRAINT "FK_bb72fe5bbb75792ddedc3c904a9" FOREIGN KEY ("activity_day_id") REFERENCES "activity_day"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "activity_day_signup" ADD CONSTRAINT "FK_59299398a88006b32fa19827c47" FOREIGN KEY ("engagement_id") REFERENCES "engagement"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "activity_day_signup" ADD CONSTRAINT "FK_a7e0a53d6a1e0dfcf4461e0c426" FOREIGN KEY ("check_in_id") REFERENCES "engagement_check_in"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "activity_day_signup" DROP CONSTRAINT "FK_a7e0a53d6a1e0dfcf4461e0c426"`);
    await queryRunner.query(`ALTER TABLE "activity_day_signup" DROP CONSTRAINT "FK_59299398a88006b32fa19827c47"`);
    await queryRunner.query(`ALTER TABLE "activity_day_signup" DROP CONSTRAINT "FK_bb72fe5bbb75792ddedc3c904a9"`);
    await queryRunner.query(`ALTER TABLE "activity_day" DROP CONSTRAINT "FK_4419a1208ff8cf5229e01709c54"`);
    await queryRunner.query(`ALTER TABLE "activity_day" DROP CONSTRAINT "FK_586381fb7ddc94c6dabf0c2d05c"`);
    await queryRunner.query(`DROP INDEX "public"."activity_day_signup_day_engagement_key"`);
    await queryRunner.query(`DROP INDEX "public"."activity_day_signup_check_in_key"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_59299398a88006b32fa19827c4"`);
    await queryRunner.query(`DROP TABLE "activity_day_signup"`);
    await queryRunner.query(`DROP TYPE "public"."activity_day_signup_status"`);
    await queryRunner.query(`DROP INDEX "public"."activity_day_project_starts_idx"`);
    await queryRunner.query(`DROP INDEX "public"."activity_day_project_start_key"`);
    await queryRunner.query(`DROP TABLE "activity_day"`);
    await queryRunner.query(`DROP TYPE "public"."activity_day_status"`);
  }
}
