import { MigrationInterface, QueryRunner } from 'typeorm';

// The council's member events: only staff of its approved member organisations register.
export class CouncilMemberEvents1795987000000 implements MigrationInterface {
  name = 'CouncilMemberEvents1795987000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "community_event" ADD "for_council_members" boolean NOT NULL DEFAULT false`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "community_event" DROP COLUMN "for_council_members"`);
  }
}
