/**
 * Measurements: a page under 10 connections (autocannon), the same page's SQL replayed through
 * plain `pg` with the same concurrency (the floor), and percentiles of both.
 */
import autocannon from 'autocannon';
import pg from 'pg';

export interface Sample {
  n: number;
  errors: number;
  p50: number;
  p95: number;
  rps: number;
  bytes?: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarize(latencies: number[], errors: number, seconds: number): Sample {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { n: sorted.length, errors, p50: percentile(sorted, 50), p95: percentile(sorted, 95), rps: sorted.length / seconds };
}

/** Merges the raw latencies of several runs of the same measurement. */
export class Collector {
  latencies: number[] = [];
  errors = 0;
  seconds = 0;
  bytes = 0;
  add(l: number[], errors: number, seconds: number, bytes = 0) {
    this.latencies.push(...l);
    this.errors += errors;
    this.seconds += seconds;
    this.bytes = bytes || this.bytes;
  }
  sample(): Sample {
    return { ...summarize(this.latencies, this.errors, this.seconds), bytes: this.bytes || undefined };
  }
}

/** One autocannon run; every response's latency recorded (autocannon's own histogram has no p95). */
export function cannon(opts: {
  url: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
  body?: string;
  ok?: (status: number) => boolean;
}): Promise<{ latencies: number[]; errors: number; seconds: number; statuses: Record<string, number> }> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let errors = 0;
    // What the failures were: HTTP status → count (timeouts and socket errors as such).
    const statuses: Record<string, number> = {};
    const ok = opts.ok ?? ((s: number) => s >= 200 && s < 300);
    const instance = autocannon(
      { url: opts.url, connections: opts.connections, duration: opts.seconds, headers: opts.headers, method: opts.method ?? 'GET', body: opts.body },
      (err: unknown, result: { errors: number; timeouts: number }) => {
        if (err) return reject(err);
        if (result.timeouts) statuses.timeout = result.timeouts;
        if (result.errors - result.timeouts > 0) statuses.socket = result.errors - result.timeouts;
        resolve({ latencies, errors: errors + result.errors + result.timeouts, seconds: opts.seconds, statuses });
      },
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      if (ok(statusCode)) latencies.push(responseTime);
      else {
        errors++;
        statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
      }
    });
  });
}

export interface TracedQuery {
  query: string;
  params: unknown[];
}

/** Reads a trace file's lines (LIAISON_SQL_TRACE) into queries, COMMIT/BEGIN kept out (the replay runs each statement alone). */
export function parseTrace(text: string): TracedQuery[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { query: string; params: string })
    .filter((q) => !/^(BEGIN|COMMIT|ROLLBACK)\b/i.test(q.query.trim()))
    .map((q) => ({ query: q.query, params: JSON.parse(q.params) as unknown[] }));
}

/**
 * The floor: `connections` workers each replaying the page's statements one after another (as
 * the page's request does at best) for `seconds`; one latency per replayed page.
 */
export async function replayFloor(url: string, queries: TracedQuery[], connections: number, seconds: number) {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + seconds * 1000;
  try {
    await Promise.all(
      Array.from({ length: connections }, async () => {
        const client = await pool.connect();
        try {
          while (Date.now() < end) {
            const t0 = performance.now();
            try {
              for (const q of queries) await client.query(q.query, q.params);
              latencies.push(performance.now() - t0);
            } catch {
              errors++;
            }
          }
        } finally {
          client.release();
        }
      }),
    );
  } finally {
    await pool.end();
  }
  return { latencies, errors, seconds };
}
