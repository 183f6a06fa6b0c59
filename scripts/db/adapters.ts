/**
 * Driver adapters for the wasm schema engine: a `postgresql://` URL through @prisma/adapter-pg
 * over a one-connection pg pool, or an in-process PGlite through pglite-prisma-adapter, patched
 * where the engine and the adapters disagree (see docs/decisions/0002-migrations-wasm-engine.md),
 * and the set of connections one engine session opens (shadow databases are fresh PGlites).
 */
import type { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  ColumnTypeEnum,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlResultSet,
} from '@prisma/driver-adapter-utils';
import pg from 'pg';

import { MigrationError, type MigrationTarget } from './folder';
import { freshPGlite } from './pglite';

export interface PgLikeError {
  code: string;
  message: string;
  severity?: string;
  detail?: string;
  column?: string;
  hint?: string;
}

export function isPgLikeError(e: unknown): e is PgLikeError {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as PgLikeError).code === 'string' &&
    typeof (e as PgLikeError).message === 'string'
  );
}

/** Errors from running SQL scripts, in the shape the engine renders as "Database error code: …". */
function toDriverError(e: unknown): unknown {
  if (e instanceof DriverAdapterError || !isPgLikeError(e)) return e;
  return new DriverAdapterError({
    kind: 'postgres',
    code: e.code,
    severity: e.severity ?? 'ERROR',
    message: e.message,
    detail: e.detail,
    column: e.column,
    hint: e.hint,
  });
}

/**
 * The engine's catalog queries return columns of Postgres' internal `"char"` type (OID 18, e.g.
 * pg_constraint.contype). @prisma/adapter-pg refuses them ("Unsupported column type char"), and
 * reporting them as text is not enough: the engine reads them as a Character column and panics on
 * a text value as soon as a check / exclusion / (PG 18) not-null constraint shows up. So the pg
 * client below relabels OID 18 as text (pg already parses the values as strings) and tags the
 * result's `rows` array with the indexes of those columns; `withCharColumns` then restores the
 * Character column type in the adapter's result (adapter-pg passes the same `rows` array through).
 */
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const CHAR_COLUMNS = Symbol('charColumns');
type TaggedRows = unknown[][] & { [CHAR_COLUMNS]?: number[] };

function relabelCharColumns<T>(result: T): T {
  for (const r of Array.isArray(result) ? result : [result]) {
    const res = r as { fields?: { dataTypeID: number }[]; rows?: TaggedRows } | undefined;
    if (!res?.fields || !Array.isArray(res.rows)) continue;
    const indexes: number[] = [];
    res.fields.forEach((f, i) => {
      if (f.dataTypeID === PG_CHAR_OID) {
        f.dataTypeID = PG_TEXT_OID;
        indexes.push(i);
      }
    });
    if (indexes.length) Object.defineProperty(res.rows, CHAR_COLUMNS, { value: indexes });
  }
  return result;
}

async function withCharColumns(result: Promise<SqlResultSet>): Promise<SqlResultSet> {
  const res = await result;
  const indexes = (res.rows as TaggedRows)[CHAR_COLUMNS];
  if (indexes) for (const i of indexes) res.columnTypes[i] = ColumnTypeEnum.Character;
  return res;
}

class CatalogFriendlyClient extends pg.Client {
  // pg.Client#query has many overloads (promise, callback, config object with callback).
  override query(...args: unknown[]): never {
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const cb = args[last] as (err: Error | null, res: unknown) => void;
      args[last] = (err: Error | null, res: unknown) => cb(err, err ? res : relabelCharColumns(res));
    }
    const ret = (pg.Client.prototype.query as (...a: unknown[]) => unknown).apply(this, args);
    if (ret && typeof (ret as Promise<unknown>).then === 'function') {
      return (ret as Promise<unknown>).then(relabelCharColumns) as never;
    }
    return ret as never;
  }
}

/**
 * Delegates to an adapter but (1) runs executeScript as ONE simple-protocol query (adapter-pg
 * splits scripts on ";", which breaks $$-quoted function bodies; pglite-prisma-adapter does not
 * await the script), (2) restores `"char"` columns (above), and (3) leaves closing to the owner
 * of the connection.
 */
