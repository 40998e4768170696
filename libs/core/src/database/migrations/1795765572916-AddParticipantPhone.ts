import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddParticipantPhone1795765572916 implements MigrationInterface {
  name = 'AddParticipantPhone1795765572916';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "participant_profile" ADD "phone" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "participant_profile" DROP COLUMN "phone"`);
  }
}
