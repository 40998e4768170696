import { MigrationInterface, QueryRunner } from 'typeorm';

// Council (かかわりラボ) membership: one row per organisation, from its application to the
// platform admins' decision, with the profile it shows in the member directory.

export class CouncilMemberships1795983000000 implements MigrationInterface {
  name = 'CouncilMemberships1795983000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."council_membership_status" AS ENUM('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN')`);
    await queryRunner.query(`CREATE TABLE "council_memberships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "status" "public"."council_membership_status" NOT NULL, "applied_by_id" uuid, "applied_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "decided_by_id" uuid, "decided_at" TIMESTAMP(3) WITH TIME ZONE, "decision_reason" text, "withdrawn_at" TIMESTAMP(3) WITH TIME ZONE, "prefecture_code" character(2), "municipality_code" character(6), "theme_codes" text array NOT NULL DEFAULT '{}', "introduction_ja" text NOT NULL, "introduction_en" text, "offer_tags" text array NOT NULL DEFAULT '{}', "offer_text" text, "seek_tags" text array NOT NULL DEFAULT '{}', "seek_text" text, "website" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "council_membership_reason_when_rejected" CHECK (status <> 'REJECTED' OR decision_reason IS NOT NULL), CONSTRAINT "council_membership_decided_when_decided" CHECK (status NOT IN ('APPROVED', 'REJECTED') OR decided_at IS NOT NULL), CONSTRAINT "PK_86e4b3b8827227b8c6b0fe900d2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "council_membership_organization_key" ON "council_memberships"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "council_membership_status_applied_idx" ON "council_memberships"  ("status", "applied_at") `);
    await queryRunner.query(`ALTER TABLE "council_memberships" ADD CONSTRAINT "FK_beaf0ef9930291941e0b8cf0b9b" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "council_memberships" ADD CONSTRAINT "FK_0d508b556448246f2af3e5f8c47" FOREIGN KEY ("applied_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "council_memberships" ADD CONSTRAINT "FK_9eaa12f54c7860d5b2e46f3f4cc" FOREIGN KEY ("decided_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "council_memberships" DROP CONSTRAINT "FK_9eaa12f54c7860d5b2e46f3f4cc"`);
    await queryRunner.query(`ALTER TABLE "council_memberships" DROP CONSTRAINT "FK_0d508b556448246f2af3e5f8c47"`);
    await queryRunner.query(`ALTER TABLE "council_memberships" DROP CONSTRAINT "FK_beaf0ef9930291941e0b8cf0b9b"`);
    await queryRunner.query(`DROP INDEX "public"."council_membership_status_applied_idx"`);
    await queryRunner.query(`DROP INDEX "public"."council_membership_organization_key"`);
    await queryRunner.query(`DROP TABLE "council_memberships"`);
    await queryRunner.query(`DROP TYPE "public"."council_membership_status"`);
  }
}
