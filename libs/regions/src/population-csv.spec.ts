import { CsvProblemCode, parsePopulationCsv } from './population-csv';

function censusCsv(lines: string[] = []): string {
  const rows = ['年齢,総数,男,女'];
  for (let from = 0; from < 90; from += 5) rows.push(`${from}～${from + 4}歳,30,10,20`);
  rows.push('90歳以上,9,4,5', ...lines);
  return rows.join('\r\n');
}

describe('population CSV in the census shape', () => {
  it('reads 5-year groups by sex, full-width and census spellings included', () => {
    const result = parsePopulationCsv(`\uFEFF${censusCsv(['総数,579,,'])}`);
    // the total line has fewer values but is skipped as the total, not read as a group
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.population.male).toHaveLength(19);
    expect(result.population.female[0]).toBe(20);
    expect(result.population.male[18]).toBe(4);
  });

  it('folds 95–99 and 100+ into 90+ and reads "-" as zero and 1,234 as a number', () => {
    const rows = ['age,male,female'];
    for (let from = 0; from < 90; from += 5) rows.push(`${from}-${from + 4},"1,234",-`);
    rows.push('９０～９４歳,3,7', '95-99,2,4', '100+,1,1');
    const result = parsePopulationCsv(rows.join('\n'));
    expect(result.ok && result.population.male[0]).toBe(1234);
    expect(result.ok && result.population.female[0]).toBe(0);
    expect(result.ok && result.population.male[18]).toBe(6);
    expect(result.ok && result.population.female[18]).toBe(12);
  });

  it('names every bad line with its problem', () => {
    const csv = censusCsv(['5-9,3,1,2', '12-15,3,1,2', '20-24,3,x,2', '25-29,3,1', '30-34,9,1,2']);
    const result = parsePopulationCsv(csv);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.line, p.code])).toEqual([
      [21, CsvProblemCode.DUPLICATE],
      [22, CsvProblemCode.AGE_GROUP],
      [23, CsvProblemCode.COUNT],
      [24, CsvProblemCode.COLUMNS],
      [25, CsvProblemCode.TOTAL],
    ]);
    expect(result.problems[0].message).toContain('line 3');
  });

  it('refuses a file without the columns or with groups missing', () => {
    const noHeader = parsePopulationCsv('0-4,1,2\n5-9,1,2');
    expect(!noHeader.ok && noHeader.problems[0].code).toBe(CsvProblemCode.HEADER);
    const short = parsePopulationCsv('年齢,男,女\n0-4,1,2');
    expect(!short.ok && short.problems[0].code).toBe(CsvProblemCode.MISSING);
    expect(!short.ok && short.problems[0].message).toContain('90+');
    const empty = parsePopulationCsv('\n');
    expect(!empty.ok && empty.problems[0].code).toBe(CsvProblemCode.EMPTY);
  });
});
