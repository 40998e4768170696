import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AppError } from '../errors/app-error';
import { Connection } from './connection';

type CursorValue = string | number;

// Keyset pagination: rows ordered by a tuple of SQL expressions, all descending, the last one
// unique (an id). Stable under inserts and no OFFSET scans. The cursor is opaque to clients: base64
// of the tuple of the page's last row.
export interface KeysetOptions {
  first: number;
  after?: string;
  // SQL expressions over the query's aliases, e.g. ['p.publishedAt', 'p.id'] or a relevance score.
  keys: string[];
}

// The page a client asks for: `first` rows after the `after` cursor.
export type Page = Omit<KeysetOptions, 'keys'>;

export function encodeCursor(values: ReadonlyArray<Date | CursorValue>): string {
  const plain = values.map((v) => (v instanceof Date ? v.toISOString() : v));
  return Buffer.from(JSON.stringify(plain), 'utf8').toString('base64');
}

export function decodeCursor(cursor: string, length = 2): CursorValue[] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === length &&
      parsed.every((v) => typeof v === 'string' || typeof v === 'number') &&
      // The last key is always an id.
      typeof parsed[parsed.length - 1] === 'string'
    ) {
      return parsed;
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
  const aliases = options.keys.map((_, i) => `keyset_${i}`);
  // Parenthesised, so TypeORM reads it as an expression and still loads the entity column itself.
  options.keys.forEach((expression, i) => qb.addSelect(`(${expression})`, aliases[i]));
  if (options.after) {
    const values = decodeCursor(options.after, options.keys.length);
    const params = Object.fromEntries(values.map((v, i) => [`keyset_after_${i}`, v]));
    qb.andWhere(
      `(${options.keys.join(', ')}) < (${values.map((_, i) => `:keyset_after_${i}`).join(', ')})`,
      params,
    );
  }
  options.keys.forEach((expression, i) =>
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
