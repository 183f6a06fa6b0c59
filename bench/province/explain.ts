/**
 * `npm run bench:explain -- /cases [/overview …] [--user zhao.mingyuan] [--scale 100k]`: serves the
 * production build against a prepared benchmark database with SQL tracing on, loads each page
 * once as the user, and prints every statement the page ran with its execution time and plan
 * (EXPLAIN ANALYZE), slowest first. For finding what to index or rewrite; `npm run bench` first
 * prepares the databases.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { parseTrace } from './measure';
import { urlAs } from '@/scripts/db/access.mjs';
import { databaseUrl } from './prepare';
import { signIn, startServer } from './server';

const argv = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : fallback;
};
const paths = argv.filter((a, i) => a.startsWith('/') && !argv[i - 1]?.startsWith('--'));
const scale = opt('scale', '100k');
const user = opt('user', 'zhao.mingyuan');
const url = databaseUrl(process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres', `liaison_bench_${scale}`);

async function main() {
  const trace = path.join(os.tmpdir(), `liaison-explain-${process.pid}.jsonl`);
  const server = await startServer({ port: 3309, databaseUrl: urlAs(url), workers: 1, env: { LIAISON_SQL_TRACE: trace } });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const cookie = await signIn(server.base, user, 'Liaison-demo-2026');
    for (const p of paths.length ? paths : ['/']) {
      await fetch(`${server.base}${p}`, { headers: { Cookie: cookie } }).then((r) => r.text());
      writeFileSync(trace, '');
      const t0 = performance.now();
      const res = await fetch(`${server.base}${p}`, { headers: { Cookie: cookie } });
      const html = await res.text();
      const ms = performance.now() - t0;
      await new Promise((r) => setTimeout(r, 50));
      const queries = parseTrace(readFileSync(trace, 'utf8'));
      const rows: { ms: number; query: string; plan: string }[] = [];
      for (const q of queries) {
        const r = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${q.query}`, q.params);
        const plan = r.rows[0]['QUERY PLAN'][0];
        const nodes: string[] = [];
        const walk = (n: Record<string, unknown>, depth: number) => {
          nodes.push(`${'  '.repeat(depth)}${n['Node Type']}${n['Relation Name'] ? ` on ${n['Relation Name']}` : ''}${n['Index Name'] ? ` using ${n['Index Name']}` : ''} (rows ${n['Actual Rows']}, ${Number(n['Actual Total Time']).toFixed(1)} ms)`);
          for (const c of (n.Plans as Record<string, unknown>[] | undefined) ?? []) walk(c, depth + 1);
        };
        walk(plan.Plan, 0);
        rows.push({ ms: plan['Execution Time'], query: q.query, plan: nodes.join('\n') });
      }
      const total = rows.reduce((s, r) => s + r.ms, 0);
      console.log(`\n## ${p}: HTTP ${res.status}, ${ms.toFixed(0)} ms, ${(Buffer.byteLength(html) / 1000).toFixed(0)} kB, ${rows.length} statements, ${total.toFixed(1)} ms in the database`);
      for (const r of rows.sort((a, b) => b.ms - a.ms)) {
        console.log(`\n### ${r.ms.toFixed(1)} ms\n${r.query.replace(/"public"\./g, '').slice(0, 1500)}\n${r.plan}`);
      }
    }
  } finally {
    await client.end();
    await server.stop();
    rmSync(trace, { force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
