import { MigrationInterface, QueryRunner } from 'typeorm';

// A region's public page: its own description and its population by 5-year age group and sex,
// replaced as a whole (arrays of 19 groups) from the census year the region names.
export class RegionProfiles1795975000000 implements MigrationInterface {
  name = 'RegionProfiles1795975000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "region_profile" ("organization_id" uuid NOT NULL, "description" text, "census_year" smallint, "male_population" integer array, "female_population" integer array, "population_updated_at" TIMESTAMP(3) WITH TIME ZONE, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "region_profile_population_shape" CHECK ((census_year IS NULL AND male_population IS NULL AND female_population IS NULL)
   OR (census_year BETWEEN 1920 AND 2100
       AND cardinality(male_population) = 19 AND cardinality(female_population) = 19
       AND 0 <= ALL(male_population) AND 0 <= ALL(female_population))), CONSTRAINT "PK_997cbd1d184ea504dcb485340fb" PRIMARY KEY ("organization_id"))`);
    await queryRunner.query(`ALTER TABLE "region_profile" ADD CONSTRAINT "FK_997cbd1d184ea504dcb485340fb" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "region_profile" DROP CONSTRAINT "FK_997cbd1d184ea504dcb485340fb"`);
    await queryRunner.query(`DROP TABLE "region_profile"`);
  }
}
