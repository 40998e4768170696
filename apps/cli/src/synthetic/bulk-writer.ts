// Writes many rows with few statements: one INSERT … SELECT … FROM unnest($1::uuid[], $2::text[], …)
// per batch, every column sent as one array parameter, so a 10,000-row batch is a single round
// trip with as many parameters as the table has columns.

// What runs SQL: a TypeORM QueryRunner or a pg Client both fit.
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export interface ColumnSpec<R> {
  // The column's name in the table (snake_case).
  column: string;
  // The PostgreSQL type of one value: uuid, text, smallint, timestamptz, participant_kind…
  type: string;
  // For array- and json-valued columns: each row's value is sent as text (see rowArrayLiteral,
  // JSON.stringify) and cast to this type, e.g. text[], participant_goal[], jsonb.
  castEach?: string;
  value: (row: R) => unknown;
}

export interface TableSpec<R> {
  table: string;
  columns: ReadonlyArray<ColumnSpec<R>>;
}

export interface WriteResult {
  table: string;
  rows: number;
  statements: number;
  ms: number;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function insertStatement<R>(spec: TableSpec<R>): string {
  const names = spec.columns.map((c) => ident(c.column));
  const selected = spec.columns.map((c) =>
    c.castEach ? `${ident(c.column)}::${c.castEach}` : ident(c.column),
  );
  const unnested = spec.columns.map((c, i) => `$${i + 1}::${c.castEach ? 'text' : c.type}[]`);
  return (
    `INSERT INTO ${ident(spec.table)} (${names.join(', ')}) ` +
    `SELECT ${selected.join(', ')} FROM unnest(${unnested.join(', ')}) AS t(${names.join(', ')})`
  );
}

// A PostgreSQL array literal for one row's array value: {"a","b"}. Elements are quoted and
// escaped, so any text is safe.
export function rowArrayLiteral(values: ReadonlyArray<string | number>): string {
  return `{${values.map((v) => `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

export async function writeRows<R>(
  runner: SqlRunner,
  spec: TableSpec<R>,
  rows: readonly R[],
  batchSize = 5000,
): Promise<WriteResult> {
  const started = performance.now();
  const sql = insertStatement(spec);
  let statements = 0;
  for (let offset = 0; offset < rows.length; offset += batchSize) {
    const batch = rows.slice(offset, offset + batchSize);
    const parameters = spec.columns.map((c) => batch.map((row) => c.value(row)));
    await runner.query(sql, parameters);
    statements++;
  }
  return { table: spec.table, rows: rows.length, statements, ms: performance.now() - started };
}
