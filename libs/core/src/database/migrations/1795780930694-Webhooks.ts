import { MigrationInterface, QueryRunner } from 'typeorm';

export class Webhooks1795780930694 implements MigrationInterface {
  name = 'Webhooks1795780930694';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "webhook_endpoint" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "url" text NOT NULL, "event_types" text array NOT NULL, "secret" text NOT NULL, "description" text, "enabled" boolean NOT NULL DEFAULT true, "consecutive_failures" integer NOT NULL DEFAULT '0', "disabled_at" TIMESTAMP(3) WITH TIME ZONE, "disabled_reason" text, "created_by_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "webhook_endpoint_has_event_types" CHECK (cardinality(event_types) > 0), CONSTRAINT "PK_6c98112122b2b8a4f3984d2efa8" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "webhook_endpoint_organization_idx" ON "webhook_endpoint"  ("organization_id") `);
    await queryRunner.query(`CREATE TABLE "webhook_delivery" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "endpoint_id" uuid NOT NULL, "event_id" uuid NOT NULL, "status" text NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "last_status_code" integer, "last_error" text, "retries" integer NOT NULL DEFAULT '0', "claimed_until" TIMESTAMP(3) WITH TIME ZONE, "sent_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b1ae290239a778f12399db91354" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "webhook_delivery_endpoint_idx" ON "webhook_delivery"  ("endpoint_id", "created_at", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "webhook_delivery_once" ON "webhook_delivery"  ("endpoint_id", "event_id") `);
    await queryRunner.query(`CREATE TABLE "webhook_attempt" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "delivery_id" uuid NOT NULL, "attempted_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "status_code" integer, "error" text, "duration_ms" integer NOT NULL, CONSTRAINT "PK_e4ff77b66cdd20591ba6189a1f9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "webhook_attempt_delivery_idx" ON "webhook_attempt"  ("delivery_id", "attempted_at") `);
    await queryRunner.query(`ALTER TABLE "webhook_endpoint" ADD CONSTRAINT "FK_e5800fed79898bb7202e9312276" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "webhook_endpoint" ADD CONSTRAINT "FK_61da875c2689b01ab03e0477bd4" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "webhook_delivery" ADD CONSTRAINT "FK_f53f5aec02217a54927b13e39d9" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoint"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "webhook_delivery" ADD CONSTRAINT "FK_b723a573cd78b4cff3404153ad1" FOREIGN KEY ("event_id") REFERENCES "notification_event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "webhook_attempt" ADD CONSTRAINT "FK_d7ed48c4841159bfd6bdee166ea" FOREIGN KEY ("delivery_id") REFERENCES "webhook_delivery"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "webhook_attempt" DROP CONSTRAINT "FK_d7ed48c4841159bfd6bdee166ea"`);
    await queryRunner.query(`ALTER TABLE "webhook_delivery" DROP CONSTRAINT "FK_b723a573cd78b4cff3404153ad1"`);
    await queryRunner.query(`ALTER TABLE "webhook_delivery" DROP CONSTRAINT "FK_f53f5aec02217a54927b13e39d9"`);
    await queryRunner.query(`ALTER TABLE "webhook_endpoint" DROP CONSTRAINT "FK_61da875c2689b01ab03e0477bd4"`);
    await queryRunner.query(`ALTER TABLE "webhook_endpoint" DROP CONSTRAINT "FK_e5800fed79898bb7202e9312276"`);
    await queryRunner.query(`DROP INDEX "public"."webhook_attempt_delivery_idx"`);
    await queryRunner.query(`DROP TABLE "webhook_attempt"`);
    await queryRunner.query(`DROP INDEX "public"."webhook_delivery_once"`);
    await queryRunner.query(`DROP INDEX "public"."webhook_delivery_endpoint_idx"`);
    await queryRunner.query(`DROP TABLE "webhook_delivery"`);
    await queryRunner.query(`DROP INDEX "public"."webhook_endpoint_organization_idx"`);
    await queryRunner.query(`DROP TABLE "webhook_endpoint"`);
  }
}