function wrapAdapter(
  inner: SqlDriverAdapter,
  runScript: (script: string) => Promise<unknown>,
  onDispose: () => Promise<void>,
  onScriptError: (e: unknown) => void = () => {},
): SqlDriverAdapter {
  let disposed = false;
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (q) => withCharColumns(inner.queryRaw(q)),
    executeRaw: (q) => inner.executeRaw(q),
    async startTransaction(level) {
      const tx = await inner.startTransaction(level);
      const queryRaw = tx.queryRaw.bind(tx);
      tx.queryRaw = (q) => withCharColumns(queryRaw(q));
      return tx;
    },
    getConnectionInfo: () => inner.getConnectionInfo?.() ?? { supportsRelationJoins: true },
    async executeScript(script) {
      try {
        await runScript(script);
      } catch (e) {
        onScriptError(e);
        throw toDriverError(e);
      }
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      await inner.dispose().catch(() => undefined);
      await onDispose();
    },
  };
}

async function pgliteAdapter(
  db: PGlite,
  onDispose: () => Promise<void>,
  onScriptError?: (e: unknown) => void,
): Promise<SqlDriverAdapter> {
  const { PrismaPGlite } = await import('pglite-prisma-adapter');
  const inner = await new PrismaPGlite(db).connect();
  return wrapAdapter(inner, (script) => db.exec(script), onDispose, onScriptError);
}

/** Resources opened for one engine session; all closed by `close()`. */
export class Connections {
  private closers: (() => Promise<void>)[] = [];
  /** Last error thrown by a driver (the engine sometimes reports only an opaque id). */
  lastDriverError: unknown;
  /** Last error from running a migration script (the engine's message drops the SQLSTATE). */
  lastScriptError: unknown;
  /** Plain query on the main database (same single connection the engine uses). */
  query: (sql: string) => Promise<Record<string, unknown>[]> = async () => {
    throw new MigrationError('Not connected.');
  };

  onClose(fn: () => Promise<void>) {
    this.closers.push(fn);
  }

  async close() {
    const closers = this.closers.reverse();
    this.closers = [];
    for (const c of closers) await c().catch(() => undefined);
  }

  /** Factory whose shadow databases are throwaway in-memory PGlite instances. */
  factory(connectMain: () => Promise<SqlDriverAdapter>): SqlMigrationAwareDriverAdapterFactory {
    const track = async <T>(p: Promise<T>): Promise<T> => {
      try {
        return await p;
      } catch (e) {
        this.lastDriverError = e;
        throw e;
      }
    };
    return {
      provider: 'postgres',
      adapterName: 'liaison-migrations',
      connect: () => track(connectMain()),
      connectToShadowDb: () =>
        track(
          (async () => {
            const shadow = await freshPGlite();
            let closed = false;
            const closeShadow = async () => {
              if (closed) return;
              closed = true;
              await shadow.close();
            };
            this.onClose(closeShadow);
            return pgliteAdapter(shadow, closeShadow, (e) => (this.lastScriptError = e));
          })(),
        ),
    };
  }
}

function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.username ? `${decodeURIComponent(u.username)}@` : ''}${u.host}${u.pathname}`;
  } catch {
    return '(unparseable URL)';
  }
}

/** Opens the main connection for a target: a pg pool of ONE connection, or the given PGlite. */
export function mainConnector(target: MigrationTarget, conns: Connections): () => Promise<SqlDriverAdapter> {
  if (typeof target !== 'string') {
    const db = target.pglite;
    conns.query = async (sql) => (await db.query<Record<string, unknown>>(sql)).rows;
    return () => pgliteAdapter(db, async () => undefined, (e) => (conns.lastScriptError = e));
  }
  if (!/^postgres(ql)?:\/\//.test(target)) {
    throw new MigrationError(
      `Unsupported database URL ${describeUrl(target)}: expected postgresql://user@host:port/database.`,
    );
  }
  return async () => {
    // One connection: pglite-server serves one client at a time, and the engine's advisory lock
    // (pg_advisory_lock) must be taken and released on the same session anyway.
    const pool = new pg.Pool({ connectionString: target, max: 1, Client: CatalogFriendlyClient });
    pool.on('error', () => undefined); // idle-client errors surface on the next query instead
    conns.onClose(() => pool.end());
    conns.query = async (sql) => (await pool.query<Record<string, unknown>>(sql)).rows;
    try {
      const client = await pool.connect();
      client.release();
    } catch (e) {
      throw new MigrationError(
        `Cannot connect to ${describeUrl(target)}: ${e instanceof Error ? e.message || e.name : String(e)}`,
        { cause: e },
      );
    }
    const inner = await new PrismaPg(pool).connect();
    return wrapAdapter(
      inner,
      (script) => pool.query(script),
      async () => undefined,
      (e) => (conns.lastScriptError = e),
    );
  };
}
