/**
 * Prisma's WebAssembly schema engine (`@prisma/schema-engine-wasm`) bound to one database: the
 * development side of migrations (create, status, reset, drift; apply for the commands that
 * need it). Prisma 7's CLI wants to download a native schema engine, which this environment cannot
 * reach, so the engine is driven from here through driver adapters (./adapters.ts); its shadow
 * database is a throwaway in-memory PGlite (./pglite.ts).
 *
 * The output is standard Prisma: `prisma/migrations/<timestamp>_<name>/migration.sql`,
 * `migration_lock.toml`, and rows in `_prisma_migrations` written by the engine itself.
 * See docs/decisions/0002-migrations-wasm-engine.md.
 */
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine, SchemaFilter } from '@prisma/schema-engine-wasm';

import { Connections, isPgLikeError, mainConnector } from './adapters';
import {
  assertMigrationsReadable,
  type CreateMigrationOptions,
  type DataLossReport,
  dirs,
  ensureNewline,
  LOCKFILE,
  LOCKFILE_CONTENT,
  MigrationError,
  migrationSlug,
  type MigrationOptions,
  type MigrationStatus,
  type MigrationTarget,
  readMigrationsList,
  readSchema,
  timestamp,
  withLockfile,
} from './folder';

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

interface PanicRegistry {
  get(): string;
  set_message(message: string): void;
}
type EngineModule = typeof import('@prisma/schema-engine-wasm');

const ENGINE_KEY = Symbol.for('liaison.schemaEngineWasm');
type GlobalWithEngine = typeof globalThis & {
  [ENGINE_KEY]?: Promise<EngineModule>;
  PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry;
};

/**
 * Loads `@prisma/schema-engine-wasm` the way Prisma's CLI did for driver adapters: import the
 * wasm-bindgen JS glue, instantiate the .wasm with it, start it. Cached on globalThis: wasm-bindgen
 * keeps module-level state, so a second instantiation in the same process must be avoided (test
 * runners may load this file more than once).
 */
