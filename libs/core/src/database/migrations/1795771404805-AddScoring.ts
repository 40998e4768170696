import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddScoring1795771404805 implements MigrationInterface {
  name = 'AddScoring1795771404805';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."scoring_subject_kind" AS ENUM('PARTICIPANT', 'PROJECT')`);
    await queryRunner.query(`CREATE TABLE "scoring_subject" ("kind" "public"."scoring_subject_kind" NOT NULL, "subject_id" uuid NOT NULL, "revision" bigint NOT NULL DEFAULT '0', "scored_revision" bigint NOT NULL DEFAULT '0', "scored_read_at" TIMESTAMP WITH TIME ZONE, "scored_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_fad64723dba4b798e6419a2cdf4" PRIMARY KEY ("kind", "subject_id"))`);
    await queryRunner.query(`CREATE TABLE "participant_recommendation" ("participant_id" uuid NOT NULL, "project_id" uuid NOT NULL, "rank" smallint NOT NULL, "score" double precision NOT NULL, "weights_version" text NOT NULL, "factors" json NOT NULL, "computed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_e34ba4f3ba8d04a257889c112be" PRIMARY KEY ("participant_id", "project_id"))`);
    await queryRunner.query(`CREATE INDEX "participant_recommendation_rank_idx" ON "participant_recommendation"  ("participant_id", "rank") `);
    await queryRunner.query(`CREATE TABLE "program_weights" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "program_id" uuid NOT NULL, "version" integer NOT NULL, "weights" jsonb NOT NULL, "created_by_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_24de769869347abb2f54bb40e23" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "program_weights_program_version_key" ON "program_weights"  ("program_id", "version") `);
    await queryRunner.query(`CREATE TABLE "project_candidate" ("participant_id" uuid NOT NULL, "project_id" uuid NOT NULL, "rank" smallint NOT NULL, "score" double precision NOT NULL, "weights_version" text NOT NULL, "factors" json NOT NULL, "computed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_e3f1fe0b003bbeab2e6cd73da5c" PRIMARY KEY ("participant_id", "project_id"))`);
    await queryRunner.query(`CREATE INDEX "project_candidate_rank_idx" ON "project_candidate"  ("project_id", "rank") `);
    await queryRunner.query(`CREATE TYPE "public"."scoring_chunk_side" AS ENUM('PARTICIPANTS', 'PROJECTS')`);
    await queryRunner.query(`CREATE TABLE "scoring_run_chunk" ("run_id" uuid NOT NULL, "chunk" integer NOT NULL, "side" "public"."scoring_chunk_side" NOT NULL, "subject_ids" uuid array NOT NULL, "done_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_932f317e4d04e6d10210d760cd3" PRIMARY KEY ("run_id", "chunk"))`);
    await queryRunner.query(`CREATE TYPE "public"."scoring_run_status" AS ENUM('RUNNING', 'DONE', 'FAILED')`);
    await queryRunner.query(`CREATE TABLE "scoring_run" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "status" "public"."scoring_run_status" NOT NULL, "reason" text NOT NULL, "chunks_total" integer NOT NULL DEFAULT '0', "chunks_done" integer NOT NULL DEFAULT '0', "requested_by_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_1ce5ae0a10eed9892e7861b5267" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "participant_recommendation" ADD CONSTRAINT "FK_4318381463930d75b4c10e92e6d" FOREIGN KEY ("participant_id") REFERENCES "participant_profile"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "participant_recommendation" ADD CONSTRAINT "FK_2fc4c505985e888a973132307b3" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "program_weights" ADD CONSTRAINT "FK_5df331ab1deb53d8bdf950d0735" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "project_candidate" ADD CONSTRAINT "FK_f98c67d7363d3470c88af1bb318" FOREIGN KEY ("participant_id") REFERENCES "participant_profile"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "project_candidate" ADD CONSTRAINT "FK_4d35392ca1ec89b1ab5d89e920f" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "project_candidate" DROP CONSTRAINT "FK_4d35392ca1ec89b1ab5d89e920f"`);
    await queryRunner.query(`ALTER TABLE "project_candidate" DROP CONSTRAINT "FK_f98c67d7363d3470c88af1bb318"`);
    await queryRunner.query(`ALTER TABLE "program_weights" DROP CONSTRAINT "FK_5df331ab1deb53d8bdf950d0735"`);
    await queryRunner.query(`ALTER TABLE "participant_recommendation" DROP CONSTRAINT "FK_2fc4c505985e888a973132307b3"`);
    await queryRunner.query(`ALTER TABLE "participant_recommendation" DROP CONSTRAINT "FK_4318381463930d75b4c10e92e6d"`);
    await queryRunner.query(`DROP TABLE "scoring_run"`);
    await queryRunner.query(`DROP TYPE "public"."scoring_run_status"`);
    await queryRunner.query(`DROP TABLE "scoring_run_chunk"`);
    await queryRunner.query(`DROP TYPE "public"."scoring_chunk_side"`);
    await queryRunner.query(`DROP INDEX "public"."project_candidate_rank_idx"`);
    await queryRunner.query(`DROP TABLE "project_candidate"`);
    await queryRunner.query(`DROP INDEX "public"."program_weights_program_version_key"`);
    await queryRunner.query(`DROP TABLE "program_weights"`);
    await queryRunner.query(`DROP INDEX "public"."participant_recommendation_rank_idx"`);
    await queryRunner.query(`DROP TABLE "participant_recommendation"`);
    await queryRunner.query(`DROP TABLE "scoring_subject"`);
    await queryRunner.query(`DROP TYPE "public"."scoring_subject_kind"`);
  }
}
