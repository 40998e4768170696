import { CSV_BOM, csvField, toCsv } from './kpi-csv';

interface Row {
  name: string;
  count: number | null;
}

const COLUMNS = [
  { header: '区分 (name)', value: (r: Row) => r.name },
  { header: '応募数 (count)', value: (r: Row) => r.count },
];

describe('toCsv', () => {
  it('starts with the UTF-8 BOM and ends every record with CRLF', () => {
    const csv = toCsv<Row>([{ name: '美幌町', count: 3 }], COLUMNS);

    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv).toBe('\uFEFF区分 (name),応募数 (count)\r\n美幌町,3\r\n');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('quotes commas, quotes and line breaks, doubling quotes inside', () => {
    const csv = toCsv<Row>(
      [
        { name: '棚田, 保全', count: 1 },
        { name: 'say "はい"', count: 2 },
        { name: '一行目\n二行目', count: null },
      ],
      COLUMNS,
    );

    expect(csv.slice(1).split('\r\n')).toEqual([
      '区分 (name),応募数 (count)',
      '"棚田, 保全",1',
      '"say ""はい""",2',
      '"一行目\n二行目",',
      '',
    ]);
  });

  it('leaves plain fields unquoted and writes nothing for null', () => {
    expect(csvField('空き家バンク')).toBe('空き家バンク');
    expect(csvField(0.6)).toBe('0.6');
    expect(csvField(null)).toBe('');
    expect(csvField('a\rb')).toBe('"a\rb"');
  });

  it('writes only the header for no rows', () => {
    expect(toCsv<Row>([], COLUMNS)).toBe('\uFEFF区分 (name),応募数 (count)\r\n');
  });

  it('keeps names that look like formulas from running as one, and numbers as numbers', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('@SUM(1)')).toBe("'@SUM(1)");
    expect(csvField('-1+2')).toBe("'-1+2");
    expect(csvField(-1)).toBe('-1');
    expect(csvField('小千谷市')).toBe('小千谷市');
  });
});
