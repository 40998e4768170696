import { MigrationInterface, QueryRunner } from 'typeorm';

// Scout offers reach a minor before any consent exists: their copies to the guardian name the
// participant instead (kept for erasure), one per offer (unique offer id) or per message.
export class GuardianScoutOfferCopies1796007000000 implements MigrationInterface {
  name = 'GuardianScoutOfferCopies1796007000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "guardian_consent_mail" ALTER COLUMN "consent_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "guardian_consent_mail" ADD "participant_id" uuid`);
    await queryRunner.query(`ALTER TABLE "guardian_consent_mail" ADD "scout_offer_id" uuid`);
    await queryRunner.query(`ALTER TABLE "guardian_consent_mail" ADD CONSTRAINT "guardian_consent_mail_whose" CHECK (num_nonnulls(consent_id, participant_id) >= 1)`);
    await queryRunner.query(`ALTER TABLE "guardian_consent_mail" ADD CONSTRAINT "FK_d059b9fb63cd652bab0f845a6dd" FOREIGN KEY ("participant_id") REFERENCES "participant_profile"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE INDEX "IDX_d059b9fb63cd652bab0f845a6d" ON "guardian_consent_mail" ("participant_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "guardian_consent_mail_scout_offer_key" ON "guardian_consent_mail" ("scout_offer_id") WHERE "scout_offer_id" IS NOT NULL AND "kind" = 'SCOUT_OFFER_COPY'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "guardian_consent_mail" WHERE "consent_id" IS NULL`);
    await queryRunner.query(`DROP INDEX "public"."guardian_consent_mail_scout_offer_key"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d059b9fb63cd652bab0f845a6d"`);
    await queryRunner.query(`ALTER TABLE "guardian_consent_mail" DROP CONSTRAINT "FK_d059b9fb63cd652bab0f845a6dd"`);
    await queryRunner.query(`ALTER TABLE "guardian_consent_mail" DROP CONSTRAINT "guardian_consent_mail_whose"`);
    await queryRunner.query(`ALTER TABLE "guardian_consent_mail" DROP COLUMN "scout_offer_id"`);
    await queryRunner.query(`ALTER TABLE "guardian_consent_mail" DROP COLUMN "participant_id"`);
    await queryRunner.query(`ALTER TABLE "guardian_consent_mail" ALTER COLUMN "consent_id" SET NOT NULL`);
  }
}
