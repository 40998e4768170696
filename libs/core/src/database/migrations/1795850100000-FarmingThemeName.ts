import { MigrationInterface, QueryRunner } from 'typeorm';

// 「農的」 is the seed programs' shorthand (農的関係人口) and reads as a fragment on its own;
// people look for farming and rural life. The code stays, so filters and profiles keep working.
export class FarmingThemeName1795850100000 implements MigrationInterface {
  name = 'FarmingThemeName1795850100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "theme" SET "name_ja" = '農業・農村', "name_en" = 'Farming and rural life' WHERE "code" = 'agriculture' AND "name_ja" = '農的'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "theme" SET "name_ja" = '農的', "name_en" = 'Agriculture' WHERE "code" = 'agriculture' AND "name_ja" = '農業・農村'`,
    );
  }
}
