import { MigrationInterface, QueryRunner } from 'typeorm';

export class EngagementRelationships1795777680873 implements MigrationInterface {
  name = 'EngagementRelationships1795777680873';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."engagement_feedback_side" AS ENUM('PARTICIPANT', 'REGION')`);
    await queryRunner.query(`CREATE TABLE "engagement_feedback" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "side" "public"."engagement_feedback_side" NOT NULL, "rating" smallint NOT NULL, "comment" text, "author_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "engagement_feedback_rating_range" CHECK (rating BETWEEN 1 AND 5), CONSTRAINT "PK_add673e9f6170bbdd07a2f00b16" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "engagement_feedback_side_key" ON "engagement_feedback"  ("application_id", "side") `);
    await queryRunner.query(`CREATE TYPE "public"."follow_up_outcome" AS ENUM('REVISITED', 'NEW_ENGAGEMENT', 'ONLINE_INVOLVEMENT', 'FURUSATO_NOZEI', 'MOVED_OR_MOVING', 'LOST_TOUCH')`);
    await queryRunner.query(`CREATE TABLE "follow_up" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "due_months" smallint NOT NULL, "due_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "outcomes" "public"."follow_up_outcome" array, "note" text, "recorded_by_id" uuid, "recorded_at" TIMESTAMP(3) WITH TIME ZONE, "notified_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "follow_up_due_months_allowed" CHECK (due_months IN (3, 6, 12)), CONSTRAINT "PK_5c0a5f5b32937e47e0ab09d596c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "follow_up_due_idx" ON "follow_up"  ("due_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "follow_up_application_months_key" ON "follow_up"  ("application_id", "due_months") `);
    await queryRunner.query(`CREATE TABLE "region_relationship" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "participant_id" uuid NOT NULL, "region_organization_id" uuid NOT NULL, "first_engagement_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "engagements_completed" integer NOT NULL DEFAULT '0', "last_outcomes" "public"."follow_up_outcome" array NOT NULL DEFAULT '{}', "last_contact_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0b4dd260b6b2be3c26bdbe9b79b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "region_relationship_region_idx" ON "region_relationship"  ("region_organization_id", "last_contact_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "region_relationship_key" ON "region_relationship"  ("participant_id", "region_organization_id") `);
    await queryRunner.query(`ALTER TABLE "engagement_feedback" ADD CONSTRAINT "FK_ca03d70e772a2d044b2903fd0d1" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "engagement_feedback" ADD CONSTRAINT "FK_98837454cfeed7275d4a4ddc516" FOREIGN KEY ("author_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "follow_up" ADD CONSTRAINT "FK_2e05c7b64186d9dc4aa9421ceac" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "follow_up" ADD CONSTRAINT "FK_ad1c93d16b9bc64fb4051230d5f" FOREIGN KEY ("recorded_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "region_relationship" ADD CONSTRAINT "FK_f440835a34d4f5a87bbce90c984" FOREIGN KEY ("participant_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "region_relationship" ADD CONSTRAINT "FK_9d1e61c3abe430838d38926762c" FOREIGN KEY ("region_organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "region_relationship" DROP CONSTRAINT "FK_9d1e61c3abe430838d38926762c"`);
    await queryRunner.query(`ALTER TABLE "region_relationship" DROP CONSTRAINT "FK_f440835a34d4f5a87bbce90c984"`);
    await queryRunner.query(`ALTER TABLE "follow_up" DROP CONSTRAINT "FK_ad1c93d16b9bc64fb4051230d5f"`);
    await queryRunner.query(`ALTER TABLE "follow_up" DROP CONSTRAINT "FK_2e05c7b64186d9dc4aa9421ceac"`);
    await queryRunner.query(`ALTER TABLE "engagement_feedback" DROP CONSTRAINT "FK_98837454cfeed7275d4a4ddc516"`);
    await queryRunner.query(`ALTER TABLE "engagement_feedback" DROP CONSTRAINT "FK_ca03d70e772a2d044b2903fd0d1"`);
    await queryRunner.query(`DROP INDEX "public"."region_relationship_key"`);
    await queryRunner.query(`DROP INDEX "public"."region_relationship_region_idx"`);
    await queryRunner.query(`DROP TABLE "region_relationship"`);
    await queryRunner.query(`DROP INDEX "public"."follow_up_application_months_key"`);
    await queryRunner.query(`DROP INDEX "public"."follow_up_due_idx"`);
    await queryRunner.query(`DROP TABLE "follow_up"`);
    await queryRunner.query(`DROP TYPE "public"."follow_up_outcome"`);
    await queryRunner.query(`DROP INDEX "public"."engagement_feedback_side_key"`);
    await queryRunner.query(`DROP TABLE "engagement_feedback"`);
    await queryRunner.query(`DROP TYPE "public"."engagement_feedback_side"`);
  }
}
