import { MigrationInterface, QueryRunner } from 'typeorm';

// The organisation a staff member hears of an event for, so an in-app notification can lead into
// that organisation's workspace (a submitted project to the intermediary's review page).
export class NotificationDeliveryOrganization1795910000000 implements MigrationInterface {
  name = 'NotificationDeliveryOrganization1795910000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification_delivery" ADD "organization_id" uuid`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification_delivery" DROP COLUMN "organization_id"`);
  }
}
