import { MigrationInterface, QueryRunner } from 'typeorm';

// Hand-written: free-text project search. Trigram indexes match any substring of three or more
// characters, so Japanese (written without spaces) is found inside longer words: 空き家 in
// 空き家バンク. The entity declares the index with synchronize: false so schema diffs leave it be.
export class AddProjectSearchIndex1795765607002 implements MigrationInterface {
  name = 'AddProjectSearchIndex1795765607002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE INDEX "project_search_text_trgm_idx" ON "project" USING gin ((title || ' ' || description) gin_trgm_ops)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "project_search_text_trgm_idx"`);
  }
}
