import { describe, expect, it } from 'vitest';
import { toCsv } from './impact-csv';

describe('toCsv', () => {
  it('writes sections apart, with a BOM and CRLF, quoting what needs it', () => {
    const csv = toCsv([
      { title: '実績', rows: [['活動時間', 3.5]] },
      { title: 'Regions', rows: [['Bihoro, "east"', 2]] },
    ]);
    expect(csv).toBe('\uFEFF実績\r\n活動時間,3.5\r\n\r\nRegions\r\n"Bihoro, ""east""",2\r\n');
  });
});
