/**
 * Prepares a database, migrates it, seeds the demo data, optionally builds, and serves the app
 * with the production start script (scripts/start.mjs). Used by `npm run demo` (embedded PGlite under .data/) and by the browser
 * tests (a fresh database each run).
 *
 *   tsx scripts/serve.ts [--build] [--port 3000 | --ports 3000,3001] [--db embedded|memory|<postgresql url>] [--fresh]
 *
 * --db embedded  PGlite persisted under .data/pglite, served on a local port (default)
 * --db memory    PGlite in memory, gone when the process ends (browser tests)
 * --db <url>     a PostgreSQL server; with --fresh, a new database named liaison_e2e_<pid> is
 *                created there first and dropped on exit
 * --ports a,b    several app servers (scripts/start.mjs each) on one database, as behind a load
 *                balancer (tests/e2e/two-servers.spec.ts; needs a PostgreSQL server: PGlite is one
 *                session)
 *
 * Two roles, as in production (docs/deployment.md): migrations run as the owner (the --db URL's
 * user; PGlite's postgres), the seed and the app as liaison_app (the same URL with the user name
 * swapped: the server must let it in, e.g. trust on localhost, or LIAISON_APP_PASSWORD). PGlite
 * is reopened for the app as liaison_app, which it enforces for every statement but one that
 * itself says SET ROLE (a single-user backend; docs/decisions/0019).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import { createPrisma } from '@/lib/data/db';
import { DEFAULT_APP_ROLE, urlAs } from '@/scripts/db/access.mjs';
import { deployMigrations, deployToUrl } from '@/scripts/db/deploy.mjs';
import { pgliteExtensions } from '@/scripts/db/pglite';
import { seed } from '@/prisma/seed/seed';
import { DEMO_PASSWORD, DEMO_USERS } from '@/prisma/seed/demo-data';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const flag = (name: string) => args.includes(`--${name}`);

const DATA_DIR = path.join(process.cwd(), '.data');
const appPorts = opt('ports', opt('port', process.env.PORT ?? '3000'))
  .split(',')
  .map((p) => Number(p.trim()));
const appPort = appPorts[0]!;
const dbMode = opt('db', 'embedded');
const say = (line: string) => console.log(`[liaison] ${line}`);

const cleanups: (() => Promise<void>)[] = [];
const children: ChildProcess[] = [];
let stopping = false;

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  const running = children.filter((c) => c.exitCode === null);
  for (const c of running) c.kill('SIGTERM');
  if (running.length) await new Promise((r) => setTimeout(r, 300));
  for (const c of cleanups.reverse()) await c().catch(() => {});
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

function sessionSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(DATA_DIR, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  say(`generated a session secret in ${path.relative(process.cwd(), file)}`);
  return secret;
}

async function freePort(preferred: number): Promise<number> {
  const tryPort = (p: number) =>
    new Promise<number>((resolve, reject) => {
      const s = net.createServer();
      s.once('error', reject);
      s.listen(p, '127.0.0.1', () => {
        const addr = s.address();
        s.close(() => resolve(typeof addr === 'object' && addr ? addr.port : p));
      });
    });
  try {
    return await tryPort(preferred);
  } catch {
    return tryPort(0);
  }
}

/** Where the app's database is: the owner's and the app's postgresql:// URLs, migrated. */
async function prepareDatabase(): Promise<{ url: string; embedded: boolean }> {
  // The document store (lib/store/documents.mjs): .data/documents by default; an in-memory
  // database's files go to a temporary directory that is gone with it.
  if (dbMode === 'memory' && !process.env.DOCUMENT_DIR && (process.env.DOCUMENT_STORE ?? 'local') === 'local') {
    const docs = mkdtempSync(path.join(os.tmpdir(), 'liaison-documents-'));
    process.env.DOCUMENT_DIR = docs;
    process.on('exit', () => rmSync(docs, { recursive: true, force: true }));
  }
  if (dbMode === 'embedded' || dbMode === 'memory') {
    const dir = dbMode === 'embedded' ? path.join(DATA_DIR, 'pglite') : undefined;
    say(dbMode === 'embedded' ? `embedded PostgreSQL (PGlite) in ${path.relative(process.cwd(), dir!)}` : 'in-memory PostgreSQL (PGlite)');
    // Migrate as the owner (postgres), then reopen as the app role for everything else.
    const t = Date.now();
    const ownerDb = await PGlite.create({ ...(dir ? { dataDir: dir } : {}), extensions: await pgliteExtensions() });
    const { applied } = await deployMigrations({ query: (text, values) => ownerDb.query(text, values), exec: (script) => ownerDb.exec(script) });
    say(`migrations: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}; grants for ${DEFAULT_APP_ROLE} applied (${Date.now() - t} ms)`);
    const dump = dir ? undefined : await ownerDb.dumpDataDir('none');
    await ownerDb.close();
    const db = await PGlite.create({ ...(dir ? { dataDir: dir } : { loadDataDir: dump }), username: DEFAULT_APP_ROLE, extensions: await pgliteExtensions() });
    const port = await freePort(Number(process.env.LIAISON_PGLITE_PORT ?? 54329));
    const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1' });
    await server.start();
    cleanups.push(async () => {
      await server.stop();
      await db.close();
    });
    say(`database served on 127.0.0.1:${port} as ${DEFAULT_APP_ROLE}`);
    const url = `postgresql://${DEFAULT_APP_ROLE}@127.0.0.1:${port}/postgres?sslmode=disable`;
    return { url, embedded: true };
  }
  let ownerUrl = dbMode;
  if (flag('fresh')) {
    const name = `liaison_e2e_${process.pid}`;
    const admin = new pg.Client({ connectionString: dbMode });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    cleanups.push(async () => {
      const c = new pg.Client({ connectionString: dbMode });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    });
    const u = new URL(dbMode);
    u.pathname = `/${name}`;
    ownerUrl = u.toString();
    say(`fresh database ${name} on ${u.host}`);
  }
  const t = Date.now();
  const { applied } = await deployToUrl(ownerUrl);
  say(`migrations: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}; grants for ${DEFAULT_APP_ROLE} applied (${Date.now() - t} ms)`);
  return { url: urlAs(ownerUrl, DEFAULT_APP_ROLE, process.env.LIAISON_APP_PASSWORD), embedded: false };
}

