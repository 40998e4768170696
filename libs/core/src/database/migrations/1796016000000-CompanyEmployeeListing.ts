import { MigrationInterface, QueryRunner } from 'typeorm';

// A company's employees are listed a page at a time, newest enrolled first (keyset on
// created_at, user_id): the organisation's memberships read in that order from one index
// instead of sorting thousands. It replaces the index on organization_id alone, its prefix.
export class CompanyEmployeeListing1796016000000 implements MigrationInterface {
  name = 'CompanyEmployeeListing1796016000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_412ffe9391a352e8a4e3dc46f6"`);
    await queryRunner.query(`CREATE INDEX "membership_organization_listing_idx" ON "membership" ("organization_id", "created_at", "user_id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."membership_organization_listing_idx"`);
    await queryRunner.query(`CREATE INDEX "IDX_412ffe9391a352e8a4e3dc46f6" ON "membership" ("organization_id") `);
  }
}
