import { MigrationInterface, QueryRunner } from 'typeorm';

export class Conversations1795830000000 implements MigrationInterface {
  name = 'Conversations1795830000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "conversation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "engagement_id" uuid, "scout_offer_id" uuid, "project_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "message_count" integer NOT NULL DEFAULT '0', "last_message_at" TIMESTAMP(3) WITH TIME ZONE, "last_activity_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "conversation_message_count_range" CHECK (message_count >= 0), CONSTRAINT "conversation_one_parent" CHECK (num_nonnulls(engagement_id, scout_offer_id) = 1), CONSTRAINT "PK_864528ec4274360a40f66c29845" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "conversation_engagement_key" ON "conversation"  ("engagement_id") WHERE "engagement_id" IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "conversation_scout_offer_key" ON "conversation"  ("scout_offer_id") WHERE "scout_offer_id" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "conversation_project_inbox_idx" ON "conversation"  ("project_id", "last_activity_at", "id") `);
    await queryRunner.query(`CREATE INDEX "conversation_participant_inbox_idx" ON "conversation"  ("participant_id", "last_activity_at", "id") `);
    await queryRunner.query(`CREATE TYPE "public"."conversation_role" AS ENUM('PARTICIPANT', 'REGION', 'INTERMEDIARY')`);
    await queryRunner.query(`CREATE TABLE "conversation_message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "conversation_id" uuid NOT NULL, "seq" integer NOT NULL, "author_id" uuid, "author_role" "public"."conversation_role" NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "conversation_message_body_length" CHECK (char_length(body) BETWEEN 1 AND 2000), CONSTRAINT "PK_2f8286c3560b52dba8428ac182e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_2e28e9d897de572fb67e2b7406" ON "conversation_message"  ("author_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "conversation_message_seq_key" ON "conversation_message"  ("conversation_id", "seq") `);
    await queryRunner.query(`CREATE TABLE "conversation_read_marker" ("conversation_id" uuid NOT NULL, "user_id" uuid NOT NULL, "last_read_seq" integer NOT NULL, "read_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_2bc3533092a8602aa51c3ebd9b3" PRIMARY KEY ("conversation_id", "user_id"))`);
    await queryRunner.query(`ALTER TABLE "conversation" ADD CONSTRAINT "FK_3816b39f73adb0d2090402ae555" FOREIGN KEY ("engagement_id") REFERENCES "engagement"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "conversation" ADD CONSTRAINT "FK_d777aaa83c9a846c05c15dedca3" FOREIGN KEY ("scout_offer_id") REFERENCES "scout_offer"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "conversation" ADD CONSTRAINT "FK_36e375f143e4471abab78f02dca" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "conversation" ADD CONSTRAINT "FK_326cbb9ee8891f8e29157bda911" FOREIGN KEY ("participant_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "conversation_message" ADD CONSTRAINT "FK_fde1a45d37dfea0608d6f6166a7" FOREIGN KEY ("conversation_id") REFERENCES "conversation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "conversation_message" ADD CONSTRAINT "FK_2e28e9d897de572fb67e2b7406d" FOREIGN KEY ("author_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "conversation_read_marker" ADD CONSTRAINT "FK_c55b875912c1e73cc9a120c51c7" FOREIGN KEY ("conversation_id") REFERENCES "conversation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "conversation_read_marker" ADD CONSTRAINT "FK_e62cd7db270c5139b23bf024420" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Engagements and scout offers made before threads existed get theirs now.
    await queryRunner.query(`INSERT INTO "conversation" ("engagement_id", "project_id", "participant_id", "last_activity_at", "created_at") SELECT "id", "project_id", "participant_id", "created_at", "created_at" FROM "engagement"`);
    await queryRunner.query(`INSERT INTO "conversation" ("scout_offer_id", "project_id", "participant_id", "last_activity_at", "created_at") SELECT "id", "project_id", "participant_id", "created_at", "created_at" FROM "scout_offer"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "conversation_read_marker" DROP CONSTRAINT "FK_e62cd7db270c5139b23bf024420"`);
    await queryRunner.query(`ALTER TABLE "conversation_read_marker" DROP CONSTRAINT "FK_c55b875912c1e73cc9a120c51c7"`);
    await queryRunner.query(`ALTER TABLE "conversation_message" DROP CONSTRAINT "FK_2e28e9d897de572fb67e2b7406d"`);
    await queryRunner.query(`ALTER TABLE "conversation_message" DROP CONSTRAINT "FK_fde1a45d37dfea0608d6f6166a7"`);
    await queryRunner.query(`ALTER TABLE "conversation" DROP CONSTRAINT "FK_326cbb9ee8891f8e29157bda911"`);
    await queryRunner.query(`ALTER TABLE "conversation" DROP CONSTRAINT "FK_36e375f143e4471abab78f02dca"`);
    await queryRunner.query(`ALTER TABLE "conversation" DROP CONSTRAINT "FK_d777aaa83c9a846c05c15dedca3"`);
    await queryRunner.query(`ALTER TABLE "conversation" DROP CONSTRAINT "FK_3816b39f73adb0d2090402ae555"`);
    await queryRunner.query(`DROP TABLE "conversation_read_marker"`);
    await queryRunner.query(`DROP INDEX "public"."conversation_message_seq_key"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2e28e9d897de572fb67e2b7406"`);
    await queryRunner.query(`DROP TABLE "conversation_message"`);
    await queryRunner.query(`DROP TYPE "public"."conversation_role"`);
    await queryRunner.query(`DROP INDEX "public"."conversation_participant_inbox_idx"`);
    await queryRunner.query(`DROP INDEX "public"."conversation_project_inbox_idx"`);
    await queryRunner.query(`DROP INDEX "public"."conversation_scout_offer_key"`);
    await queryRunner.query(`DROP INDEX "public"."conversation_engagement_key"`);
    await queryRunner.query(`DROP TABLE "conversation"`);
  }
}
