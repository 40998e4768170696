import { MigrationInterface, QueryRunner } from 'typeorm';

// Guardians' consent per engagement and event registration of a participant under 18: the
// profile gains a date of birth and the guardian's e-mail address; each request keeps only a hash
// of its link's token, and records who answered, when, and the words they saw. The old
// self-declared tick (guardian_consent_at) stays as it was declared: it is not a consent to any
// engagement, and high-school students without a date of birth are asked for consent anyway.
export class GuardianConsents1795982000000 implements MigrationInterface {
  name = 'GuardianConsents1795982000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "participant_profile" ADD "date_of_birth" date`);
    await queryRunner.query(`ALTER TABLE "participant_profile" ADD "guardian_email" text`);
    await queryRunner.query(`CREATE TABLE "guardian_consent" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "participant_id" uuid NOT NULL, "subject_kind" text NOT NULL, "subject_id" uuid NOT NULL, "facts" jsonb NOT NULL, "status" text NOT NULL DEFAULT 'PENDING', "guardian_email" text NOT NULL, "token_hash" text NOT NULL, "token_expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "last_sent_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "decided_by_name" text, "decided_at" TIMESTAMP(3) WITH TIME ZONE, "statement_version" text, "statement_text" text, "withdrawn_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "guardian_consent_subject_key" UNIQUE ("subject_kind", "subject_id"), CONSTRAINT "PK_c21cdef0ff4b21e8afe7b01b5c0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_10e24b4e9f466825f647cf6f7f" ON "guardian_consent" ("participant_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a36caec084bfe11ac68b5443d2" ON "guardian_consent" ("token_hash") `);
    await queryRunner.query(`ALTER TABLE "guardian_consent" ADD CONSTRAINT "FK_10e24b4e9f466825f647cf6f7fd" FOREIGN KEY ("participant_id") REFERENCES "participant_profile"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE TABLE "guardian_consent_mail" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "consent_id" uuid NOT NULL, "to_address" text NOT NULL, "locale" text NOT NULL, "sent_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_61467f7d0013ff7c8472d7f31eb" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_46fffcedaaabe0c3d9d881c31c" ON "guardian_consent_mail" ("consent_id") `);
    await queryRunner.query(`ALTER TABLE "guardian_consent_mail" ADD CONSTRAINT "FK_46fffcedaaabe0c3d9d881c31ce" FOREIGN KEY ("consent_id") REFERENCES "guardian_consent"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "guardian_consent_mail"`);
    await queryRunner.query(`DROP TABLE "guardian_consent"`);
    await queryRunner.query(`ALTER TABLE "participant_profile" DROP COLUMN "guardian_email"`);
    await queryRunner.query(`ALTER TABLE "participant_profile" DROP COLUMN "date_of_birth"`);
  }
}
