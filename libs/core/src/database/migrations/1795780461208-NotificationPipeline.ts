import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationPipeline1795780461208 implements MigrationInterface {
  name = 'NotificationPipeline1795780461208';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "notification_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" text NOT NULL, "type" text NOT NULL, "vars" jsonb NOT NULL, "links" jsonb NOT NULL DEFAULT '{}', "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_e1ce86f768e97457c169b2c3704" UNIQUE ("key"), CONSTRAINT "PK_122be1f0696e0255acf95f9e336" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "notification_delivery" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "recipient_id" uuid NOT NULL, "role" text NOT NULL, "channel" text NOT NULL, "mode" text NOT NULL, "status" text NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "retries" integer NOT NULL DEFAULT '0', "receipt" text, "digest_id" uuid, "sent_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_109dea88c25343da49d86de6bfd" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "notification_delivery_digest_idx" ON "notification_delivery"  ("recipient_id") WHERE status = 'IN_DIGEST'`);
    await queryRunner.query(`CREATE INDEX "notification_delivery_status_idx" ON "notification_delivery"  ("status", "created_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "notification_delivery_once" ON "notification_delivery"  ("event_id", "recipient_id", "channel") `);
    await queryRunner.query(`CREATE TABLE "notification_digest" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recipient_id" uuid NOT NULL, "local_date" date NOT NULL, "time_zone" text NOT NULL, "status" text NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "retries" integer NOT NULL DEFAULT '0', "receipt" text, "sent_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2c7b26f22e8e8ef9774d9878736" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "notification_digest_once" ON "notification_digest"  ("recipient_id", "local_date") `);
    await queryRunner.query(`CREATE TABLE "notification_preference" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "event_type" text NOT NULL, "channel" text NOT NULL, "mode" text NOT NULL, CONSTRAINT "PK_ba8d816b10f3dcfcd2e71ce5776" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "notification_preference_once" ON "notification_preference"  ("user_id", "event_type", "channel") `);
    await queryRunner.query(`ALTER TABLE "user" ADD "time_zone" text NOT NULL DEFAULT 'Asia/Tokyo'`);
    await queryRunner.query(`ALTER TABLE "notification_delivery" ADD CONSTRAINT "FK_0297624b8e344348f853e36d628" FOREIGN KEY ("event_id") REFERENCES "notification_event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notification_delivery" ADD CONSTRAINT "FK_aa84c67edc889840c6c945753f6" FOREIGN KEY ("recipient_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notification_digest" ADD CONSTRAINT "FK_3de7cb5952c7e95c7db2b3a334d" FOREIGN KEY ("recipient_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notification_preference" ADD CONSTRAINT "FK_ff040d2d2e35c49b00525783829" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification_preference" DROP CONSTRAINT "FK_ff040d2d2e35c49b00525783829"`);
    await queryRunner.query(`ALTER TABLE "notification_digest" DROP CONSTRAINT "FK_3de7cb5952c7e95c7db2b3a334d"`);
    await queryRunner.query(`ALTER TABLE "notification_delivery" DROP CONSTRAINT "FK_aa84c67edc889840c6c945753f6"`);
    await queryRunner.query(`ALTER TABLE "notification_delivery" DROP CONSTRAINT "FK_0297624b8e344348f853e36d628"`);
    await queryRunner.query(`ALTER TABLE "user" DROP COLUMN "time_zone"`);
    await queryRunner.query(`DROP INDEX "public"."notification_preference_once"`);
    await queryRunner.query(`DROP TABLE "notification_preference"`);
    await queryRunner.query(`DROP INDEX "public"."notification_digest_once"`);
    await queryRunner.query(`DROP TABLE "notification_digest"`);
    await queryRunner.query(`DROP INDEX "public"."notification_delivery_once"`);
    await queryRunner.query(`DROP INDEX "public"."notification_delivery_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notification_delivery_digest_idx"`);
    await queryRunner.query(`DROP TABLE "notification_delivery"`);
    await queryRunner.query(`DROP TABLE "notification_event"`);
  }
}