/** The app's connection must be the app role, never the owner: checked before serving. */
async function checkAppRole(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ u: string }>('SELECT current_user AS u');
    if (rows[0]?.u !== DEFAULT_APP_ROLE) throw new Error(`the app would connect as ${rows[0]?.u}, not ${DEFAULT_APP_ROLE}`);
  } finally {
    await c.end();
  }
}

function run(cmd: string, cmdArgs: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, cmdArgs, { stdio: 'inherit', env });
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${cmdArgs.join(' ')} exited with ${code}`))));
  });
}

async function main() {
  mkdirSync(DATA_DIR, { recursive: true });
  const secret = sessionSecret();
  const { url, embedded } = await prepareDatabase();
  await checkAppRole(url);
  // Tests that drive this server and compare the database before and after (tests/e2e/authz-matrix,
  // bad-input) find it here; an embedded PGlite serves one connection, the app's, so not that one.
  const urlFile = path.join(DATA_DIR, `serve-${appPort}.db-url`);
  if (!embedded) {
    writeFileSync(urlFile, url + '\n', { mode: 0o600 });
    cleanups.push(async () => rmSync(urlFile, { force: true }));
  }

  let t = Date.now();
  const prisma = createPrisma(url, 1);
  await seed(prisma, (l) => say(l));
  await prisma.$disconnect();

  const nextBin = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
  const startScript = path.join(process.cwd(), 'scripts', 'start.mjs');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: url,
    // PGlite is one session: the app keeps a single connection to it.
    DATABASE_POOL_MAX: embedded ? '1' : (process.env.DATABASE_POOL_MAX ?? '10'),
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${appPort}`,
    // The demo answers on both loopback names, on every port it serves; forms posted from any of
    // them are the app's own (proxy.ts, and server actions' own origin check).
    ALLOWED_ORIGINS: process.env.ALLOWED_ORIGINS ?? appPorts.flatMap((p) => [`http://localhost:${p}`, `http://127.0.0.1:${p}`]).join(','),
    PORT: String(appPort),
  };
  if (flag('build') || !existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'))) {
    say('building the app (next build)…');
    t = Date.now();
    await run(process.execPath, [nextBin, 'build'], env);
    say(`built in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  }

  if (embedded && appPorts.length > 1) throw new Error('several app servers need a PostgreSQL server (--db <url>): PGlite serves one session');
  for (const port of appPorts) {
    // Each server its own NEXTAUTH_URL when several run side by side without a load balancer in front.
    const own = appPorts.length > 1 && !process.env.NEXTAUTH_URL ? { NEXTAUTH_URL: `http://localhost:${port}` } : {};
    // The production start script (scripts/start.mjs); PGlite serves one session, so one app process there.
    const child = spawn(process.execPath, [startScript, '-p', String(port), '-H', '127.0.0.1'], {
      stdio: 'inherit',
      env: { ...env, ...own, PORT: String(port), LIAISON_WORKERS: embedded ? '1' : (process.env.LIAISON_WORKERS ?? '1') },
    });
    child.on('exit', (code) => void stop(code ?? 0));
    children.push(child);
  }

  say(`serving at ${appPorts.map((p) => `http://localhost:${p}`).join(', ')}`);
  say(`demo users (password for all: ${DEMO_PASSWORD}):`);
  for (const u of DEMO_USERS) {
    say(`  ${u.username.padEnd(16)} ${u.role.padEnd(22)} ${u.name} · ${u.title}${u.active === false ? '  [deactivated: cannot sign in]' : ''}`);
  }
  say('press Ctrl+C to stop');
}

main().catch(async (e) => {
  console.error(e instanceof Error ? e.message : e);
  await stop(1);
});
