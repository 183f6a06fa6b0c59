/**
 * `npm run bench`: the province-scale benchmark (issue "Fast at a province's scale").
 *
 *   npm run bench                       # both scales, full durations (~15 min on 2 cores)
 *   npm run bench -- --quick            # short runs, for checking the benchmark itself
 *   npm run bench -- --fresh            # regenerate the data sets
 *   npm run bench -- --skip lighthouse,mixed
 *   npm run bench -- --workers 1         # app processes per server (default: the cores)
 *
 * Needs a PostgreSQL server (BENCH_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres)
 * and the production build (made when missing). Prints a table and writes bench/results/province.json
 * and bench/results/province.md. Every figure is measured in this run: page latencies beside their
 * own SQL floor (the page's statements replayed through `pg`) and beside /api/health (the
 * framework floor), so the ratios hold whatever the machine.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { urlAs } from '@/scripts/db/access.mjs';
import { can } from '@/lib/domain/policy';
import { SCALES, type Scale } from './generate';
import { prepareDatabase } from './prepare';
import { cannon, Collector, parseTrace, replayFloor, summarize, type Sample, type TracedQuery } from './measure';
import { loadForm, postForm, signIn, signInRequest, startServer, type Server } from './server';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : fallback;
};
const QUICK = flag('quick');
const SKIP = new Set(option('skip', '').split(',').filter(Boolean));
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const SECONDS = Number(option('seconds', QUICK ? '2' : '5'));
const ROUNDS = Number(option('rounds', QUICK ? '1' : '2'));
const MIXED_SECONDS = Number(option('mixed-seconds', QUICK ? '15' : '60'));
const CONNECTIONS = 10;
/** App processes per server (scripts/start.mjs): the machine's cores unless told. */
const WORKERS = Number(option('workers', String(os.availableParallelism())));
const PASSWORD = 'Liaison-demo-2026';
const PORTS = { '10k': 3301, '100k': 3302 } as const;
type ScaleName = keyof typeof PORTS;
const RESULTS = path.resolve('bench/results');

