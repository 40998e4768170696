import { MigrationInterface, QueryRunner } from 'typeorm';

// Guardians' mails are of three kinds: the consent request (as before), a copy of a message
// written to the child in their engagement's thread (one per message: unique message id), and a
// note to an earlier address that the request moved to a corrected one. A copy keeps the words
// only until it is sent.
export class GuardianMessageCopies1796000000000 implements MigrationInterface {
  name = 'GuardianMessageCopies1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "guardian_consent_mail" ADD "kind" text NOT NULL DEFAULT 'CONSENT_REQUEST'`);
    await queryRunner.query(`ALTER TABLE "guardian_consent_mail" ADD "message_id" uuid`);
    await queryRunner.query(`ALTER TABLE "guardian_consent_mail" ADD "content" jsonb`);
    await queryRunner.query(`CREATE UNIQUE INDEX "guardian_consent_mail_message_key" ON "guardian_consent_mail" ("message_id") WHERE "message_id" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."guardian_consent_mail_message_key"`);
    await queryRunner.query(`ALTER TABLE "guardian_consent_mail" DROP COLUMN "content"`);
    await queryRunner.query(`ALTER TABLE "guardian_consent_mail" DROP COLUMN "message_id"`);
    await queryRunner.query(`ALTER TABLE "guardian_consent_mail" DROP COLUMN "kind"`);
  }
}
