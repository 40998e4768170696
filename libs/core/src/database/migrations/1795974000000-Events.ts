import { MigrationInterface, QueryRunner } from 'typeorm';

// Events organised by intermediaries and regions: registrations with a waiting list, reminders
// due in each registrant's time zone, presenting regions.
export class Events1795974000000 implements MigrationInterface {
  name = 'Events1795974000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."event_kind" AS ENUM('MATCHING_SEMINAR', 'WORKSHOP', 'GATHERING', 'OTHER')`);
    await queryRunner.query(`CREATE TYPE "public"."event_format" AS ENUM('ONLINE', 'ON_SITE', 'HYBRID')`);
    await queryRunner.query(`CREATE TYPE "public"."event_status" AS ENUM('DRAFT', 'PUBLISHED', 'CANCELLED')`);
    await queryRunner.query(`CREATE TABLE "community_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organizer_organization_id" uuid NOT NULL, "kind" "public"."event_kind" NOT NULL DEFAULT 'OTHER', "format" "public"."event_format" NOT NULL, "status" "public"."event_status" NOT NULL DEFAULT 'DRAFT', "title_ja" text NOT NULL, "title_en" text, "description_ja" text NOT NULL, "description_en" text, "theme_codes" text array NOT NULL DEFAULT '{}', "audience_kinds" "public"."participant_kind" array NOT NULL DEFAULT '{}', "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "time_zone" text NOT NULL, "meeting_url" text, "municipality_code" character(6), "prefecture_code" character(2), "venue" text, "capacity" integer, "registered_count" integer NOT NULL DEFAULT '0', "cohort_id" uuid, "created_by_id" uuid NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "community_event_link_when_online" CHECK (format = 'ON_SITE' OR meeting_url IS NOT NULL), CONSTRAINT "community_event_place_when_on_site" CHECK (format = 'ONLINE' OR (municipality_code IS NOT NULL AND venue IS NOT NULL)), CONSTRAINT "community_event_count_not_negative" CHECK (registered_count >= 0), CONSTRAINT "community_event_within_capacity" CHECK (capacity IS NULL OR registered_count <= capacity), CONSTRAINT "community_event_capacity_positive" CHECK (capacity IS NULL OR capacity >= 1), CONSTRAINT "community_event_ends_after_start" CHECK (ends_at > starts_at), CONSTRAINT "PK_d3f5229ec711c492a19c91fc760" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_2da7244a6226eebff858e966bf" ON "community_event"  ("organizer_organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_fd590973d6b77599ca3e3beca7" ON "community_event"  ("municipality_code") `);
    await queryRunner.query(`CREATE INDEX "community_event_status_starts_idx" ON "community_event"  ("status", "starts_at") `);
    await queryRunner.query(`CREATE TABLE "event_presenter" ("event_id" uuid NOT NULL, "region_organization_id" uuid NOT NULL, CONSTRAINT "PK_427d00c692e801aad9e46e50116" PRIMARY KEY ("event_id", "region_organization_id"))`);
    await queryRunner.query(`CREATE TYPE "public"."event_registration_status" AS ENUM('REGISTERED', 'WAITLISTED', 'CANCELLED')`);
    await queryRunner.query(`CREATE TABLE "event_registration" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "user_id" uuid NOT NULL, "status" "public"."event_registration_status" NOT NULL, "requested_at" TIMESTAMP(6) WITH TIME ZONE NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE, "promoted_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "attended" boolean, "attendance_recorded_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "event_registration_attendance_when_registered" CHECK (attended IS NULL OR status = 'REGISTERED'), CONSTRAINT "PK_10aedff1bd0d0ef534d1106ddec" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_2b850bf3117d0f00760dcdef0d" ON "event_registration"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "event_registration_waiting_idx" ON "event_registration"  ("event_id", "status", "requested_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "event_registration_event_user_key" ON "event_registration"  ("event_id", "user_id") `);
    await queryRunner.query(`CREATE TYPE "public"."event_reminder_kind" AS ENUM('DAY_BEFORE', 'HOUR_BEFORE')`);
    await queryRunner.query(`CREATE TABLE "event_reminder" ("registration_id" uuid NOT NULL, "kind" "public"."event_reminder_kind" NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f2ad25d133883559cb9bb1549ca" PRIMARY KEY ("registration_id", "kind"))`);
    await queryRunner.query(`CREATE INDEX "event_reminder_due_idx" ON "event_reminder"  ("due_at") WHERE sent_at IS NULL`);
    await queryRunner.query(`ALTER TABLE "community_event" ADD CONSTRAINT "FK_2da7244a6226eebff858e966bf1" FOREIGN KEY ("organizer_organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "community_event" ADD CONSTRAINT "FK_f9e7f2cd880f54c8c1c2d5634d8" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_presenter" ADD CONSTRAINT "FK_68d1885431b67ab735d39e34e7c" FOREIGN KEY ("event_id") REFERENCES "community_event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_presenter" ADD CONSTRAINT "FK_95d0e25bde5eb8bc8fc24f423a4" FOREIGN KEY ("region_organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_registration" ADD CONSTRAINT "FK_d42836e8ed00e2586af913934a6" FOREIGN KEY ("event_id") REFERENCES "community_event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_registration" ADD CONSTRAINT "FK_2b850bf3117d0f00760dcdef0dd" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_reminder" ADD CONSTRAINT "FK_56ea01e0cfedaa3ec082e3a3b9e" FOREIGN KEY ("registration_id") REFERENCES "event_registration"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "event_reminder" DROP CONSTRAINT "FK_56ea01e0cfedaa3ec082e3a3b9e"`);
    await queryRunner.query(`ALTER TABLE "event_registration" DROP CONSTRAINT "FK_2b850bf3117d0f00760dcdef0dd"`);
    await queryRunner.query(`ALTER TABLE "event_registration" DROP CONSTRAINT "FK_d42836e8ed00e2586af913934a6"`);
    await queryRunner.query(`ALTER TABLE "event_presenter" DROP CONSTRAINT "FK_95d0e25bde5eb8bc8fc24f423a4"`);
    await queryRunner.query(`ALTER TABLE "event_presenter" DROP CONSTRAINT "FK_68d1885431b67ab735d39e34e7c"`);
    await queryRunner.query(`ALTER TABLE "community_event" DROP CONSTRAINT "FK_f9e7f2cd880f54c8c1c2d5634d8"`);
    await queryRunner.query(`ALTER TABLE "community_event" DROP CONSTRAINT "FK_2da7244a6226eebff858e966bf1"`);
    await queryRunner.query(`DROP INDEX "public"."event_reminder_due_idx"`);
    await queryRunner.query(`DROP TABLE "event_reminder"`);
    await queryRunner.query(`DROP TYPE "public"."event_reminder_kind"`);
    await queryRunner.query(`DROP INDEX "public"."event_registration_event_user_key"`);
    await queryRunner.query(`DROP INDEX "public"."event_registration_waiting_idx"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2b850bf3117d0f00760dcdef0d"`);
    await queryRunner.query(`DROP TABLE "event_registration"`);
    await queryRunner.query(`DROP TYPE "public"."event_registration_status"`);
    await queryRunner.query(`DROP TABLE "event_presenter"`);
    await queryRunner.query(`DROP INDEX "public"."community_event_status_starts_idx"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fd590973d6b77599ca3e3beca7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2da7244a6226eebff858e966bf"`);
    await queryRunner.query(`DROP TABLE "community_event"`);
    await queryRunner.query(`DROP TYPE "public"."event_status"`);
    await queryRunner.query(`DROP TYPE "public"."event_format"`);
    await queryRunner.query(`DROP TYPE "public"."event_kind"`);
  }
}