const t0 = Date.now();
const say = (s: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${s}`);
function bar(label: string, done: number, total: number) {
  const width = 24;
  const filled = Math.round((done / total) * width);
  console.log(`  [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label}`);
}

interface PageDef {
  key: string;
  path: string;
  kind: 'home' | 'dashboard' | 'list' | 'detail' | 'search' | 'other';
}

async function demoIds(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const proc = (await c.query(`SELECT id FROM "Institution" WHERE kind = 'PROCURATORATE' ORDER BY "createdAt" LIMIT 1`)).rows[0].id;
    const count = async (sql: string) => Number((await c.query(sql, [proc])).rows[0].n);
    const rec = (await c.query(`SELECT id FROM "Recommendation" WHERE "institutionId" = $1 AND status = 'replied' ORDER BY "createdAt" DESC LIMIT 1`, [proc])).rows[0].id;
    const kase = (await c.query(`SELECT c.id FROM "SupervisionCase" c WHERE c."institutionId" = $1 AND EXISTS (SELECT 1 FROM "Recommendation" r WHERE r."caseId" = c.id) ORDER BY c."createdAt" DESC LIMIT 1`, [proc])).rows[0].id;
    return {
      rec: rec as string,
      kase: kase as string,
      totals: {
        recommendations: await count(`SELECT count(*) n FROM "Recommendation" WHERE "institutionId" = $1`),
        cases: await count(`SELECT count(*) n FROM "SupervisionCase" WHERE "institutionId" = $1`),
        retrial: await count(`SELECT count(*) n FROM "RetrialMatter" WHERE "procuratorateId" = $1`),
        'non-litigation': await count(`SELECT count(*) n FROM "NonLitigationApplication" WHERE "procuratorateId" = $1`),
        inquiries: await count(`SELECT count(*) n FROM "EnforcementInquiry" WHERE "procuratorateId" = $1`),
        leads: await count(`SELECT count(*) n FROM "CaseLead" WHERE "procuratorateId" = $1`),
        committee: await count(`SELECT count(*) n FROM "CommitteeMeeting" WHERE "procuratorateId" = $1`),
      } as Record<string, number>,
    };
  } finally {
    await c.end();
  }
}

function pagesFor(ids: Awaited<ReturnType<typeof demoIds>>): PageDef[] {
  const pages: PageDef[] = [
    { key: 'home', path: '/', kind: 'home' },
    { key: 'overview', path: '/overview', kind: 'dashboard' },
  ];
  for (const [list, total] of Object.entries(ids.totals)) {
    pages.push({ key: `${list}`, path: `/${list}`, kind: 'list' });
    const deep = Math.max(2, Math.floor(total / 25 / 2));
    pages.push({ key: `${list} p${deep}`, path: `/${list}?page=${deep}`, kind: 'list' });
  }
  pages.push({ key: 'recommendation', path: `/recommendations/${ids.rec}`, kind: 'detail' });
  pages.push({ key: 'case', path: `/cases/${ids.kase}`, kind: 'detail' });
  // The shell's search (issue 10): a party's name (a few matches), a court case number typed with
  // full-width brackets, a word every generated case and recommendation holds (100k matches to
  // count and rank), and a deep page of it.
  for (const [key, q] of [
    ['party', '甲方4567'],
    ['court no.', '（2024）青99民初4567号'],
    ['broad', '基准'],
    ['broad p50', '基准&page=50'],
  ] as const) {
    const [term, rest] = q.split('&');
    pages.push({ key: `search ${key}`, path: `/search?q=${encodeURIComponent(term!)}${rest ? `&${rest}` : ''}`, kind: 'search' });
  }
  return pages;
}

async function capture(server: Server, trace: string, cookie: string, page: PageDef): Promise<{ queries: TracedQuery[]; html: number; rsc: number }> {
  await fetch(`${server.base}${page.path}`, { headers: { Cookie: cookie } }).then((r) => r.text());
  writeFileSync(trace, '');
  const res = await fetch(`${server.base}${page.path}`, { headers: { Cookie: cookie } });
  const html = await res.text();
  if (!res.ok) throw new Error(`${page.path}: HTTP ${res.status}`);
  await new Promise((r) => setTimeout(r, 50));
  const queries = parseTrace(readFileSync(trace, 'utf8'));
  const rsc = [...html.matchAll(/<script[^>]*>self\.__next_f\.push\(([\s\S]*?)\)<\/script>/g)].reduce((s, m) => s + Buffer.byteLength(m[1]!), 0);
  return { queries, html: Buffer.byteLength(html), rsc };
}

const fmt = (n: number | undefined, d = 0) => (n === undefined || Number.isNaN(n) ? '—' : n.toFixed(d));

async function main() {
  mkdirSync(RESULTS, { recursive: true });
  const result: Record<string, unknown> = {
    startedAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, load: os.loadavg() },
    settings: { seconds: SECONDS, rounds: ROUNDS, connections: CONNECTIONS, mixedSeconds: MIXED_SECONDS, workers: WORKERS },
  };

  // 1. The build.
  if (!existsSync('.next/BUILD_ID') || flag('build')) {
    say('building the production app (next build)…');
    execFileSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit' });
  }

  // 2. The data sets.
  const scales: ScaleName[] = ['10k', '100k'];
  const dbs = {} as Record<ScaleName, { url: string; seconds: number; counts: Record<string, number> | null }>;
  for (const s of scales) {
    const scale: Scale = SCALES[s];
    say(`data set ${s}…`);
    const r = await prepareDatabase(SERVER_URL, scale, { fresh: flag('fresh'), say, progress: bar });
    // The app and the SQL floor connect as the app's least-privilege role, as in production.
    dbs[s] = { ...r, url: urlAs(r.url) };
    if (r.generated) say(`data set ${s}: generated in ${r.seconds.toFixed(1)} s ${JSON.stringify(r.counts)}`);
  }
  result.data = dbs;

  // 3. Capture each page's SQL (servers with tracing on), then serve without tracing.
  const ids = await demoIds(dbs['100k'].url);
  const ids10 = await demoIds(dbs['10k'].url);
  const pages = { '100k': pagesFor(ids), '10k': pagesFor(ids10) };
  const floors = {} as Record<ScaleName, Map<string, { queries: TracedQuery[]; html: number; rsc: number }>>;
  for (const s of scales) {
    const trace = path.join(os.tmpdir(), `liaison-bench-trace-${s}.jsonl`);
    const server = await startServer({ port: PORTS[s], databaseUrl: dbs[s].url, workers: 1, env: { LIAISON_SQL_TRACE: trace } });
    try {
      const cookie = await signIn(server.base, 'zhao.mingyuan', PASSWORD);
      floors[s] = new Map();
      for (const p of pages[s]) floors[s].set(p.key, await capture(server, trace, cookie, p));
    } finally {
      await server.stop();
      rmSync(trace, { force: true });
    }
  }
  say(`captured the SQL of ${pages['100k'].length} pages at both scales`);

  const servers = {} as Record<ScaleName, Server>;
  for (const s of scales) servers[s] = await startServer({ port: PORTS[s], databaseUrl: dbs[s].url, workers: WORKERS });
  try {
    const cookies = {} as Record<ScaleName, string>;
    for (const s of scales) cookies[s] = await signIn(servers[s].base, 'zhao.mingyuan', PASSWORD);
    // Warm every page once.
    for (const s of scales) for (const p of pages[s]) await fetch(`${servers[s].base}${p.path}`, { headers: { Cookie: cookies[s] } }).then((r) => r.text());

    // 4. Pages: A (10k) and B (100k) alternating, page by page, round after round, each beside its SQL floor.
    const page = new Map<string, Record<ScaleName, { app: Collector; floor: Collector }>>();
    const health = { '10k': new Collector(), '100k': new Collector() };
    const keys = pages['100k'].map((p) => p.key);
    const keyOf = (s: ScaleName, i: number) => pages[s][i]!;
    for (let round = 1; round <= ROUNDS; round++) {
      say(`round ${round}/${ROUNDS}: ${keys.length} pages × 2 scales × (app + SQL floor), ${SECONDS} s each`);
      for (const s of scales) {
        const h = await cannon({ url: `${servers[s].base}/api/health`, connections: CONNECTIONS, seconds: SECONDS });
        health[s].add(h.latencies, h.errors, h.seconds);
      }
      for (let i = 0; i < keys.length; i++) {
        for (const s of scales) {
          const def = keyOf(s, i);
          const entry = page.get(keys[i]!) ?? ({ '10k': { app: new Collector(), floor: new Collector() }, '100k': { app: new Collector(), floor: new Collector() } } as Record<ScaleName, { app: Collector; floor: Collector }>);
          page.set(keys[i]!, entry);
          const a = await cannon({ url: `${servers[s].base}${def.path}`, connections: CONNECTIONS, seconds: SECONDS, headers: { Cookie: cookies[s] } });
          entry[s].app.add(a.latencies, a.errors, a.seconds, floors[s].get(def.key)!.html);
          const f = await replayFloor(dbs[s].url, floors[s].get(def.key)!.queries, CONNECTIONS, SECONDS);
          entry[s].floor.add(f.latencies, f.errors, f.seconds);
        }
        bar(keys[i]!, i + 1, keys.length);
      }
    }

    // 5. Sign-in (the POST of the credentials) at 10 connections on the 100k server.
    say('sign-in…');
    const si = await signInRequest(servers['100k'].base, 'li.wen', PASSWORD);
    const signInRun = await cannon({ url: `${servers['100k'].base}/api/auth/callback/credentials`, connections: CONNECTIONS, seconds: SECONDS * ROUNDS, method: 'POST', headers: si.headers, body: si.body, ok: (st) => st === 200 });
    const signInSample = { ...summarize(signInRun.latencies, signInRun.errors, signInRun.seconds), statuses: signInRun.statuses };

    // 6. The write path: a creation and a step through their forms (no-JS posts), 100k server.
    const writes = SKIP.has('writes') ? null : await writePath(servers['100k'], dbs['100k'].url);

    // 7. 50 mixed users × MIXED_SECONDS, then every acknowledged write checked present.
    const mixed = SKIP.has('mixed') ? null : await mixedLoad(servers['100k'], dbs['100k'].url, pages['100k']);

    // 8. Bytes and JavaScript per route, Lighthouse.
    const js = SKIP.has('js') ? null : await firstLoadJs(servers['100k'], pages['100k'], cookies['100k']);
    const lighthouse = SKIP.has('lighthouse') ? null : await runLighthouse(servers['100k'], cookies['100k'], pages['100k']);

    // 9. The table and the targets.
    const rows = pages['100k'].map((p, i) => {
      const e = page.get(p.key)!;
      const a100 = e['100k'].app.sample();
      const f100 = e['100k'].floor.sample();
      const a10 = e['10k'].app.sample();
      const f10 = e['10k'].floor.sample();
      const cap = floors['100k'].get(p.key)!;
      return { key: p.key, path: p.path, kind: p.kind, app100: a100, floor100: f100, app10: a10, floor10: f10, queries: cap.queries.length, html: cap.html, rsc: cap.rsc, path10: pages['10k'][i]!.path };
    });
    const h100 = health['100k'].sample();
    const h10 = health['10k'].sample();
    const targets: { target: string; met: boolean | null; figure: string }[] = [];
    // The worst row by a figure; a row that completed no request in the run counts as missed.
    const worst = <R extends { key: string }>(list: R[], f: (r: R) => number, limit: number, unit: string, digits = 1) => {
      const unmeasured = list.filter((r) => !Number.isFinite(f(r)));
      if (unmeasured.length) return { met: false, figure: `no request completed for ${unmeasured.map((r) => r.key).join(', ')}` };
      const w = list.reduce((a, r) => (f(r) > f(a) ? r : a));
      return { met: f(w) <= limit, figure: `worst ${f(w).toFixed(digits)}${unit} (${w.key})` };
    };
    targets.push({ target: "every page's p50 within 2× of its own SQL floor (100k)", ...worst(rows, (r) => r.app100.p50 / r.floor100.p50, 2, '×') });
    const listDash = rows.filter((r) => r.kind === 'list' || r.kind === 'dashboard' || r.kind === 'home');
    targets.push({ target: 'every list and dashboard p95 ≤ 150 ms at 10 connections (100k)', ...worst(listDash, (r) => r.app100.p95, 150, ' ms', 0) });
    targets.push({ target: 'p50 at 100k ≤ 1.2× p50 at 10k', ...worst(rows, (r) => r.app100.p50 / r.app10.p50, 1.2, '×', 2) });
    const worstHtml = rows.filter((r) => r.kind === 'list').reduce((w, r) => (r.html > w.html ? r : w));
    targets.push({ target: 'HTML ≤ 150 kB for any list page', met: worstHtml.html <= 150_000, figure: `largest ${(worstHtml.html / 1000).toFixed(0)} kB (${worstHtml.key})` });
    if (mixed) targets.push({ target: '50 mixed users: p95 ≤ 500 ms, 0 errors, no acknowledged write lost', met: mixed.p95 <= 500 && mixed.errors === 0 && mixed.lost === 0, figure: `p95 ${mixed.p95.toFixed(0)} ms, ${mixed.errors} errors, ${mixed.lost} of ${mixed.acknowledged} writes lost` });
    if (js) {
      const worst = js.reduce((w, r) => (r.jsGzip > w.jsGzip ? r : w));
      targets.push({ target: 'First Load JS ≤ 150 kB gzip on every route', met: worst.jsGzip <= 150_000, figure: `largest ${(worst.jsGzip / 1000).toFixed(0)} kB (${worst.key})` });
    }
    if (lighthouse) {
      const perf = Math.min(...lighthouse.map((l) => l.performance));
      const a11y = Math.min(...lighthouse.map((l) => l.accessibility));
      targets.push({ target: 'Lighthouse mobile performance ≥ 95 on the five main pages', met: perf >= 95, figure: `lowest ${perf}` });
      targets.push({ target: 'Lighthouse accessibility 100 on the five main pages', met: a11y >= 100, figure: `lowest ${a11y}` });
    }
    const searches = rows.filter((r) => r.kind === 'search');
    const slowest = worst(searches, (r) => r.app100.p50, 200, ' ms', 0);
    const p95 = Math.max(...searches.map((r) => r.app100.p95));
    targets.push({ target: 'search answers ≤ 200 ms at 100k (p50, 10 connections)', ...slowest, figure: `${slowest.figure}; p95 up to ${p95.toFixed(0)} ms` });

    Object.assign(result, { health: { '10k': h10, '100k': h100 }, pages: rows, signIn: signInSample, writes, mixed, js, lighthouse, targets, finishedAt: new Date().toISOString(), seconds: (Date.now() - t0) / 1000 });
    writeFileSync(path.join(RESULTS, 'province.json'), JSON.stringify(result, null, 2));
    const md = table(rows, h10, h100, signInSample, writes, mixed, js, lighthouse, targets, result.machine as Record<string, unknown>);
    writeFileSync(path.join(RESULTS, 'province.md'), md);
    console.log(`\n${md}`);
    say(`wrote bench/results/province.json and province.md`);
  } finally {
    for (const s of scales) await servers[s]?.stop();
  }
}

function table(
  rows: { key: string; app100: Sample; floor100: Sample; app10: Sample; floor10: Sample; queries: number; html: number; rsc: number }[],
  h10: Sample,
  h100: Sample,
  signInSample: Sample & { statuses: Record<string, number> },
  writes: Awaited<ReturnType<typeof writePath>> | null,
  mixed: Awaited<ReturnType<typeof mixedLoad>> | null,
  js: Awaited<ReturnType<typeof firstLoadJs>> | null,
  lh: Awaited<ReturnType<typeof runLighthouse>> | null,
  targets: { target: string; met: boolean | null; figure: string }[],
  machine: Record<string, unknown>,
) {
  const out: string[] = [];
  out.push(`Machine: ${machine.cpus} × ${machine.model}, ${machine.memGiB} GiB, Node ${machine.node}; ${WORKERS} app process(es) per server, ${CONNECTIONS} connections, ${ROUNDS} round(s) × ${SECONDS} s per page and scale.`);
  out.push('');
  out.push('| page | p50 100k | p95 100k | req/s 100k | SQL floor p50 | × floor | × health | p50 10k | 100k ÷ 10k | queries | HTML kB | RSC kB |');
  out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    out.push(
      `| ${r.key} | ${fmt(r.app100.p50)} | ${fmt(r.app100.p95)} | ${fmt(r.app100.rps)} | ${fmt(r.floor100.p50, 1)} | ${fmt(r.app100.p50 / r.floor100.p50, 1)} | ${fmt(r.app100.p50 / h100.p50, 1)} | ${fmt(r.app10.p50)} | ${fmt(r.app100.p50 / r.app10.p50, 2)} | ${r.queries} | ${fmt(r.html / 1000)} | ${fmt(r.rsc / 1000)} |${r.app100.errors + r.app10.errors ? ` ${r.app100.errors + r.app10.errors} errors` : ''}`,
    );
  }
  out.push(`| /api/health | ${fmt(h100.p50, 1)} | ${fmt(h100.p95, 1)} | ${fmt(h100.rps)} | — | — | 1.0 | ${fmt(h10.p50, 1)} | — | — | — | — |`);
  out.push(`| sign-in (POST) | ${fmt(signInSample.p50)} | ${fmt(signInSample.p95)} | ${fmt(signInSample.rps)} | — | — | ${fmt(signInSample.p50 / h100.p50, 1)} | — | — | — | — | — |${signInSample.errors ? ` ${signInSample.errors} errors ${JSON.stringify(signInSample.statuses)}` : ''}`);
  out.push('');
  out.push('Latencies in ms.');
  if (writes) {
    out.push('');
    out.push('| write (no-JS form post, 100k) | n | errors | p50 ms | p95 ms |');
    out.push('|---|---:|---:|---:|---:|');
    for (const w of writes) out.push(`| ${w.name} | ${w.sample.n} | ${w.sample.errors} | ${fmt(w.sample.p50)} | ${fmt(w.sample.p95)} |`);
  }
  if (mixed) {
    out.push('');
    out.push(`50 mixed users × ${MIXED_SECONDS} s (every role; reads and writes): ${mixed.requests} requests (${fmt(mixed.requests / MIXED_SECONDS, 1)}/s), p50 ${fmt(mixed.p50)} ms, p95 ${fmt(mixed.p95)} ms, ${mixed.errors} errors${mixed.errors ? ` (${JSON.stringify(mixed.statuses)})` : ''}; ${mixed.acknowledged} writes acknowledged, ${mixed.acknowledged - mixed.lost} found in the database afterwards.`);
  }
  if (js) {
    out.push('');
    out.push('| route | First Load JS (gzip, kB) | scripts |');
    out.push('|---|---:|---:|');
    for (const r of js) out.push(`| ${r.key} | ${fmt(r.jsGzip / 1000, 1)} | ${r.scripts} |`);
  }
  if (lh) {
    out.push('');
    out.push('| Lighthouse 12.2.3 (mobile) | performance | accessibility |');
    out.push('|---|---:|---:|');
    for (const l of lh) out.push(`| ${l.key} | ${l.performance} | ${l.accessibility} |`);
  }
  out.push('');
  out.push('| target | met | figure |');
  out.push('|---|---|---|');
  for (const t of targets) out.push(`| ${t.target} | ${t.met === null ? 'n/a' : t.met ? 'met' : 'MISSED'} | ${t.figure} |`);
  return out.join('\n');
}

/** A creation (open a supervision case) and a step (a recommendation's follow-up note) through their forms. */
async function writePath(server: Server, url: string) {
  say('write path: open a case, then take its first step (start the review)…');
  const cookie = await signIn(server.base, 'li.wen', PASSWORD);
  const open = new Collector();
  const step = new Collector();
  const stepped: string[] = [];
  const n = QUICK ? 10 : 40;
  for (let i = 0; i < n; i++) {
    const fields = await loadForm(server.base, '/cases/new', cookie, (_id, names) => names.includes('title') && names.includes('parties'));
    const r = await postForm(server.base, '/cases/new', cookie, fields, { title: `基准写入 ${Date.now()}-${i}`, parties: '甲 诉 乙' });
    const casePath = r.status === 303 && r.location?.includes('/cases/') ? new URL(r.location, server.base).pathname : null;
    if (!casePath) {
      open.add([], 1, 0);
      continue;
    }
    open.add([r.ms], 0, 0);
    // The "start the review" step form (StepList's test id for the `advance` step).
    const stepFields = await loadForm(server.base, casePath, cookie, (_id, _names, testId) => testId === 'step-advance');
    const s = await postForm(server.base, casePath, cookie, stepFields, { step: 'advance', comment: `基准步骤 ${i}` });
    // Acknowledged = answered 200/303; whether it took effect is checked in the database below.
    if (s.status === 303 || s.status === 200) {
      step.add([s.ms], 0, 0);
      stepped.push(casePath.split('/').pop()!);
    } else step.add([], 1, 0);
  }
  // Every acknowledged step is in the database: the case has moved on to review.
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query<{ n: string }>(`SELECT count(*) AS n FROM "SupervisionCase" WHERE id = ANY($1::uuid[]) AND stage = 'reviewing'`, [stepped]);
  await c.end();
  const missing = stepped.length - Number(rows[0]!.n);
  return [
    { name: 'open a supervision case', sample: summarize(open.latencies, open.errors, 1) },
    { name: 'take a step (start the review)', sample: summarize(step.latencies, step.errors + missing, 1) },
  ];
}

/** 50 users of every role reading their pages and writing, for MIXED_SECONDS; then the writes are looked up. */
async function mixedLoad(server: Server, url: string, pages: PageDef[]) {
  say(`50 mixed users × ${MIXED_SECONDS} s…`);
  const people = ['zhao.mingyuan', 'li.wen', 'lin.xue', 'wang.jianguo'];
  const cookies = new Map<string, string>();
  for (const p of people) cookies.set(p, await signIn(server.base, p, PASSWORD));
  // The court's pages (it never sees supervision cases: /cases is the procuratorate's).
  const courtPages = ['/', '/recommendations', '/retrial', '/non-litigation', '/inquiries', '/leads', '/committee'];
  // The procuratorate's pages; the overview only for its leaders (the policy's rule, not a list here).
  const procPages = pages.map((p) => p.path);
  const procuratorPages = procPages.filter((p) => p !== '/overview' || can({ id: '', role: 'PROCURATOR', active: true, institutionId: '', institutionKind: 'PROCURATORATE', departmentId: null }, 'recommendations.overview'));
  const latencies: number[] = [];
  let errors = 0;
  const statuses: Record<string, number> = {};
  const titles: string[] = [];
  const end = Date.now() + MIXED_SECONDS * 1000;
  let seq = 0;
  await Promise.all(
    Array.from({ length: 50 }, async (_, u) => {
      const who = people[u % people.length]!;
      const cookie = cookies.get(who)!;
      const court = who === 'lin.xue' || who === 'wang.jianguo';
      while (Date.now() < end) {
        const writing = who === 'li.wen' && Math.random() < 0.3;
        try {
          if (writing) {
            const t = performance.now();
            const fields = await loadForm(server.base, '/cases/new', cookie, (_id, names) => names.includes('title') && names.includes('parties'));
            const title = `基准混合 ${u}-${++seq}-${Date.now()}`;
            const r = await postForm(server.base, '/cases/new', cookie, fields, { title, parties: '甲 诉 乙' });
            latencies.push(performance.now() - t);
            if (r.status === 303) titles.push(title);
            else errors++;
          } else {
            const list = court ? courtPages : who === 'li.wen' ? procuratorPages : procPages;
            const p = list[Math.floor(Math.random() * list.length)]!;
            const t = performance.now();
            const r = await fetch(`${server.base}${p}`, { headers: { Cookie: cookie } });
            await r.text();
            latencies.push(performance.now() - t);
            if (!r.ok) {
              errors++;
              statuses[`${r.status} ${p}`] = (statuses[`${r.status} ${p}`] ?? 0) + 1;
            }
          }
        } catch (e) {
          errors++;
          const why = e instanceof Error ? e.message.slice(0, 60) : 'error';
          statuses[why] = (statuses[why] ?? 0) + 1;
        }
      }
    }),
  );
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const found = Number((await c.query(`SELECT count(*) n FROM "SupervisionCase" WHERE title = ANY($1)`, [titles])).rows[0].n);
  await c.end();
  const s = summarize(latencies, errors, MIXED_SECONDS);
  return { requests: latencies.length, p50: s.p50, p95: s.p95, errors, statuses, acknowledged: titles.length, lost: titles.length - found };
}

/** The JavaScript a first visit downloads (compressed bytes as sent), per main route, in Debian's Chromium. */
async function firstLoadJs(server: Server, pages: PageDef[], cookie: string) {
  say('First Load JS per route…');
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
  const out: { key: string; jsGzip: number; scripts: number }[] = [];
  try {
    // Every kind of route: each page measured above (first pages), the sign-in page, and the forms.
    const forms: PageDef[] = ['/recommendations/new', '/cases/new', '/inquiries/new', '/retrial/new'].map((path) => ({ key: `form ${path}`, path, kind: 'other' }));
    const routes: PageDef[] = [...pages.filter((p) => !p.key.includes(' p')), ...forms, { key: 'sign-in', path: '/signin', kind: 'other' }];
    for (const p of routes) {
      const context = await browser.newContext();
      if (p.key !== 'sign-in') {
        await context.addCookies(cookie.split('; ').map((c) => { const i = c.indexOf('='); return { name: c.slice(0, i), value: c.slice(i + 1), url: server.base }; }));
      }
      const tab = await context.newPage();
      let bytes = 0;
      let scripts = 0;
      const cdp = await context.newCDPSession(tab);
      await cdp.send('Network.enable');
      const js = new Set<string>();
      cdp.on('Network.responseReceived', (e: { requestId: string; type: string }) => { if (e.type === 'Script') js.add(e.requestId); });
      cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => { if (js.has(e.requestId)) { bytes += e.encodedDataLength; scripts++; } });
      const res = await tab.goto(`${server.base}${p.path}`, { waitUntil: 'networkidle' });
      // A refused or failed page would measure the error page's scripts, not the route's.
      if (!res?.ok()) throw new Error(`First Load JS: ${p.path} answered HTTP ${res?.status()}`);
      out.push({ key: p.key, jsGzip: bytes, scripts });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}

/** Lighthouse 12.2.3, mobile (its default), performance and accessibility, on the five main pages. */
async function runLighthouse(server: Server, cookie: string, pages: PageDef[]) {
  say('Lighthouse on the five main pages…');
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox'] });
  const main = ['home', 'overview', 'recommendations', 'cases', 'recommendation'];
  const out: { key: string; performance: number; accessibility: number }[] = [];
  try {
    for (const key of main) {
      const p = pages.find((x) => x.key === key)!;
      const r = await lighthouse(`${server.base}${p.path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'], extraHeaders: { Cookie: cookie } });
      const cats = r?.lhr.categories;
      out.push({ key, performance: Math.round((cats?.performance?.score ?? 0) * 100), accessibility: Math.round((cats?.accessibility?.score ?? 0) * 100) });
    }
  } finally {
    await chrome.kill();
  }
  return out;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
