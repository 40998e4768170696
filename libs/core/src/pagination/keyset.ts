import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AppError } from '../errors/app-error';
import { isUuid } from '../validation/uuid';
import { Connection } from './connection';

type CursorValue = string | number;

// What a sort key holds, so a cursor's values are checked against it before they reach SQL: a
// forged cursor of the right shape but impossible values is the client's mistake, not a 500.
export type KeyKind = 'timestamp' | 'number' | 'integer' | 'id';

export interface KeysetKey {
  // An SQL expression over the query's aliases, e.g. 'p.publishedAt' or a relevance score.
  sql: string;
  kind: KeyKind;
}

export const byTimestamp = (sql: string): KeysetKey => ({ sql, kind: 'timestamp' });
export const byNumber = (sql: string): KeysetKey => ({ sql, kind: 'number' });
// An integer expression (a rank, a sequence number, a count): PostgreSQL types the cursor's value
// as integer, so a value outside its range would be a 500 rather than the client's mistake.
export const byInteger = (sql: string): KeysetKey => ({ sql, kind: 'integer' });
export const byId = (sql: string): KeysetKey => ({ sql, kind: 'id' });

// Keyset pagination: rows ordered by a tuple of SQL expressions, all descending, the last one
// unique (an id). Stable under inserts and no OFFSET scans. The cursor is opaque to clients: base64
// of the tuple of the page's last row. It is not signed: forging one only moves where a page of
// rows the caller may read anyway starts, and every value is checked against its key's kind.
export interface KeysetOptions {
  first: number;
  after?: string;
  keys: KeysetKey[];
}

// The page a client asks for: `first` rows after the `after` cursor.
export type Page = Omit<KeysetOptions, 'keys'>;

export function encodeCursor(values: ReadonlyArray<Date | CursorValue>): string {
  const plain = values.map((v) => (v instanceof Date ? v.toISOString() : v));
  return Buffer.from(JSON.stringify(plain), 'utf8').toString('base64');
}

// As Date.toISOString writes it (PostgreSQL keeps microseconds, so up to six decimals).
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?Z$/;
// PostgreSQL's integer.
const INT4_MAX = 2_147_483_647;
// numeric columns come back from pg as strings; both forms are accepted, finite only.
const DECIMAL = /^-?\d{1,20}(\.\d{1,20})?$/;

function isInstant(value: string): boolean {
  const parts = ISO_INSTANT.exec(value);
  if (!parts) return false;
  const [year, month, day, hour, minute, second] = parts.slice(1, 7).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 2026-13-45 over into 2027; an instant that exists survives unchanged.
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second
  );
}

export function isCursorValue(kind: KeyKind, value: unknown): boolean {
  switch (kind) {
    case 'timestamp':
      return typeof value === 'string' && isInstant(value);
    case 'number':
      return typeof value === 'number'
        ? Number.isFinite(value)
        : typeof value === 'string' && DECIMAL.test(value);
    case 'integer':
      return Number.isInteger(value) && Math.abs(value as number) <= INT4_MAX;
    case 'id':
      return typeof value === 'string' && isUuid(value);
  }
}

// The values of a cursor for keys of these kinds; anything else is BAD_USER_INPUT on `after`.
export function decodeCursor(
  cursor: string,
  kinds: readonly KeyKind[] = ['timestamp', 'id'],
): CursorValue[] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === kinds.length &&
      parsed.every((v, i) => isCursorValue(kinds[i], v))
    ) {
      return parsed as CursorValue[];
    }
  } catch {
    // fall through to the error below
  }
  throw AppError.invalidField(['after'], 'is not a valid cursor');
}

export async function paginateKeyset<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  options: KeysetOptions,
): Promise<Connection<T>> {
  const expressions = options.keys.map((key) => key.sql);
  const aliases = expressions.map((_, i) => `keyset_${i}`);
  // Parenthesised, so TypeORM reads it as an expression and still loads the entity column itself.
  expressions.forEach((expression, i) => qb.addSelect(`(${expression})`, aliases[i]));
  if (options.after) {
    const values = decodeCursor(
      options.after,
      options.keys.map((key) => key.kind),
    );
    const params = Object.fromEntries(values.map((v, i) => [`keyset_after_${i}`, v]));
    qb.andWhere(
      `(${expressions.join(', ')}) < (${values.map((_, i) => `:keyset_after_${i}`).join(', ')})`,
      params,
    );
  }
  expressions.forEach((expression, i) =>
    i === 0 ? qb.orderBy(expression, 'DESC') : qb.addOrderBy(expression, 'DESC'),
  );
  const { entities, raw } = await qb
    .limit(options.first + 1)
    .getRawAndEntities<Record<string, unknown>>();
  // Without to-many joins TypeORM returns one raw row per entity, in the same order.
  if (entities.length !== raw.length) throw new Error('paginateKeyset needs one row per entity');
  const edges = entities.slice(0, options.first).map((node, i) => ({
    node,
    cursor: encodeCursor(aliases.map((alias) => raw[i][alias] as Date | CursorValue)),
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: entities.length > options.first,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    },
  };
}

export function mapConnection<A, B>(
  connection: Connection<A>,
  map: (node: A, index: number) => B,
): Connection<B> {
  return {
    pageInfo: connection.pageInfo,
    edges: connection.edges.map((e, i) => ({ cursor: e.cursor, node: map(e.node, i) })),
  };
}
