/**
 * The production start script (`npm start`): the built app served by several Node processes on
 * one port, through Node's cluster module (docs/decisions/0022).
 *
 *   node scripts/start.mjs [-p 3000] [-H 0.0.0.0]
 *
 * LIAISON_WORKERS  how many app processes (default: the machine's available cores; 1 = no cluster,
 *                  the app runs in this process). PORT / HOSTNAME as for `next start`.
 *
 * Nothing the app keeps in process memory needs sharing: sessions, sign-in limits, sequences and
 * every other piece of state are rows in PostgreSQL, so any worker may answer any request. The
 * primary only forks, restarts a worker that dies (never faster than once a second per slot) and
 * passes SIGTERM/SIGINT on, letting workers finish the requests they hold.
 */
import cluster from 'node:cluster';
import http from 'node:http';
import os from 'node:os';
import process from 'node:process';

const argv = process.argv.slice(2);
const arg = (short, long) => {
  const i = argv.findIndex((a) => a === short || a === long);
  return i >= 0 ? argv[i + 1] : undefined;
};

/** The number of app processes asked for: a positive integer, else the machine's cores. */
export function workerCount(env = process.env, cores = os.availableParallelism()) {
  const raw = env.LIAISON_WORKERS?.trim();
  if (!raw) return cores;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new Error(`LIAISON_WORKERS must be a whole number from 1 to 256, not "${raw}"`);
  return n;
}

const port = Number(arg('-p', '--port') ?? process.env.PORT ?? 3000);
const hostname = arg('-H', '--hostname') ?? process.env.HOSTNAME ?? '0.0.0.0';
const log = (msg, extra = {}) => console.log(JSON.stringify({ level: 30, time: Date.now(), pid: process.pid, msg, ...extra }));

async function serve() {
  process.env.NODE_ENV = 'production';
  const { default: next } = await import('next');
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => handle(req, res));
  // Keep-alive longer than a typical proxy's, so a proxy never reuses a socket this side closed.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, resolve);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  return server;
}

async function primary(count) {
  let stopping = false;
  const lastStart = new Map();
  const fork = (slot) => {
    const since = Date.now() - (lastStart.get(slot) ?? 0);
    setTimeout(() => {
      if (stopping) return;
      lastStart.set(slot, Date.now());
      const w = cluster.fork({ LIAISON_WORKER_SLOT: String(slot) });
      w.on('exit', (code, signal) => {
        if (stopping) return;
        log('app process exited; starting another', { worker: w.process.pid, code, signal, slot });
        fork(slot);
      });
    }, Math.max(0, 1000 - since));
  };
  for (let slot = 0; slot < count; slot++) fork(slot);
  let listening = 0;
  cluster.on('listening', () => {
    if (++listening === count) log(`serving on http://${hostname}:${port} with ${count} app processes`);
  });
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    const check = setInterval(() => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    }, 100);
    setTimeout(() => process.exit(0), 12_000).unref();
    check.unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const count = workerCount();
  const run = cluster.isPrimary && count > 1 ? primary(count) : serve().then(() => count === 1 && log(`serving on http://${hostname}:${port} with 1 app process`));
  run.catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
