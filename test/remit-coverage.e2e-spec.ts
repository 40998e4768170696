import { JapanGeography } from '@tsunagu/core';
import { RemitCodes, remitAreaCoversSql, remitCovers, remitCoversSql } from '@tsunagu/identity';
import { Client } from 'pg';

// The remit rule has one owner with two forms: the predicate and the SQL fragment (over code lists
// or over remit_area rows). PostgreSQL must answer every case as the predicate does.

const REMITS: RemitCodes[] = [
  { prefectureCodes: [], municipalityCodes: [] },
  { prefectureCodes: ['15'], municipalityCodes: [] },
  { prefectureCodes: [], municipalityCodes: ['152081'] },
  { prefectureCodes: ['13'], municipalityCodes: ['152081'] },
  { prefectureCodes: ['01', '15'], municipalityCodes: ['131016'] },
];
// 小千谷市 and 新潟市 (prefecture 15), 千代田区 (13), 札幌市 (01).
const PLACES = ['152081', '151009', '131016', '011002'];
// Typed as the project's columns are.
const PLACE = { prefectureCode: '$1::char(2)', municipalityCode: '$2::char(6)' };

describe('remit coverage in SQL', () => {
  let db: Client;

  beforeAll(async () => {
    db = new Client({ connectionString: process.env.TEST_SERVER_URL });
    await db.connect();
  });

  afterAll(() => db.end());

  const cases = REMITS.flatMap((remit) => PLACES.map((place) => ({ remit, place })));
  const prefectureOf = (code: string) => JapanGeography.get().municipality(code)!.prefectureCode;

  it('covers a whole prefecture or a single municipality (the cases mean something)', () => {
    // Rows: REMITS; columns: PLACES.
    expect(REMITS.map((remit) => PLACES.map((place) => remitCovers(remit, place)))).toEqual([
      [false, false, false, false],
      [true, true, false, false],
      [true, false, false, false],
      [true, false, true, false],
      [true, true, true, true],
    ]);
  });

  // Runs the fragment in PostgreSQL for every case ($1 prefecture, $2 municipality, $3/$4 the
  // remit's lists) and compares it with the predicate.
  async function expectAgreement(sql: string): Promise<void> {
    for (const { remit, place } of cases) {
      const [row] = (
        await db.query<{ covered: boolean }>(sql, [
          prefectureOf(place),
          place,
          remit.prefectureCodes,
          remit.municipalityCodes,
        ])
      ).rows;
      expect({ remit, place, covered: row.covered }).toEqual({
        remit,
        place,
        covered: remitCovers(remit, place),
      });
    }
  }

  it('over code lists, agrees with the predicate', async () => {
    const sql = `SELECT ${remitCoversSql({ prefectureCodes: '$3::text[]', municipalityCodes: '$4::text[]' }, PLACE)} AS covered`;
    await expectAgreement(sql);
  });

  it('over remit_area rows, some row covers exactly when the predicate does', async () => {
    // One row per area, as remit_area stores them: a prefecture or a municipality, never both.
    const sql = `SELECT EXISTS (
        SELECT 1 FROM (
          SELECT code::char(2) AS prefecture_code, NULL::char(6) AS municipality_code
            FROM unnest($3::text[]) code
          UNION ALL
          SELECT NULL::char(2), code::char(6) FROM unnest($4::text[]) code) r
         WHERE ${remitAreaCoversSql('r', PLACE)}) AS covered`;
    await expectAgreement(sql);
  });
});
