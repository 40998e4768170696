import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';

// A request that holds a pooled connection for its transaction and then asks the pool for
// another (a helper reading through the DataSource instead of the transaction's EntityManager)
// deadlocks the whole pool once as many such requests run at once as the pool has connections.
// Outside production this guard turns every such acquisition into an immediate error naming
// the transaction, so a test fails at once instead of the API freezing by chance under load.

interface OpenTransaction {
  pool: unknown;
  // False once the transaction's callback has settled: work it spawned that runs later (after
  // commit) may take connections of its own.
  open: boolean;
  startedAt: string;
}

interface PgPool {
  connect: (...args: unknown[]) => unknown;
}

const openTransaction = new AsyncLocalStorage<OpenTransaction>();
const guardedPools = new WeakSet<object>();
let managerPatched = false;

export class NestedConnectionError extends Error {
  constructor(startedAt: string, acquiredAt: string) {
    super(
      `A second pooled connection was requested inside a transaction. Pass the transaction's ` +
        `EntityManager down instead of using the DataSource (or a repository of it).\n` +
        `  transaction started ${startedAt}\n  connection requested ${acquiredAt}`,
    );
    this.name = 'NestedConnectionError';
  }
}

// The first frame of a stack in our own code (not TypeORM, pg or this file): the caller.
function callerOf(stack: string | undefined): string {
  const frames = (stack ?? '').split('\n').slice(1);
  const frame = frames.find(
    (f) =>
      /[/\\](libs|apps|test)[/\\]/.test(f) &&
      !f.includes('node_modules') &&
      !f.includes('transaction-guard'),
  );
  return frame?.trim() ?? '(unknown)';
}

function poolOf(manager: EntityManager): object | undefined {
  return (manager.connection.driver as unknown as { master?: object }).master;
}

function patchEntityManager(): void {
  if (managerPatched) return;
  managerPatched = true;
  type Transaction = (this: EntityManager, ...args: unknown[]) => Promise<unknown>;
  const call = Reflect.get(EntityManager.prototype, 'transaction') as Transaction;
  const patched = function (
    this: EntityManager,
    isolationOrRun: unknown,
    maybeRun?: (m: EntityManager) => Promise<unknown>,
  ): Promise<unknown> {
    const pool = poolOf(this);
    // A manager already bound to a query runner reuses its connection: nothing to watch.
    if (this.queryRunner || !pool || !guardedPools.has(pool)) {
      return call.call(this, isolationOrRun, maybeRun);
    }
    const run = (typeof isolationOrRun === 'function' ? isolationOrRun : maybeRun) as (
      m: EntityManager,
    ) => Promise<unknown>;
    const tx: OpenTransaction = { pool, open: true, startedAt: callerOf(new Error().stack) };
    const guarded = (m: EntityManager) =>
      openTransaction.run(tx, async () => {
        try {
          return await run(m);
        } finally {
          tx.open = false;
        }
      });
    return typeof isolationOrRun === 'function'
      ? call.call(this, guarded)
      : call.call(this, isolationOrRun, guarded);
  };
  Reflect.set(EntityManager.prototype, 'transaction', patched);
}

// Watches the DataSource's pool: every connection TypeORM takes goes through pool.connect.
export function installTransactionGuard(dataSource: DataSource): void {
  const pool = (dataSource.driver as unknown as { master?: PgPool }).master;
  if (!pool || guardedPools.has(pool)) return;
  patchEntityManager();
  guardedPools.add(pool);
  const connect = pool.connect.bind(pool);
  pool.connect = (...args: unknown[]) => {
    const tx = openTransaction.getStore();
    if (tx?.open && tx.pool === pool) {
      const error = new NestedConnectionError(tx.startedAt, callerOf(new Error().stack));
      const callback = args[0];
      if (typeof callback === 'function') {
        process.nextTick(() => (callback as (e: Error) => void)(error));
        return undefined;
      }
      return Promise.reject(error);
    }
    return connect(...args);
  };
}
