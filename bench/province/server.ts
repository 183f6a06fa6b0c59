/**
 * The production build served for the benchmark: the production start script (scripts/start.mjs,
 * `workers` app processes) on a port against one database,
 * and the HTTP pieces a user's browser would send (next-auth sign-in, no-JavaScript form posts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parse } from 'node-html-parser';

const START = path.resolve('scripts/start.mjs');

export interface Server {
  base: string;
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

export const BENCH_SECRET = randomBytes(32).toString('base64');

export async function startServer(opts: { port: number; databaseUrl: string; workers: number; env?: Record<string, string> }): Promise<Server> {
  const base = `http://127.0.0.1:${opts.port}`;
  const child = spawn(process.execPath, [START, '-p', String(opts.port), '-H', '127.0.0.1'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: opts.databaseUrl,
      NEXTAUTH_SECRET: BENCH_SECRET,
      NEXTAUTH_URL: base,
      LOG_LEVEL: 'warn',
      LIAISON_WORKERS: String(opts.workers),
      ...opts.env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr = (stderr + String(d)).slice(-4000)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app server on ${opts.port} exited (${child.exitCode}): ${stderr}`);
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`the app server on ${opts.port} did not answer /api/health within 60 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    base,
    port: opts.port,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

/** Cookies of a response, as one Cookie header value merged into `jar`. */
export function mergeCookies(jar: Map<string, string>, res: Response): void {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const i = pair!.indexOf('=');
    jar.set(pair!.slice(0, i).trim(), pair!.slice(i + 1).trim());
  }
}
export const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/** Signs in through next-auth's credentials endpoint, as the sign-in page's script does; returns the Cookie header. */
export async function signIn(base: string, username: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  mergeCookies(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookieHeader(jar), Origin: base },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: `${base}/`, json: 'true' }),
  });
  mergeCookies(jar, res);
  if (![...jar.keys()].some((k) => k.endsWith('next-auth.session-token'))) throw new Error(`sign-in of ${username} failed: HTTP ${res.status}`);
  return cookieHeader(jar);
}

/** The sign-in request itself, for measuring: the csrf pair obtained once, then the POST alone. */
export async function signInRequest(base: string, username: string, password: string) {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  mergeCookies(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  return {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookieHeader(jar), Origin: base },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: `${base}/`, json: 'true' }).toString(),
  };
}

/**
 * A form as a browser without JavaScript would submit it: every named control of the form (with
 * Next's `$ACTION…` fields), its current values, then `overrides`.
 */
export async function loadForm(base: string, pagePath: string, cookie: string, pick: (formHtmlId: string | undefined, names: string[], testId?: string) => boolean) {
  const res = await fetch(`${base}${pagePath}`, { headers: { Cookie: cookie } });
  if (!res.ok) throw new Error(`GET ${pagePath}: HTTP ${res.status}`);
  const root = parse(await res.text());
  for (const form of root.querySelectorAll('form')) {
    const fields: [string, string][] = [];
    for (const el of form.querySelectorAll('input, select, textarea')) {
      const name = el.getAttribute('name');
      if (!name || el.hasAttribute('disabled')) continue;
      const tag = el.tagName.toLowerCase();
      if (tag === 'select') {
        const options = el.querySelectorAll('option');
        const chosen = options.find((o) => o.hasAttribute('selected')) ?? options.find((o) => (o.getAttribute('value') ?? '') !== '') ?? options[0];
        fields.push([name, chosen?.getAttribute('value') ?? chosen?.text ?? '']);
      } else if (tag === 'textarea') {
        fields.push([name, el.text]);
      } else {
        const type = (el.getAttribute('type') ?? 'text').toLowerCase();
        if ((type === 'checkbox' || type === 'radio') && !el.hasAttribute('checked')) continue;
        if (type === 'submit' || type === 'file') continue;
        fields.push([name, el.getAttribute('value') ?? '']);
      }
    }
    if (pick(form.getAttribute('id'), fields.map(([n]) => n), form.getAttribute('data-testid'))) return fields;
  }
  throw new Error(`no matching form on ${pagePath}`);
}

/** Posts a form to its page as a no-JS browser does; a success answers 303 to the new record's page. */
export async function postForm(base: string, pagePath: string, cookie: string, fields: [string, string][], overrides: Record<string, string>) {
  const body = new FormData();
  const seen = new Set<string>();
  for (const [k, v] of fields) {
    if (k in overrides) {
      if (!seen.has(k)) body.append(k, overrides[k]!);
      seen.add(k);
    } else body.append(k, v);
  }
  for (const [k, v] of Object.entries(overrides)) if (!seen.has(k)) body.append(k, v);
  const t0 = performance.now();
  const res = await fetch(`${base}${pagePath}`, { method: 'POST', redirect: 'manual', headers: { Cookie: cookie, Origin: base }, body });
  const text = await res.text();
  return { status: res.status, location: res.headers.get('location'), ms: performance.now() - t0, text };
}
