import { MigrationInterface, QueryRunner } from 'typeorm';

// Messages council members send each other through the platform, kept for the daily limits.

export class CouncilDirectory1795983100000 implements MigrationInterface {
  name = 'CouncilDirectory1795983100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "council_contacts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "from_organization_id" uuid NOT NULL, "to_organization_id" uuid NOT NULL, "sender_id" uuid, "message" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_039817d284497eec8bcfd33cdb9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_a6a9003815ff1f8a0cc9a665f7" ON "council_contacts"  ("to_organization_id") `);
    await queryRunner.query(`CREATE INDEX "council_contact_pair_idx" ON "council_contacts"  ("from_organization_id", "to_organization_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "council_contact_sender_idx" ON "council_contacts"  ("sender_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "council_contacts" ADD CONSTRAINT "FK_9032c7781d2f81b33b97ae48803" FOREIGN KEY ("from_organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "council_contacts" ADD CONSTRAINT "FK_a6a9003815ff1f8a0cc9a665f76" FOREIGN KEY ("to_organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "council_contacts" ADD CONSTRAINT "FK_761c4a76cc04a640870bdaf3bbf" FOREIGN KEY ("sender_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "council_contacts" DROP CONSTRAINT "FK_761c4a76cc04a640870bdaf3bbf"`);
    await queryRunner.query(`ALTER TABLE "council_contacts" DROP CONSTRAINT "FK_a6a9003815ff1f8a0cc9a665f76"`);
    await queryRunner.query(`ALTER TABLE "council_contacts" DROP CONSTRAINT "FK_9032c7781d2f81b33b97ae48803"`);
    await queryRunner.query(`DROP INDEX "public"."council_contact_sender_idx"`);
    await queryRunner.query(`DROP INDEX "public"."council_contact_pair_idx"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a6a9003815ff1f8a0cc9a665f7"`);
    await queryRunner.query(`DROP TABLE "council_contacts"`);
  }
}
