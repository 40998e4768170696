import {
  AGE_GROUP_COUNT,
  AGE_STEP,
  ageGroupLabel,
  OPEN_AGE,
  PopulationBySex,
} from './population-model';

// A population in the shape of the census' tables (国勢調査, 男女別5歳階級): a header, then one
// line per age group with the numbers of men and women, optionally a total column. The census'
// 95–99 and 100+ lines fold into 90+, its total line is skipped, and "-" (its zero) reads as 0.

export enum CsvProblemCode {
  EMPTY = 'EMPTY',
  HEADER = 'HEADER',
  COLUMNS = 'COLUMNS',
  AGE_GROUP = 'AGE_GROUP',
  COUNT = 'COUNT',
  DUPLICATE = 'DUPLICATE',
  MISSING = 'MISSING',
  TOTAL = 'TOTAL',
}

export interface CsvProblem {
  line: number; // 1-based line of the file; 0 for the file as a whole
  code: CsvProblemCode;
  message: string;
}

export type CsvParseResult =
  { ok: true; population: PopulationBySex } | { ok: false; problems: CsvProblem[] };

// RFC 4180 fields of one line: quotes around fields with commas, doubled quotes inside.
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields.map((f) => f.trim());
}

// Full-width digits and signs (５～９歳) read like half-width ones.
function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[〜～~ー−–—]/g, '-')
    .replace(/\s+/g, '')
    .toLowerCase();
}

const AGE_HEADERS = ['年齢', '年齢階級', '年齢5歳階級', '年齢(5歳階級)', 'age', 'agegroup'];
const MALE_HEADERS = ['男', '男性', '男性人口', 'male', 'men'];
const FEMALE_HEADERS = ['女', '女性', '女性人口', 'female', 'women'];
const TOTAL_HEADERS = ['総数', '計', '合計', '総人口', 'total'];
const TOTAL_ROWS = ['総数', '計', '合計', 'total', '年齢不詳', '不詳', 'unknown'];

// The age group index of a label ("0～4歳", "5-9", "90歳以上", "100+"), or null.
export function ageGroupOf(label: string): number | null {
  const text = normalise(label).replace(/歳|才/g, '');
  const open = /^(\d+)(以上|\+|over|andover)$/.exec(text);
  if (open) {
    const from = Number(open[1]);
    return from >= OPEN_AGE && from % AGE_STEP === 0 ? AGE_GROUP_COUNT - 1 : null;
  }
  const range = /^(\d+)-(\d+)$/.exec(text);
  if (!range) return null;
  const from = Number(range[1]);
  if (from % AGE_STEP !== 0 || Number(range[2]) !== from + AGE_STEP - 1) return null;
  return Math.min(from / AGE_STEP, AGE_GROUP_COUNT - 1);
}

function countOf(raw: string): number | null {
  const text = normalise(raw).replace(/,/g, '');
  if (text === '-' || text === '') return text === '-' ? 0 : null;
  if (!/^\d+$/.test(text)) return null;
  const n = Number(text);
  return n <= 10_000_000 ? n : null;
}

function columnOf(headers: string[], names: string[]): number {
  return headers.findIndex((h) => names.includes(normalise(h)));
}

export function parsePopulationCsv(csv: string): CsvParseResult {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const problems: CsvProblem[] = [];
  const headerIndex = lines.findIndex((l) => l.trim() !== '');
  if (headerIndex < 0) {
    return {
      ok: false,
      problems: [{ line: 0, code: CsvProblemCode.EMPTY, message: 'The file is empty' }],
    };
  }
  const headers = splitCsvLine(lines[headerIndex]);
  const ageColumn = columnOf(headers, AGE_HEADERS);
  const maleColumn = columnOf(headers, MALE_HEADERS);
  const femaleColumn = columnOf(headers, FEMALE_HEADERS);
  const totalColumn = columnOf(headers, TOTAL_HEADERS);
  if (ageColumn < 0 || maleColumn < 0 || femaleColumn < 0) {
    const message = 'The first line must name the columns: 年齢, 男, 女 (or age, male, female)';
    return {
      ok: false,
      problems: [{ line: headerIndex + 1, code: CsvProblemCode.HEADER, message }],
    };
  }
  const male = new Array<number>(AGE_GROUP_COUNT).fill(0);
  const female = new Array<number>(AGE_GROUP_COUNT).fill(0);
  const seen = new Map<string, number>();
  const found = new Set<number>();
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const lineNumber = i + 1;
    if (lines[i].trim() === '') continue;
    const fields = splitCsvLine(lines[i]);
    const problem = (code: CsvProblemCode, message: string) =>
      problems.push({ line: lineNumber, code, message: `Line ${lineNumber}: ${message}` });
    if (fields.length !== headers.length) {
      problem(CsvProblemCode.COLUMNS, `expected ${headers.length} columns, found ${fields.length}`);
      continue;
    }
    const label = fields[ageColumn];
    if (TOTAL_ROWS.includes(normalise(label))) continue;
    const group = ageGroupOf(label);
    if (group === null) {
      problem(CsvProblemCode.AGE_GROUP, `"${label}" is not a 5-year age group such as 0-4 or 90+`);
      continue;
    }
    const men = countOf(fields[maleColumn]);
    const women = countOf(fields[femaleColumn]);
    if (men === null || women === null) {
      const bad = men === null ? fields[maleColumn] : fields[femaleColumn];
      problem(
        CsvProblemCode.COUNT,
        `"${bad}" is not a number of people (a whole number, 0 or more)`,
      );
      continue;
    }
    if (totalColumn >= 0) {
      const total = countOf(fields[totalColumn]);
      if (total !== null && total !== men + women) {
        problem(CsvProblemCode.TOTAL, `the total ${total} is not men ${men} + women ${women}`);
        continue;
      }
    }
    const key = normalise(label).replace(/歳|才/g, '');
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problem(CsvProblemCode.DUPLICATE, `the age group "${label}" is already on line ${earlier}`);
      continue;
    }
    seen.set(key, lineNumber);
    found.add(group);
    male[group] += men;
    female[group] += women;
  }
  if (problems.length === 0) {
    const missing = male.map((_, g) => g).filter((g) => !found.has(g));
    if (missing.length) {
      const labels = missing.map(ageGroupLabel);
      problems.push({
        line: 0,
        code: CsvProblemCode.MISSING,
        message: `Age groups missing from the file: ${labels.join(', ')}`,
      });
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, population: { male, female } };
}