function loadEngineModule(): Promise<EngineModule> {
  const g = globalThis as GlobalWithEngine;
  if (!g.PRISMA_WASM_PANIC_REGISTRY) {
    // The engine's panic hook calls globalThis.PRISMA_WASM_PANIC_REGISTRY.set_message(); without it a
    // panic surfaces only as "RuntimeError: unreachable".
    let message = '';
    g.PRISMA_WASM_PANIC_REGISTRY = {
      get: () => message,
      set_message: (m: string) => {
        message = `RuntimeError: ${m}`;
      },
    };
  }
  g[ENGINE_KEY] ??= (async () => {
    const runtime = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as unknown as EngineModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await fs.readFile(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm'));
    const wasmModule = await WebAssembly.compile(bytes);
    // The engine arms 10 s timers (e.g. around its advisory lock) and leaves them running after the
    // call returns; unref them so a finished CLI process exits at once instead of 10 s later.
    const imports: WebAssembly.ModuleImports = { ...(runtime as unknown as WebAssembly.ModuleImports) };
    for (const name of Object.keys(imports)) {
      if (!name.startsWith('__wbg_setTimeout_')) continue;
      const original = imports[name] as (...a: unknown[]) => unknown;
      imports[name] = (...a: unknown[]) => {
        const timer = original(...a) as { unref?: () => void } | undefined;
        timer?.unref?.();
        return timer;
      };
    }
    const instance = await WebAssembly.instantiate(wasmModule, { './schema_engine_bg.js': imports });
    runtime.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return runtime;
  })();
  return g[ENGINE_KEY];
}

/**
 * The message of the last schema engine panic, if any. A panic inside an engine callback can
 * surface as an uncaught `RuntimeError: unreachable`; CLIs can print this instead.
 */
export function schemaEnginePanicMessage(): string | null {
  return (globalThis as GlobalWithEngine).PRISMA_WASM_PANIC_REGISTRY?.get() || null;
}

// ---------------------------------------------------------------------------------------------
// Engine sessions

/** Engine errors end with a Rust span trace ("   0: schema_engine_wasm::…"); keep the message. */
function cleanEngineMessage(message: string): string {
  const cut = message.search(/\n\s*0: [a-z_]+::/);
  return (cut >= 0 ? message.slice(0, cut) : message).trim();
}

function toMigrationError(e: unknown, what: string, conns: Connections): MigrationError {
  if (e instanceof MigrationError) return e;
  const driverError = conns.lastDriverError;
  if (driverError instanceof MigrationError) return driverError;
  const err = e as { message?: unknown; name?: unknown } | undefined;
  let message = typeof err?.message === 'string' ? cleanEngineMessage(err.message) : String(e);
  if (err?.name === 'RuntimeError') {
    const panic = schemaEnginePanicMessage();
    message = `schema engine panicked${panic ? `: ${panic}` : ` (${message})`}`;
  }
  if (driverError && /GenericJs|external error/i.test(message)) {
    message += ` (driver error: ${driverError instanceof Error ? driverError.message : String(driverError)})`;
  }
  const scriptError = conns.lastScriptError;
  if (isPgLikeError(scriptError) && !message.includes(scriptError.message)) {
    message += `\nDatabase error ${scriptError.code}: ${scriptError.message}`;
    if (scriptError.detail) message += `\nDetail: ${scriptError.detail}`;
    if (scriptError.hint) message += `\nHint: ${scriptError.hint}`;
  }
  return new MigrationError(`${what} failed: ${message.replace(/^external connector error\n/, '')}`, { cause: e });
}

/**
 * One schema engine bound to one target. Reuse it for several operations on the same database
 * (tests); always `close()` it: that frees the engine and closes every connection it opened.
 */
export interface Migrator {
  applyMigrations(): Promise<{ applied: string[] }>;
  /**
   * Writes a migration taking the migration history (replayed on a shadow PGlite; default) or,
   * with `basis: 'database'`, this database's live schema, to schema.prisma. Does not apply it.
   */
  createMigration(
    name: string,
    opts?: Pick<CreateMigrationOptions, 'now' | 'draft'> & { basis?: 'history' | 'database' },
  ): Promise<string | null>;
  migrationStatus(): Promise<MigrationStatus>;
  resetDatabase(): Promise<{ applied: string[] }>;
  /** Difference between all migrations (replayed on a shadow PGlite) and schema.prisma; null if none. */
  schemaDrift(): Promise<string | null>;
  /** Difference between this database's live schema and schema.prisma (SQL); null if none. */
  liveDiff(): Promise<string | null>;
  /**
   * Prisma's `migrate dev` pre-check: null when a migration can be created on this database, else
   * why it needs a reset first (drift, edited or failed migrations, diverging history).
   */
  needsReset(): Promise<string | null>;
  /** What the next migration (history → schema.prisma) would do to this database's data. */
  evaluateDataLoss(): Promise<DataLossReport>;
  close(): Promise<void>;
}

export async function openMigrator(target: MigrationTarget, opts?: MigrationOptions): Promise<Migrator> {
  const { migrationsDir, schemaPath } = dirs(opts);
  const conns = new Connections();
  const log =
    opts?.log ??
    (/\bmigrations\b|\*/.test(process.env.DEBUG ?? '') ? (l: string) => process.stderr.write(`${l}\n`) : () => {});
  let engine: SchemaEngine | undefined;
  try {
    const [runtime, schema] = await Promise.all([loadEngineModule(), readSchema(schemaPath)]);
    const factory = bindMigrationAwareSqlAdapterFactory(conns.factory(mainConnector(target, conns)));
    engine = await runtime.SchemaEngine.new({ datamodels: [[schema.path, schema.content]] }, log, factory);
  } catch (e) {
    const err = toMigrationError(e, 'Starting the schema engine', conns);
    await conns.close();
    throw err;
  }
  const eng = engine;
  let closed = false;

  const run = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    if (closed) throw new MigrationError('This migrator is closed.');
    conns.lastDriverError = undefined;
    conns.lastScriptError = undefined;
    try {
      return await fn();
    } catch (e) {
      throw toMigrationError(e, what, conns);
    }
  };

  const loadList = async () => {
    const list = await readMigrationsList(migrationsDir);
    assertMigrationsReadable(list);
    return list;
  };

  const apply = async () => {
    try {
      return await run('Applying migrations', async () => {
        const list = await loadList();
        const out = await eng.applyMigrations({ migrationsList: withLockfile(list), filters: NO_FILTER });
        return { applied: out.appliedMigrationNames };
      });
    } catch (e) {
      // Name the migration that failed (the engine recorded it as started but not finished).
      const failed = await readMigrationRecords(conns)
        .then((rs) => rs.filter((r) => !r.finished && !r.rolledBack).map((r) => r.name))
        .catch(() => []);
      if (e instanceof MigrationError && failed.length && !failed.some((n) => e.message.includes(n))) {
        e.message = `${e.message}\nFailed migration: ${failed.join(', ')} (fix its SQL, then reset a development database, or repair by hand and mark it rolled back)`;
      }
      throw e;
    }
  };

  /** SQL taking `from` to schema.prisma, or null when there is nothing to do. */
  const diffToSchema = async (from: Parameters<SchemaEngine['diff']>[0]['from']) => {
    const schema = await readSchema(schemaPath);
    const out = await eng.diff({
      from,
      to: { tag: 'schemaDatamodel', files: [schema] },
      script: true,
      exitCode: true,
      filters: NO_FILTER,
    });
    return out.exitCode === 0 ? null : ensureNewline(out.stdout ?? '');
  };
  const fromMigrations = async () => ({ tag: 'migrations' as const, ...withLockfile(await loadList()) });
  const fromLive = async () => ({
    tag: 'schemaDatasource' as const,
    files: [await readSchema(schemaPath)],
    configDir: path.dirname(schemaPath),
  });

  /** Writes the migration folder (and the lock file, the first time). */
  const writeMigration = async (name: string, script: string | null, createOpts?: CreateMigrationOptions) => {
    const slug = migrationSlug(name);
    if (script === null && !createOpts?.draft) return null;
    const list = await loadList();
    const dirName = `${timestamp(createOpts?.now ?? new Date())}_${slug}`;
    if (list.migrationDirectories.some((d) => d.path === dirName)) {
      throw new MigrationError(`${path.join(migrationsDir, dirName)} already exists.`);
    }
    await fs.mkdir(path.join(migrationsDir, dirName), { recursive: true });
    await fs.writeFile(path.join(migrationsDir, dirName, 'migration.sql'), script ?? '-- This is an empty migration.\n');
    if (!list.lockfile.content) await fs.writeFile(path.join(migrationsDir, LOCKFILE), LOCKFILE_CONTENT);
    return dirName;
  };

  return {
    applyMigrations: apply,
    schemaDrift: () => run('Drift check', async () => diffToSchema(await fromMigrations())),
    liveDiff: () => run('Comparing the database with the schema', async () => diffToSchema(await fromLive())),

    createMigration: (name, createOpts) =>
      run('Creating a migration', async () => {
        migrationSlug(name);
        const from = createOpts?.basis === 'database' ? await fromLive() : await fromMigrations();
        return writeMigration(name, await diffToSchema(from), createOpts);
      }),

    needsReset: () =>
      run('Checking the database', async () => {
        const out = await eng.devDiagnostic({ migrationsList: withLockfile(await loadList()), filters: NO_FILTER });
        return out.action.tag === 'reset' ? cleanEngineMessage(out.action.reason) : null;
      }),

    evaluateDataLoss: () =>
      run('Evaluating data loss', async () => {
        const migrationsList = withLockfile(await loadList());
        // devDiagnostic replays the history on a shadow database and caches the result; the
        // engine's evaluateDataLoss only reads that cache (it cannot open a shadow database itself).
        await eng.devDiagnostic({ migrationsList, filters: NO_FILTER });
        const schema = await readSchema(schemaPath);
        const out = await eng.evaluateDataLoss({ migrationsList, schema: { files: [schema] }, filters: NO_FILTER });
        return {
          steps: out.migrationSteps,
          warnings: out.warnings.map((w) => w.message),
          unexecutable: out.unexecutableSteps.map((w) => w.message),
        };
      }),

    migrationStatus: () =>
      run('Reading migration status', async () => {
        const list = await loadList();
        const diag = await eng.diagnoseMigrationHistory({
          migrationsList: withLockfile(list),
          optInToShadowDatabase: false,
          filters: NO_FILTER,
        });
        const records = diag.hasMigrationsTable ? await readMigrationRecords(conns) : [];
        const migrations = list.migrationDirectories.map((d) => d.path);
        const onDisk = new Set(migrations);
        const applied = records.filter((r) => r.finished && !r.rolledBack).map((r) => r.name);
        // Pending: never applied, or only rolled back (the engine applies those again).
        const notPending = new Set([...applied, ...diag.failedMigrationNames]);
        const pending = migrations.filter((m) => !notPending.has(m));
        const missingLocally = [...new Set(records.map((r) => r.name).filter((n) => !onDisk.has(n)))];
        // Drift: live schema vs. the migrations it has applied (replayed on a shadow PGlite).
        const appliedSet = new Set(applied);
        const appliedList: MigrationList = {
          ...withLockfile(list),
          migrationDirectories: list.migrationDirectories.filter((d) => appliedSet.has(d.path)),
        };
        const schema = await readSchema(schemaPath);
        const diff = await eng.diff({
          // With nothing applied, compare with an empty schema (no shadow database needed).
          from: appliedList.migrationDirectories.length ? { tag: 'migrations', ...appliedList } : { tag: 'empty' },
          to: { tag: 'schemaDatasource', files: [schema], configDir: path.dirname(schemaPath) },
          script: false,
          exitCode: true,
          filters: NO_FILTER,
        });
        const drift = diff.exitCode === 0 ? null : (diff.stdout ?? '').trim();
        const status: MigrationStatus = {
          migrations,
          applied,
          pending,
          failed: diag.failedMigrationNames,
          edited: diag.editedMigrationNames,
          missingLocally,
          hasMigrationsTable: diag.hasMigrationsTable,
          drift,
          upToDate: false,
        };
        status.upToDate =
          !pending.length && !status.failed.length && !status.edited.length && !missingLocally.length && !drift;
        return status;
      }),

    resetDatabase: async () => {
      await run('Resetting the database', () => eng.reset({ filter: NO_FILTER }));
      return apply();
    },

    async close() {
      if (closed) return;
      closed = true;
      try {
        eng.free();
      } finally {
        await conns.close();
      }
    },
  };
}

interface MigrationRecord {
  name: string;
  finished: boolean;
  rolledBack: boolean;
}

/** Reads `_prisma_migrations` through the engine's own connection (pglite-server allows only one). */
async function readMigrationRecords(conns: Connections): Promise<MigrationRecord[]> {
  const rows = await conns.query(
    'SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back ' +
      'FROM _prisma_migrations ORDER BY started_at, migration_name',
  );
  return rows.map((r) => ({
    name: String(r.migration_name),
    finished: r.finished === true,
    rolledBack: r.rolled_back === true,
  }));
}
