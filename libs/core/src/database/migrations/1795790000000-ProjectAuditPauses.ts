import { MigrationInterface, QueryRunner } from 'typeorm';

// Pausing and unpausing a project are lifecycle steps like the others, recorded in its audit trail.
export class ProjectAuditPauses1795790000000 implements MigrationInterface {
  name = 'ProjectAuditPauses1795790000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."project_audit_action" ADD VALUE 'PAUSED'`);
    await queryRunner.query(`ALTER TYPE "public"."project_audit_action" ADD VALUE 'UNPAUSED'`);
  }

  // An enum value cannot be dropped: the type is rebuilt without it.
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "project_audit_entry" WHERE "action" IN ('PAUSED', 'UNPAUSED')`);
    await queryRunner.query(
      `ALTER TYPE "public"."project_audit_action" RENAME TO "project_audit_action_old"`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."project_audit_action" AS ENUM('CREATED', 'UPDATED', 'SUBMITTED', 'CHANGES_REQUESTED', 'PUBLISHED', 'EXTENDED', 'CLOSED', 'ARCHIVED', 'COMMENTED')`,
    );
    await queryRunner.query(
      `ALTER TABLE "project_audit_entry" ALTER COLUMN "action" TYPE "public"."project_audit_action" USING "action"::text::"public"."project_audit_action"`,
    );
    await queryRunner.query(`DROP TYPE "public"."project_audit_action_old"`);
  }
}
