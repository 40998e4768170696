import { MigrationInterface, QueryRunner } from 'typeorm';

export class Accounts1795800000000 implements MigrationInterface {
  name = 'Accounts1795800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "account_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "purpose" text NOT NULL, "token_hash" text NOT NULL, "email" text NOT NULL, "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_afb41d941d437f47a0d75373f88" UNIQUE ("token_hash"), CONSTRAINT "PK_a55842d3341d42534e39f85e931" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_ab3c66669facfe429164e60ab8" ON "account_token"  ("user_id") `);
    await queryRunner.query(`CREATE TABLE "account_mail" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" text NOT NULL, "to_address" text NOT NULL, "token_id" uuid, "sent_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a08a011225d59dd1a90afc00d50" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_0e41757b3faa3adaeb98856877" ON "account_mail"  ("user_id") `);
    await queryRunner.query(`ALTER TABLE "user" ADD "email_verified_at" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "user" ADD "deleted_at" TIMESTAMP(3) WITH TIME ZONE`);
    // Accounts that exist before verification was introduced count as verified.
    await queryRunner.query(`UPDATE "user" SET "email_verified_at" = "created_at"`);
    await queryRunner.query(`ALTER TABLE "account_token" ADD CONSTRAINT "FK_ab3c66669facfe429164e60ab82" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "account_mail" ADD CONSTRAINT "FK_0e41757b3faa3adaeb988568773" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "account_mail" ADD CONSTRAINT "FK_2c4dd5ebf94f1205b82d9b565df" FOREIGN KEY ("token_id") REFERENCES "account_token"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "account_mail" DROP CONSTRAINT "FK_2c4dd5ebf94f1205b82d9b565df"`);
    await queryRunner.query(`ALTER TABLE "account_mail" DROP CONSTRAINT "FK_0e41757b3faa3adaeb988568773"`);
    await queryRunner.query(`ALTER TABLE "account_token" DROP CONSTRAINT "FK_ab3c66669facfe429164e60ab82"`);
    await queryRunner.query(`ALTER TABLE "user" DROP COLUMN "deleted_at"`);
    await queryRunner.query(`ALTER TABLE "user" DROP COLUMN "email_verified_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0e41757b3faa3adaeb98856877"`);
    await queryRunner.query(`DROP TABLE "account_mail"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ab3c66669facfe429164e60ab8"`);
    await queryRunner.query(`DROP TABLE "account_token"`);
  }
}
