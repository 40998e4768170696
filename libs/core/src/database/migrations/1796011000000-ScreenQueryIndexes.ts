import { MigrationInterface, QueryRunner } from 'typeorm';

// Participant search at national scale: its listing (most recently updated first, keyset) read
// from an index instead of sorting every visible profile, and its bio text filter served by a
// trigram index as project search is.
export class ScreenQueryIndexes1796011000000 implements MigrationInterface {
  name = 'ScreenQueryIndexes1796011000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "participant_profile_updated_listing_idx" ON "participant_profile" ("updated_at", "user_id") `);
    await queryRunner.query(
      `CREATE INDEX "participant_profile_bio_trgm_idx" ON "participant_profile" USING gin (bio gin_trgm_ops)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."participant_profile_bio_trgm_idx"`);
    await queryRunner.query(`DROP INDEX "public"."participant_profile_updated_listing_idx"`);
  }
}
