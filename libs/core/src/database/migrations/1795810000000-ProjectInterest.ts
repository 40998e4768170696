import { MigrationInterface, QueryRunner } from 'typeorm';

// 興味あり: one mark per participant and project (the primary key makes concurrent marks one row).
export class ProjectInterest1795810000000 implements MigrationInterface {
  name = 'ProjectInterest1795810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "project_interest" ("participant_id" uuid NOT NULL, "project_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0b6039a947989beb874406d1a94" PRIMARY KEY ("participant_id", "project_id"))`);
    await queryRunner.query(`CREATE INDEX "project_interest_project_idx" ON "project_interest" ("project_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "project_interest_participant_idx" ON "project_interest" ("participant_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "project_interest" ADD CONSTRAINT "FK_2dfffe6bdf0991f361bdf99e362" FOREIGN KEY ("participant_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "project_interest" ADD CONSTRAINT "FK_1b076d8139bf9bac4d2240ca5b1" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "project_interest" DROP CONSTRAINT "FK_1b076d8139bf9bac4d2240ca5b1"`);
    await queryRunner.query(`ALTER TABLE "project_interest" DROP CONSTRAINT "FK_2dfffe6bdf0991f361bdf99e362"`);
    await queryRunner.query(`DROP INDEX "public"."project_interest_participant_idx"`);
    await queryRunner.query(`DROP INDEX "public"."project_interest_project_idx"`);
    await queryRunner.query(`DROP TABLE "project_interest"`);
  }
}
