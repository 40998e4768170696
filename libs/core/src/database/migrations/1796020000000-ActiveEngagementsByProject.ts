import { MigrationInterface, QueryRunner } from 'typeorm';

// The supervision dashboard reads the ACTIVE engagements of a remit's projects (one in eleven of
// all engagements at national scale): a partial index on the project of each active engagement
// finds them without reading every engagement of the country (bench:screens at 100,000 people:
// SupervisionOverview's counts read all 55,856 engagements to keep 157).
export class ActiveEngagementsByProject1796020000000 implements MigrationInterface {
  name = 'ActiveEngagementsByProject1796020000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "engagement_active_project_idx" ON "engagement" ("project_id") WHERE status = 'ACTIVE'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."engagement_active_project_idx"`);
  }
}
