import { MigrationInterface, QueryRunner } from 'typeorm';

export class RecommendationLists1795860000000 implements MigrationInterface {
  name = 'RecommendationLists1795860000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "participant_recommendation_list" ("participant_id" uuid NOT NULL, "project_ids" uuid array NOT NULL, "scores" double precision array NOT NULL, "weights_versions" text array NOT NULL, "computed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_a2a6c8d1a1652ab3d154ebb65cc" PRIMARY KEY ("participant_id"))`);
    await queryRunner.query(`CREATE TABLE "project_candidate_list" ("project_id" uuid NOT NULL, "participant_ids" uuid array NOT NULL, "scores" double precision array NOT NULL, "weights_version" text NOT NULL, "computed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_4a1f50472db19f2f813676c4914" PRIMARY KEY ("project_id"))`);
    await queryRunner.query(`ALTER TABLE "participant_recommendation_list" ADD CONSTRAINT "FK_a2a6c8d1a1652ab3d154ebb65cc" FOREIGN KEY ("participant_id") REFERENCES "participant_profile"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "project_candidate_list" ADD CONSTRAINT "FK_4a1f50472db19f2f813676c4914" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Each subject's rows become one row of arrays, in rank order; explanations are no longer
    // stored (they are worked out on read).
    await queryRunner.query(`INSERT INTO "participant_recommendation_list" ("participant_id", "project_ids", "scores", "weights_versions", "computed_at") SELECT "participant_id", array_agg("project_id" ORDER BY "rank", "project_id"), array_agg("score" ORDER BY "rank", "project_id"), array_agg("weights_version" ORDER BY "rank", "project_id"), max("computed_at") FROM "participant_recommendation" GROUP BY "participant_id"`);
    await queryRunner.query(`INSERT INTO "project_candidate_list" ("project_id", "participant_ids", "scores", "weights_version", "computed_at") SELECT "project_id", array_agg("participant_id" ORDER BY "rank", "participant_id"), array_agg("score" ORDER BY "rank", "participant_id"), (array_agg("weights_version" ORDER BY "rank", "participant_id"))[1], max("computed_at") FROM "project_candidate" GROUP BY "project_id"`);
    await queryRunner.query(`DROP TABLE "participant_recommendation"`);
    await queryRunner.query(`DROP TABLE "project_candidate"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "participant_recommendation" ("participant_id" uuid NOT NULL, "project_id" uuid NOT NULL, "rank" smallint NOT NULL, "score" double precision NOT NULL, "weights_version" text NOT NULL, "factors" json NOT NULL, "computed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_e34ba4f3ba8d04a257889c112be" PRIMARY KEY ("participant_id", "project_id"))`);
    await queryRunner.query(`CREATE INDEX "participant_recommendation_rank_idx" ON "participant_recommendation"  ("participant_id", "rank") `);
    await queryRunner.query(`CREATE TABLE "project_candidate" ("participant_id" uuid NOT NULL, "project_id" uuid NOT NULL, "rank" smallint NOT NULL, "score" double precision NOT NULL, "weights_version" text NOT NULL, "factors" json NOT NULL, "computed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_e3f1fe0b003bbeab2e6cd73da5c" PRIMARY KEY ("participant_id", "project_id"))`);
    await queryRunner.query(`CREATE INDEX "project_candidate_rank_idx" ON "project_candidate"  ("project_id", "rank") `);
    await queryRunner.query(`ALTER TABLE "participant_recommendation" ADD CONSTRAINT "FK_4318381463930d75b4c10e92e6d" FOREIGN KEY ("participant_id") REFERENCES "participant_profile"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "participant_recommendation" ADD CONSTRAINT "FK_2fc4c505985e888a973132307b3" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "project_candidate" ADD CONSTRAINT "FK_f98c67d7363d3470c88af1bb318" FOREIGN KEY ("participant_id") REFERENCES "participant_profile"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "project_candidate" ADD CONSTRAINT "FK_4d35392ca1ec89b1ab5d89e920f" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Back to a row per entry; entries whose other side is gone are dropped (the old foreign keys
    // would refuse them), and explanations cannot be recovered: the next re-score writes them.
    await queryRunner.query(`INSERT INTO "participant_recommendation" ("participant_id", "project_id", "rank", "score", "weights_version", "factors", "computed_at") SELECT l."participant_id", e."project_id", e."rank", e."score", e."version", '[]', l."computed_at" FROM "participant_recommendation_list" l CROSS JOIN LATERAL unnest(l."project_ids", l."scores", l."weights_versions") WITH ORDINALITY AS e("project_id", "score", "version", "rank") WHERE EXISTS (SELECT 1 FROM "project" p WHERE p."id" = e."project_id")`);
    await queryRunner.query(`INSERT INTO "project_candidate" ("participant_id", "project_id", "rank", "score", "weights_version", "factors", "computed_at") SELECT e."participant_id", l."project_id", e."rank", e."score", l."weights_version", '[]', l."computed_at" FROM "project_candidate_list" l CROSS JOIN LATERAL unnest(l."participant_ids", l."scores") WITH ORDINALITY AS e("participant_id", "score", "rank") WHERE EXISTS (SELECT 1 FROM "participant_profile" pp WHERE pp."user_id" = e."participant_id")`);
    await queryRunner.query(`ALTER TABLE "project_candidate_list" DROP CONSTRAINT "FK_4a1f50472db19f2f813676c4914"`);
    await queryRunner.query(`ALTER TABLE "participant_recommendation_list" DROP CONSTRAINT "FK_a2a6c8d1a1652ab3d154ebb65cc"`);
    await queryRunner.query(`DROP TABLE "project_candidate_list"`);
    await queryRunner.query(`DROP TABLE "participant_recommendation_list"`);
  }
}
