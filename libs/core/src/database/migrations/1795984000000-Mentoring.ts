import { MigrationInterface, QueryRunner } from 'typeorm';

// Mentoring for council members: mentors appointed by admins, their slots, member bookings (one
// per slot), notes and follow-ups.
export class Mentoring1795984000000 implements MigrationInterface {
  name = 'Mentoring1795984000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "mentor" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "bio_ja" text NOT NULL, "bio_en" text, "theme_codes" text array NOT NULL DEFAULT '{}', "offers_online" boolean NOT NULL DEFAULT true, "offers_on_site" boolean NOT NULL DEFAULT false, "appointed_by_id" uuid, "appointed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9fcebd0a40237e9b6defcbd9d74" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "mentor_user_key" ON "mentor"  ("user_id") `);
    await queryRunner.query(`CREATE TYPE "public"."mentoring_format" AS ENUM('ONLINE', 'ON_SITE')`);
    await queryRunner.query(`CREATE TABLE "mentoring_slot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "mentor_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "time_zone" text NOT NULL, "format" "public"."mentoring_format" NOT NULL, "meeting_url" text, "place" text, "removed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "mentoring_slot_place_when_on_site" CHECK (format = 'ONLINE' OR place IS NOT NULL), CONSTRAINT "mentoring_slot_link_when_online" CHECK (format = 'ON_SITE' OR meeting_url IS NOT NULL), CONSTRAINT "mentoring_slot_ends_after_start" CHECK (ends_at > starts_at), CONSTRAINT "PK_c7cbee4b6bf6baa8f519617859f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "mentoring_slot_mentor_starts_idx" ON "mentoring_slot"  ("mentor_id", "starts_at") `);
    await queryRunner.query(`CREATE TYPE "public"."mentoring_booking_status" AS ENUM('BOOKED', 'CANCELLED')`);
    await queryRunner.query(`CREATE TYPE "public"."mentoring_cancelled_by" AS ENUM('MEMBER', 'MENTOR')`);
    await queryRunner.query(`CREATE TABLE "mentoring_booking" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slot_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "booked_by_id" uuid, "initiative_title" text NOT NULL, "polish" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" "public"."mentoring_booking_status" NOT NULL DEFAULT 'BOOKED', "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancelled_by" "public"."mentoring_cancelled_by", "cancel_reason" text, "late_cancellation" boolean NOT NULL DEFAULT false, "notes" text, "notes_updated_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "mentoring_booking_mentor_gives_reason" CHECK (cancelled_by IS DISTINCT FROM 'MENTOR' OR cancel_reason IS NOT NULL), CONSTRAINT "mentoring_booking_cancel_complete" CHECK ((status = 'BOOKED' AND cancelled_at IS NULL AND cancelled_by IS NULL) OR (status = 'CANCELLED' AND cancelled_at IS NOT NULL AND cancelled_by IS NOT NULL)), CONSTRAINT "mentoring_booking_ends_after_start" CHECK (ends_at > starts_at), CONSTRAINT "PK_2af206f822e1614f65361873fe5" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "mentoring_booking_organization_starts_idx" ON "mentoring_booking"  ("organization_id", "starts_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "mentoring_booking_slot_booked_key" ON "mentoring_booking"  ("slot_id") WHERE status = 'BOOKED'`);
    await queryRunner.query(`CREATE TABLE "mentoring_follow_up" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "booking_id" uuid NOT NULL, "text" text NOT NULL, "due_on" date, "done_at" TIMESTAMP WITH TIME ZONE, "done_by_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c7cff76c39edacd80fd43ea1d74" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_635be5d1bdf2e84d9396d352be" ON "mentoring_follow_up"  ("booking_id") `);
    await queryRunner.query(`ALTER TABLE "mentor" ADD CONSTRAINT "FK_6e4dee415db08bb15e819c79396" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mentor" ADD CONSTRAINT "FK_286146e409fe2d958fe168e03ae" FOREIGN KEY ("appointed_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mentoring_slot" ADD CONSTRAINT "FK_d4472611f4c8c86fc58f1d96deb" FOREIGN KEY ("mentor_id") REFERENCES "mentor"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mentoring_booking" ADD CONSTRAINT "FK_07c93328b561fbe9f79ddefba44" FOREIGN KEY ("slot_id") REFERENCES "mentoring_slot"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mentoring_booking" ADD CONSTRAINT "FK_2737a43073c253a8caa135fe065" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mentoring_booking" ADD CONSTRAINT "FK_6ed727984f2a57ae13fe58f8972" FOREIGN KEY ("booked_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mentoring_follow_up" ADD CONSTRAINT "FK_635be5d1bdf2e84d9396d352be5" FOREIGN KEY ("booking_id") REFERENCES "mentoring_booking"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mentoring_follow_up" ADD CONSTRAINT "FK_7a226a58c379c780c471459b731" FOREIGN KEY ("done_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mentoring_follow_up" DROP CONSTRAINT "FK_7a226a58c379c780c471459b731"`);
    await queryRunner.query(`ALTER TABLE "mentoring_follow_up" DROP CONSTRAINT "FK_635be5d1bdf2e84d9396d352be5"`);
    await queryRunner.query(`ALTER TABLE "mentoring_booking" DROP CONSTRAINT "FK_6ed727984f2a57ae13fe58f8972"`);
    await queryRunner.query(`ALTER TABLE "mentoring_booking" DROP CONSTRAINT "FK_2737a43073c253a8caa135fe065"`);
    await queryRunner.query(`ALTER TABLE "mentoring_booking" DROP CONSTRAINT "FK_07c93328b561fbe9f79ddefba44"`);
    await queryRunner.query(`ALTER TABLE "mentoring_slot" DROP CONSTRAINT "FK_d4472611f4c8c86fc58f1d96deb"`);
    await queryRunner.query(`ALTER TABLE "mentor" DROP CONSTRAINT "FK_286146e409fe2d958fe168e03ae"`);
    await queryRunner.query(`ALTER TABLE "mentor" DROP CONSTRAINT "FK_6e4dee415db08bb15e819c79396"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_635be5d1bdf2e84d9396d352be"`);
    await queryRunner.query(`DROP TABLE "mentoring_follow_up"`);
    await queryRunner.query(`DROP INDEX "public"."mentoring_booking_slot_booked_key"`);
    await queryRunner.query(`DROP INDEX "public"."mentoring_booking_organization_starts_idx"`);
    await queryRunner.query(`DROP TABLE "mentoring_booking"`);
    await queryRunner.query(`DROP TYPE "public"."mentoring_cancelled_by"`);
    await queryRunner.query(`DROP TYPE "public"."mentoring_booking_status"`);
    await queryRunner.query(`DROP INDEX "public"."mentoring_slot_mentor_starts_idx"`);
    await queryRunner.query(`DROP TABLE "mentoring_slot"`);
    await queryRunner.query(`DROP TYPE "public"."mentoring_format"`);
    await queryRunner.query(`DROP INDEX "public"."mentor_user_key"`);
    await queryRunner.query(`DROP TABLE "mentor"`);
  }
}
