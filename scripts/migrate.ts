/**
 * Migrations CLI. `create`, `status`, `reset` and `drift` run Prisma's WebAssembly schema engine
 * (scripts/db/, docs/decisions/0002-migrations-wasm-engine.md); `deploy` runs the runtime migrator
 * scripts/db/deploy.mjs, the same code a production deployment runs without devDependencies
 * (docs/decisions/0009-migrations-in-production.md).
 *
 *   tsx scripts/migrate.ts create <name>   write prisma/migrations/<timestamp>_<name>/migration.sql from
 *                                          the schema change; applied too when DATABASE_URL is set
 *   tsx scripts/migrate.ts deploy          apply pending migrations to DATABASE_URL
 *   tsx scripts/migrate.ts status          applied / pending / failed migrations and drift (exit 1 if not up to date)
 *   tsx scripts/migrate.ts reset           drop everything in DATABASE_URL and reapply all migrations
 *   tsx scripts/migrate.ts drift           replay all migrations on a throwaway PGlite and compare with
 *                                          schema.prisma (exit 1 and print the difference when they differ)
 *
 * DATABASE_OWNER_URL (else DATABASE_URL): postgresql://owner@host:port/db (real PostgreSQL or
 * pglite-server); deploy and reset also grant the app role (DATABASE_APP_ROLE, default
 * liaison_app) its declared access (scripts/db/access.mjs).
 */
import { createMigration, migrationStatus, resetDatabase, schemaDrift } from './db/commands';
import { DeployError, deployToUrl, migratorUrl } from './db/deploy.mjs';
import { schemaEnginePanicMessage } from './db/engine';
import { MigrationError } from './db/folder';

const USAGE = `Usage: tsx scripts/migrate.ts <command>

Commands:
  create <name>   Write a new migration from the changes in prisma/schema.prisma
                  (also applies it when DATABASE_URL is set; without it, only the file is written)
  deploy          Apply pending migrations to DATABASE_URL
  status          Show applied / pending / failed migrations and schema drift of DATABASE_URL
  reset           Drop everything in DATABASE_URL and reapply all migrations
  drift           Check that the migrations produce exactly prisma/schema.prisma (exit 1 if not)

Environment:
  DATABASE_OWNER_URL  postgresql://owner@host:port/database: the role that owns the schema
  DATABASE_URL        used instead when DATABASE_OWNER_URL is not set
  DATABASE_APP_ROLE   the role deploy grants the app's access to (default liaison_app)`;

class UsageError extends Error {}

/** The owner's URL (DATABASE_OWNER_URL, else DATABASE_URL with a notice): migrations change the schema. */
function databaseUrl(command: string): string {
  const url = migratorUrl(process.env);
  if (!url) {
    throw new UsageError(
      `"${command}" needs a database: set DATABASE_OWNER_URL (or DATABASE_URL), e.g.\n` +
        `  DATABASE_OWNER_URL=postgresql://postgres@127.0.0.1:5432/liaison npm run db:migrate`,
    );
  }
  return url;
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

function list(title: string, names: string[]) {
  if (names.length === 0) return;
  console.log(`${title}:`);
  for (const n of names) console.log(`  ${n}`);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'create': {
      const name = args.join(' ').trim();
      if (!name) throw new UsageError('"create" needs a migration name, e.g. tsx scripts/migrate.ts create add_cases');
      const url = process.env.DATABASE_URL?.trim() || undefined;
      if (!url) console.log('DATABASE_URL is not set: writing the migration file only (not applying it).');
      const created = await createMigration(url, name, {
        onWarning: (message) => console.warn(`Warning: ${message}`),
      });
      if (!created) {
        console.log('No schema changes: prisma/schema.prisma matches the migrations. Nothing written.');
      } else {
        console.log(`Created prisma/migrations/${created}/migration.sql`);
        if (url) console.log(`Applied to ${redact(url)}.`);
      }
      return 0;
    }
    case 'deploy': {
      const url = databaseUrl(command);
      const appRole = process.env.DATABASE_APP_ROLE?.trim() || undefined;
      const { applied, edited, missingLocally } = await deployToUrl(url, { appRole });
      if (applied.length === 0) console.log(`No pending migrations on ${redact(url)}.`);
      else list(`Applied ${applied.length} migration(s) to ${redact(url)}`, applied);
      list('Warning: edited after being applied', edited);
      list('Warning: in the database but not in prisma/migrations', missingLocally);
      return 0;
    }
    case 'status': {
      const url = databaseUrl(command);
      const s = await migrationStatus(url);
      console.log(`${s.migrations.length} migration(s) in prisma/migrations; database ${redact(url)}`);
      list('Applied', s.applied);
      list('Pending', s.pending);
      list('Failed (fix, then mark as rolled back or reset)', s.failed);
      list('Edited after being applied', s.edited);
      list('In the database but not in prisma/migrations', s.missingLocally);
      if (s.drift) console.log(`Drift (database schema differs from its applied migrations):\n${s.drift}`);
      console.log(s.upToDate ? 'Database is up to date.' : 'Database is NOT up to date.');
      return s.upToDate ? 0 : 1;
    }
    case 'reset': {
      const url = databaseUrl(command);
      const { applied } = await resetDatabase(url);
      // The engine recreated the tables: the app role's grants go with them; apply them again.
      await deployToUrl(url, { appRole: process.env.DATABASE_APP_ROLE?.trim() || undefined });
      list(`Reset ${redact(url)} and applied ${applied.length} migration(s)`, applied);
      if (applied.length === 0) console.log(`Reset ${redact(url)}; no migrations to apply.`);
      return 0;
    }
    case 'drift': {
      const drift = await schemaDrift();
      if (drift) {
        console.log('Drift: prisma/schema.prisma differs from what prisma/migrations produce.');
        console.log('Create a migration (npm run db:migrate:create -- <name>) or revert the schema change.');
        console.log('Missing SQL:\n');
        console.log(drift.trimEnd());
        return 1;
      }
      console.log('No drift: the migrations produce exactly prisma/schema.prisma.');
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

// A panic inside the wasm engine can escape as an uncaught "RuntimeError: unreachable".
process.on('uncaughtException', (e) => {
  const panic = schemaEnginePanicMessage();
  console.error(panic ? `Error: the Prisma schema engine panicked:\n${panic}` : e);
  process.exit(1);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError) {
      console.error(`${e.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (e instanceof MigrationError || e instanceof DeployError) {
      console.error(`Error: ${e.message}`);
      process.exitCode = 1;
    } else {
      console.error(e);
      process.exitCode = 1;
    }
  },
);
