import { MigrationInterface, QueryRunner } from 'typeorm';

// Re-scoring a subject finds the lists that hold it (`items @> ARRAY[id]`): without these GIN
// indexes that is a scan of a whole list table on every re-score.
export class RecommendationListMembers1795870000000 implements MigrationInterface {
  name = 'RecommendationListMembers1795870000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "participant_recommendation_list_project_ids_idx" ON "participant_recommendation_list" USING gin ("project_ids")`);
    await queryRunner.query(`CREATE INDEX "project_candidate_list_participant_ids_idx" ON "project_candidate_list" USING gin ("participant_ids")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."project_candidate_list_participant_ids_idx"`);
    await queryRunner.query(`DROP INDEX "public"."participant_recommendation_list_project_ids_idx"`);
  }
}
