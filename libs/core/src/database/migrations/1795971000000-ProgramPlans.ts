import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProgramPlans1795971000000 implements MigrationInterface {
  name = 'ProgramPlans1795971000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "program_kpi_target" ("program_id" uuid NOT NULL, "fiscal_year" smallint NOT NULL, "metric" text NOT NULL, "target" double precision NOT NULL, "updated_by_user_id" uuid, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "program_kpi_target_positive" CHECK ("target" > 0), CONSTRAINT "PK_31f6119d03315b9309ca81bc8e3" PRIMARY KEY ("program_id", "fiscal_year", "metric"))`);
    await queryRunner.query(`CREATE TABLE "program_review" ("program_id" uuid NOT NULL, "fiscal_year" smallint NOT NULL, "plan" text NOT NULL, "execution" text NOT NULL, "evaluation" text NOT NULL, "improvement" text NOT NULL, "updated_by_user_id" uuid, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_9f478a2144a531808300b07fed8" PRIMARY KEY ("program_id", "fiscal_year"))`);
    await queryRunner.query(`ALTER TABLE "program_kpi_target" ADD CONSTRAINT "FK_44df17f8654574ff2300e0656cf" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "program_kpi_target" ADD CONSTRAINT "FK_e4cff28c62c5b7fe5729f9c9cac" FOREIGN KEY ("updated_by_user_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "program_review" ADD CONSTRAINT "FK_e6c88f42c6f077a3246ab97c4a6" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "program_review" ADD CONSTRAINT "FK_5831384afc2ea1828aa3c695c94" FOREIGN KEY ("updated_by_user_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "program_review" DROP CONSTRAINT "FK_5831384afc2ea1828aa3c695c94"`);
    await queryRunner.query(`ALTER TABLE "program_review" DROP CONSTRAINT "FK_e6c88f42c6f077a3246ab97c4a6"`);
    await queryRunner.query(`ALTER TABLE "program_kpi_target" DROP CONSTRAINT "FK_e4cff28c62c5b7fe5729f9c9cac"`);
    await queryRunner.query(`ALTER TABLE "program_kpi_target" DROP CONSTRAINT "FK_44df17f8654574ff2300e0656cf"`);
    await queryRunner.query(`DROP TABLE "program_review"`);
    await queryRunner.query(`DROP TABLE "program_kpi_target"`);
  }
}
