import { AppError, ErrorCode } from '../errors/app-error';
import { decodeCursor, encodeCursor, KeyKind } from './keyset';

function decodeError(cursor: string, kinds?: KeyKind[]): AppError {
  try {
    decodeCursor(cursor, kinds);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected decodeCursor to throw');
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('encodeCursor / decodeCursor', () => {
  const id = '6c1e4f0a-8a7b-4d53-9f0e-2f5d3c9b1a77';

  it('round-trips a Date as its ISO string', () => {
    const publishedAt = new Date('2025-04-01T09:30:00.123Z');

    expect(decodeCursor(encodeCursor([publishedAt, id]))).toEqual(['2025-04-01T09:30:00.123Z', id]);
  });

  it('round-trips numbers and strings unchanged', () => {
    expect(decodeCursor(encodeCursor([42, id]), ['number', 'id'])).toEqual([42, id]);
    expect(decodeCursor(encodeCursor([0, id]), ['number', 'id'])).toEqual([0, id]);
    // numeric columns arrive from pg as strings
    expect(decodeCursor(encodeCursor(['-1733312345.123456', id]), ['number', 'id'])).toEqual([
      '-1733312345.123456',
      id,
    ]);
    expect(
      decodeCursor(encodeCursor([3, '2025-04-01T09:30:00.123456Z', id]), [
        'number',
        'timestamp',
        'id',
      ]),
    ).toEqual([3, '2025-04-01T09:30:00.123456Z', id]);
  });

  it('produces an opaque base64 string', () => {
    expect(encodeCursor([1, id])).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it.each([
    ['not base64 JSON', '!!!not a cursor!!!'],
    ['base64 of non-JSON text', base64('hello')],
    ['an object', base64('{"sort":1,"id":"a"}')],
    ['a one-element array', base64('["2025-01-01"]')],
    ['a three-element array', base64('[1,"a","b"]')],
    ['a numeric id', base64('[1,2]')],
    ['a null sort value', base64('[null,"a"]')],
    ['an empty string', ''],
    [
      'a timestamp that does not exist',
      base64(`["2026-13-45T00:00:00Z","${'6c1e4f0a-8a7b-4d53-9f0e-2f5d3c9b1a77'}"]`),
    ],
    [
      'February 30th',
      base64('["2027-02-30T00:00:00.000Z","6c1e4f0a-8a7b-4d53-9f0e-2f5d3c9b1a77"]'),
    ],
    [
      'a timestamp without a zone',
      base64('["2026-01-01T00:00:00","6c1e4f0a-8a7b-4d53-9f0e-2f5d3c9b1a77"]'),
    ],
    [
      'a number where a timestamp is expected',
      base64('[5,"6c1e4f0a-8a7b-4d53-9f0e-2f5d3c9b1a77"]'),
    ],
    [
      'a malformed uuid',
      base64('["2026-01-01T00:00:00.000Z","6c1e4f0a-8a7b-4d53-9f0e-2f5d3c9b1a7"]'),
    ],
    ['SQL in the id', base64(`["2026-01-01T00:00:00.000Z","x' OR '1'='1"]`)],
  ])('rejects %s as BAD_USER_INPUT on "after"', (_what, cursor) => {
    const error = decodeError(cursor);

    expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(error.fields).toHaveLength(1);
    expect(error.fields[0].path).toEqual(['after']);
  });
});

describe('decodeCursor for number keys', () => {
  const id = '6c1e4f0a-8a7b-4d53-9f0e-2f5d3c9b1a77';

  it.each([
    ['a word', '"abc"'],
    ['a timestamp', '"2026-01-01T00:00:00.000Z"'],
    ['an exponent', '"1e400"'],
    ['a huge integer', '1e400'],
    ['an empty string', '""'],
  ])('rejects %s where a number is expected', (_what, value) => {
    const error = decodeError(base64(`[${value},"${id}"]`), ['number', 'id']);

    expect(error.fields[0].path).toEqual(['after']);
  });
});

describe('decodeCursor for integer keys', () => {
  const id = '6c1e4f0a-8a7b-4d53-9f0e-2f5d3c9b1a77';

  it.each([
    ['a number beyond PostgreSQL integers', '1e+308'],
    ['one past the largest integer', '2147483648'],
    ['a fraction', '1.5'],
    ['a numeric string', '"3"'],
  ])('rejects %s where an integer is expected', (_what, value) => {
    const error = decodeError(base64(`[${value},"${id}"]`), ['integer', 'id']);

    expect(error.fields[0].path).toEqual(['after']);
  });

  it('accepts a rank or sequence number in range', () => {
    expect(decodeCursor(base64(`[-2147483647,"${id}"]`), ['integer', 'id'])).toEqual([
      -2147483647,
      id,
    ]);
  });
});
