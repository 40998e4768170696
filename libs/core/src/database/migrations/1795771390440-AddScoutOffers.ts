import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddScoutOffers1795771390440 implements MigrationInterface {
  name = 'AddScoutOffers1795771390440';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."scout_offer_status" AS ENUM('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'EXPIRED')`);
    await queryRunner.query(`CREATE TABLE "scout_offer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "sender_organization_id" uuid NOT NULL, "sent_by_id" uuid, "message" text NOT NULL, "status" "public"."scout_offer_status" NOT NULL DEFAULT 'PENDING', "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "responded_at" TIMESTAMP(3) WITH TIME ZONE, "response_note" text, "application_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b7ba34aa7944e89123c04583eb8" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_a855f3aebe44ffd0a5cf24bd07" ON "scout_offer"  ("sender_organization_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b70a772d1592a5d5dff100390e" ON "scout_offer"  ("application_id") WHERE "application_id" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "scout_offer_project_listing_idx" ON "scout_offer"  ("project_id", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "scout_offer_participant_listing_idx" ON "scout_offer"  ("participant_id", "created_at", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "scout_offer_one_pending_key" ON "scout_offer"  ("project_id", "participant_id") WHERE "status" = 'PENDING'`);
    await queryRunner.query(`ALTER TABLE "scout_offer" ADD CONSTRAINT "FK_f3e67080b69ae9a3cb6d29d9ddd" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "scout_offer" ADD CONSTRAINT "FK_22d52ab4ab9e83a483943a3de34" FOREIGN KEY ("participant_id") REFERENCES "participant_profile"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "scout_offer" ADD CONSTRAINT "FK_a855f3aebe44ffd0a5cf24bd075" FOREIGN KEY ("sender_organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "scout_offer" ADD CONSTRAINT "FK_25d4ba224e68f4611797b26dfef" FOREIGN KEY ("sent_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "scout_offer" ADD CONSTRAINT "FK_e722d2020c18575bbfa776896a1" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "scout_offer" DROP CONSTRAINT "FK_e722d2020c18575bbfa776896a1"`);
    await queryRunner.query(`ALTER TABLE "scout_offer" DROP CONSTRAINT "FK_25d4ba224e68f4611797b26dfef"`);
    await queryRunner.query(`ALTER TABLE "scout_offer" DROP CONSTRAINT "FK_a855f3aebe44ffd0a5cf24bd075"`);
    await queryRunner.query(`ALTER TABLE "scout_offer" DROP CONSTRAINT "FK_22d52ab4ab9e83a483943a3de34"`);
    await queryRunner.query(`ALTER TABLE "scout_offer" DROP CONSTRAINT "FK_f3e67080b69ae9a3cb6d29d9ddd"`);
    await queryRunner.query(`DROP INDEX "public"."scout_offer_one_pending_key"`);
    await queryRunner.query(`DROP INDEX "public"."scout_offer_participant_listing_idx"`);
    await queryRunner.query(`DROP INDEX "public"."scout_offer_project_listing_idx"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b70a772d1592a5d5dff100390e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a855f3aebe44ffd0a5cf24bd07"`);
    await queryRunner.query(`DROP TABLE "scout_offer"`);
    await queryRunner.query(`DROP TYPE "public"."scout_offer_status"`);
  }
}
