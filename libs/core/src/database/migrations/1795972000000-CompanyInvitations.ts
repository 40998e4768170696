import { MigrationInterface, QueryRunner } from 'typeorm';

// Companies enrol employees by inviting an e-mail address; the employee accepts (consent).
export class CompanyInvitations1795972000000 implements MigrationInterface {
  name = 'CompanyInvitations1795972000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "company_invitation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "company_organization_id" uuid NOT NULL, "email" text NOT NULL, "invited_by_user_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "accepted_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_ee97180f150b3bd7a9eab87221d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_7468219dc5b36662c2c2b53052" ON "company_invitation"  ("email") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "company_invitation_company_email_key" ON "company_invitation"  ("company_organization_id", "email") `);
    await queryRunner.query(`ALTER TABLE "company_invitation" ADD CONSTRAINT "FK_b7422852e41ad4b3d3c8a1f8717" FOREIGN KEY ("company_organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "company_invitation" ADD CONSTRAINT "FK_3a1ceba4ea097ab0f80e1878d2c" FOREIGN KEY ("invited_by_user_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "company_invitation" DROP CONSTRAINT "FK_3a1ceba4ea097ab0f80e1878d2c"`);
    await queryRunner.query(`ALTER TABLE "company_invitation" DROP CONSTRAINT "FK_b7422852e41ad4b3d3c8a1f8717"`);
    await queryRunner.query(`DROP INDEX "public"."company_invitation_company_email_key"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7468219dc5b36662c2c2b53052"`);
    await queryRunner.query(`DROP TABLE "company_invitation"`);
  }
}
