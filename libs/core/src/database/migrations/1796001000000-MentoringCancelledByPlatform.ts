import { MigrationInterface, QueryRunner } from 'typeorm';

// The platform cancels mentoring sessions when the mentor leaves or the organisation leaves the
// council.
export class MentoringCancelledByPlatform1796001000000 implements MigrationInterface {
  name = 'MentoringCancelledByPlatform1796001000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TYPE "public"."mentoring_cancelled_by" ADD VALUE IF NOT EXISTS 'PLATFORM'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // A value cannot leave an enum type: the type is rebuilt without it, the platform's
    // cancellations counted as the member's.
    await queryRunner.query(
      `ALTER TYPE "public"."mentoring_cancelled_by" RENAME TO "mentoring_cancelled_by_old"`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."mentoring_cancelled_by" AS ENUM('MEMBER', 'MENTOR')`,
    );
    await queryRunner.query(
      `ALTER TABLE "mentoring_booking" ALTER COLUMN "cancelled_by" TYPE "public"."mentoring_cancelled_by" USING replace("cancelled_by"::text, 'PLATFORM', 'MEMBER')::"public"."mentoring_cancelled_by"`,
    );
    await queryRunner.query(`DROP TYPE "public"."mentoring_cancelled_by_old"`);
  }
}
