import { MigrationInterface, QueryRunner } from 'typeorm';

// Cancelling an event takes a reason, kept on it and sent to registrants. Events cancelled
// before have none.
export class EventCancellationReason1796002000000 implements MigrationInterface {
  name = 'EventCancellationReason1796002000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "community_event" ADD "cancellation_reason" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "community_event" DROP COLUMN "cancellation_reason"`);
  }
}
