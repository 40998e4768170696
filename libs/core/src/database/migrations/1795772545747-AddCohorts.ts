import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCohorts1795772545747 implements MigrationInterface {
  name = 'AddCohorts1795772545747';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."cohort_status" AS ENUM('OPEN', 'CONFIRMED')`);
    await queryRunner.query(`CREATE TABLE "cohort" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "program_id" uuid NOT NULL, "intermediary_organization_id" uuid NOT NULL, "name" text NOT NULL, "status" "public"."cohort_status" NOT NULL DEFAULT 'OPEN', "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4fb3cca38dc4b461110344e5f9b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_31e70e96f8b1e4b2b6e279d142" ON "cohort"  ("program_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_01b0d07da0d3fbac30b7566684" ON "cohort"  ("intermediary_organization_id") `);
    await queryRunner.query(`CREATE TYPE "public"."allocation_mode" AS ENUM('STABLE', 'OPTIMAL')`);
    await queryRunner.query(`CREATE TYPE "public"."allocation_status" AS ENUM('QUEUED', 'RUNNING', 'PROPOSED', 'FAILED', 'CONFIRMED')`);
    await queryRunner.query(`CREATE TABLE "allocation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cohort_id" uuid NOT NULL, "mode" "public"."allocation_mode" NOT NULL, "status" "public"."allocation_status" NOT NULL DEFAULT 'QUEUED', "attempts" integer NOT NULL DEFAULT '0', "total_score" double precision, "blocking_pair_count" integer, "blocking_pairs" jsonb, "teams" jsonb, "snapshot" jsonb, "error" text, "problems" jsonb, "requested_by_id" uuid NOT NULL, "confirmed_by_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP(3) WITH TIME ZONE, "finished_at" TIMESTAMP(3) WITH TIME ZONE, "confirmed_at" TIMESTAMP(3) WITH TIME ZONE, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7df89c736595e454b6ae07264fe" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "allocation_cohort_created_idx" ON "allocation"  ("cohort_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "allocation_assignment" ("allocation_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "project_id" uuid NOT NULL, "score" double precision NOT NULL, "rank" smallint NOT NULL, "adjusted" boolean NOT NULL DEFAULT false, "application_id" uuid, CONSTRAINT "PK_1626249f5ace2b7f81a68659bcb" PRIMARY KEY ("allocation_id", "participant_id"))`);
    await queryRunner.query(`CREATE INDEX "allocation_assignment_project_idx" ON "allocation_assignment"  ("allocation_id", "project_id") `);
    await queryRunner.query(`CREATE TABLE "cohort_member" ("cohort_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "added_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1f58b784349b46f531e0154a709" PRIMARY KEY ("cohort_id", "participant_id"))`);
    await queryRunner.query(`CREATE INDEX "cohort_member_participant_idx" ON "cohort_member"  ("participant_id") `);
    await queryRunner.query(`CREATE TABLE "cohort_project" ("cohort_id" uuid NOT NULL, "project_id" uuid NOT NULL, "capacity" integer NOT NULL, "added_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "cohort_project_capacity_positive" CHECK (capacity >= 1), CONSTRAINT "PK_356ce8806e5c3267b7fb051a625" PRIMARY KEY ("cohort_id", "project_id"))`);
    await queryRunner.query(`CREATE TABLE "cohort_ranking" ("cohort_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "project_id" uuid NOT NULL, "rank" smallint NOT NULL, CONSTRAINT "cohort_ranking_rank_positive" CHECK (rank >= 1), CONSTRAINT "PK_1070f3927810a46a8b7133b0f28" PRIMARY KEY ("cohort_id", "participant_id", "project_id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "cohort_ranking_rank_key" ON "cohort_ranking"  ("cohort_id", "participant_id", "rank") `);
    await queryRunner.query(`ALTER TABLE "cohort" ADD CONSTRAINT "FK_31e70e96f8b1e4b2b6e279d142b" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "cohort" ADD CONSTRAINT "FK_01b0d07da0d3fbac30b7566684a" FOREIGN KEY ("intermediary_organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "cohort" ADD CONSTRAINT "FK_b2e955c10425c07107243eb3a6c" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "allocation" ADD CONSTRAINT "FK_ba361bd6f197376a1b8f61c6771" FOREIGN KEY ("cohort_id") REFERENCES "cohort"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "allocation" ADD CONSTRAINT "FK_1a7ae9ef41092ed3662c7ef998f" FOREIGN KEY ("requested_by_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "allocation" ADD CONSTRAINT "FK_b84374762ff115e48f5f6c569c9" FOREIGN KEY ("confirmed_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "allocation_assignment" ADD CONSTRAINT "FK_3ae62770bcd8840d64a008a50dc" FOREIGN KEY ("allocation_id") REFERENCES "allocation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "allocation_assignment" ADD CONSTRAINT "FK_faaa6cae799ff008b42732b8ffa" FOREIGN KEY ("participant_id") REFERENCES "participant_profile"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "allocation_assignment" ADD CONSTRAINT "FK_77a5e043839bda70458c9c16358" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "allocation_assignment" ADD CONSTRAINT "FK_11e07becdf7be80684cd1848638" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "cohort_member" ADD CONSTRAINT "FK_de0063c169e19702b1391a8dc8c" FOREIGN KEY ("cohort_id") REFERENCES "cohort"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "cohort_member" ADD CONSTRAINT "FK_b445e315adcd32debebd5de43b7" FOREIGN KEY ("participant_id") REFERENCES "participant_profile"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "cohort_project" ADD CONSTRAINT "FK_f32322b8bd7cd6853d366579ec6" FOREIGN KEY ("cohort_id") REFERENCES "cohort"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "cohort_project" ADD CONSTRAINT "FK_948eae3824c56939044d7bff49d" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "cohort_ranking" ADD CONSTRAINT "FK_b9225aa3aa87ee2fd4231183477" FOREIGN KEY ("cohort_id", "participant_id") REFERENCES "cohort_member"("cohort_id","participant_id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "cohort_ranking" ADD CONSTRAINT "FK_37a4f7b6542a9d938f6fbff79ef" FOREIGN KEY ("cohort_id", "project_id") REFERENCES "cohort_project"("cohort_id","project_id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cohort_ranking" DROP CONSTRAINT "FK_37a4f7b6542a9d938f6fbff79ef"`);
    await queryRunner.query(`ALTER TABLE "cohort_ranking" DROP CONSTRAINT "FK_b9225aa3aa87ee2fd4231183477"`);
    await queryRunner.query(`ALTER TABLE "cohort_project" DROP CONSTRAINT "FK_948eae3824c56939044d7bff49d"`);
    await queryRunner.query(`ALTER TABLE "cohort_project" DROP CONSTRAINT "FK_f32322b8bd7cd6853d366579ec6"`);
    await queryRunner.query(`ALTER TABLE "cohort_member" DROP CONSTRAINT "FK_b445e315adcd32debebd5de43b7"`);
    await queryRunner.query(`ALTER TABLE "cohort_member" DROP CONSTRAINT "FK_de0063c169e19702b1391a8dc8c"`);
    await queryRunner.query(`ALTER TABLE "allocation_assignment" DROP CONSTRAINT "FK_11e07becdf7be80684cd1848638"`);
    await queryRunner.query(`ALTER TABLE "allocation_assignment" DROP CONSTRAINT "FK_77a5e043839bda70458c9c16358"`);
    await queryRunner.query(`ALTER TABLE "allocation_assignment" DROP CONSTRAINT "FK_faaa6cae799ff008b42732b8ffa"`);
    await queryRunner.query(`ALTER TABLE "allocation_assignment" DROP CONSTRAINT "FK_3ae62770bcd8840d64a008a50dc"`);
    await queryRunner.query(`ALTER TABLE "allocation" DROP CONSTRAINT "FK_b84374762ff115e48f5f6c569c9"`);
    await queryRunner.query(`ALTER TABLE "allocation" DROP CONSTRAINT "FK_1a7ae9ef41092ed3662c7ef998f"`);
    await queryRunner.query(`ALTER TABLE "allocation" DROP CONSTRAINT "FK_ba361bd6f197376a1b8f61c6771"`);
    await queryRunner.query(`ALTER TABLE "cohort" DROP CONSTRAINT "FK_b2e955c10425c07107243eb3a6c"`);
    await queryRunner.query(`ALTER TABLE "cohort" DROP CONSTRAINT "FK_01b0d07da0d3fbac30b7566684a"`);
    await queryRunner.query(`ALTER TABLE "cohort" DROP CONSTRAINT "FK_31e70e96f8b1e4b2b6e279d142b"`);
    await queryRunner.query(`DROP INDEX "public"."cohort_ranking_rank_key"`);
    await queryRunner.query(`DROP TABLE "cohort_ranking"`);
    await queryRunner.query(`DROP TABLE "cohort_project"`);
    await queryRunner.query(`DROP INDEX "public"."cohort_member_participant_idx"`);
    await queryRunner.query(`DROP TABLE "cohort_member"`);
    await queryRunner.query(`DROP INDEX "public"."allocation_assignment_project_idx"`);
    await queryRunner.query(`DROP TABLE "allocation_assignment"`);
    await queryRunner.query(`DROP INDEX "public"."allocation_cohort_created_idx"`);
    await queryRunner.query(`DROP TABLE "allocation"`);
    await queryRunner.query(`DROP TYPE "public"."allocation_status"`);
    await queryRunner.query(`DROP TYPE "public"."allocation_mode"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_01b0d07da0d3fbac30b7566684"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_31e70e96f8b1e4b2b6e279d142"`);
    await queryRunner.query(`DROP TABLE "cohort"`);
    await queryRunner.query(`DROP TYPE "public"."cohort_status"`);
  }
}
