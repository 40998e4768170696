import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProgramStaleAfterDays1795778123032 implements MigrationInterface {
  name = 'ProgramStaleAfterDays1795778123032';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "program" ADD "stale_after_days" smallint`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "program" DROP COLUMN "stale_after_days"`);
  }
}
