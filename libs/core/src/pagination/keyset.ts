import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AppError } from '../errors/app-error';
import { Connection } from './connection';

// Keyset pagination over (sortColumn DESC, id DESC): stable under inserts, no OFFSET scans.
// The cursor is opaque to clients: base64 of [sortValue, id].
export interface KeysetOptions<T> {
  first: number;
  after?: string;
  // SQL expressions (already aliased), e.g. 'p.publishedAt' and 'p.id'.
  sortExpression: string;
  idExpression: string;
  sortValue: (row: T) => Date | string | number;
  idValue: (row: T) => string;
}

export function encodeCursor(sortValue: Date | string | number, id: string): string {
  const value = sortValue instanceof Date ? sortValue.toISOString() : sortValue;
  return Buffer.from(JSON.stringify([value, id]), 'utf8').toString('base64');
}

export function decodeCursor(cursor: string): [string | number, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (typeof parsed[0] === 'string' || typeof parsed[0] === 'number') &&
      typeof parsed[1] === 'string'
    ) {
      return [parsed[0], parsed[1]];
    }
  } catch {
    // fall through to the error below
  }
  throw AppError.invalidField(['after'], 'is not a valid cursor');
}

export async function paginateKeyset<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  options: KeysetOptions<T>,
): Promise<Connection<T>> {
  if (options.after) {
    const [sortValue, id] = decodeCursor(options.after);
    qb.andWhere(`(${options.sortExpression}, ${options.idExpression}) < (:cursorSort, :cursorId)`, {
      cursorSort: sortValue,
      cursorId: id,
    });
  }
  const rows = await qb
    .orderBy(options.sortExpression, 'DESC')
    .addOrderBy(options.idExpression, 'DESC')
    .limit(options.first + 1)
    .getMany();
  const page = rows.slice(0, options.first);
  const edges = page.map((node) => ({
    node,
    cursor: encodeCursor(options.sortValue(node), options.idValue(node)),
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > options.first,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    },
  };
}

export function mapConnection<A, B>(connection: Connection<A>, map: (a: A) => B): Connection<B> {
  return {
    pageInfo: connection.pageInfo,
    edges: connection.edges.map((e) => ({ cursor: e.cursor, node: map(e.node) })),
  };
}
