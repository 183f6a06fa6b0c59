/** Types of the runtime migrator (scripts/db/deploy.mjs, plain JavaScript so production needs no TypeScript). */

/** One database session: pg.Client, or PGlite (`exec` runs a multi-statement script). */
export interface DeployConnection {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  exec(script: string): Promise<unknown>;
}

export interface DeployOptions {
  /** Defaults to `<repo>/prisma/migrations`. */
  migrationsDir?: string;
  /**
   * The app role whose grants are made to match scripts/db/access.mjs after the migrations;
   * null: leave grants alone. Default: liaison_app with the repository's migrations, null with
   * another `migrationsDir`.
   */
  appRole?: string | null;
  /** Progress and warnings, one line each. */
  log?: (line: string) => void;
}

export interface DeployResult {
  /** Applied by this run, in order. */
  applied: string[];
  /** Applied earlier, but the migration.sql on disk no longer matches the recorded checksum. */
  edited: string[];
  /** Recorded as applied but missing from the migrations folder. */
  missingLocally: string[];
}

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
  /** The folder's before.mjs (run before its SQL), or null. */
  before: string | null;
}

export const defaultMigrationsDir: string;
export const ADVISORY_LOCK_KEY: number;

export class DeployError extends Error {
  constructor(message: string, options?: { cause?: unknown; failed?: string[] });
  /** Migrations recorded as started but not finished. */
  failed: string[];
}

export function checksum(sql: string): string;
export function readMigrations(migrationsDir?: string): Promise<MigrationFile[]>;
export function deployMigrations(db: DeployConnection, opts?: DeployOptions): Promise<DeployResult>;
export function deployToUrl(url: string, opts?: DeployOptions): Promise<DeployResult>;
export function migratorUrl(env: NodeJS.ProcessEnv, log?: (line: string) => void): string | undefined;
