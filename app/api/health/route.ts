import { db } from '@/lib/data/db';
import { checkDatabase } from '@/lib/data/health';
import { log } from '@/lib/log';

export const dynamic = 'force-dynamic';

/** 200 when the database answers, 503 when it does not. No secrets, no details beyond that. */
export async function GET() {
  let result = { ok: false, latencyMs: 0 };
  try {
    result = await checkDatabase(db());
  } catch (e) {
    log.error({ err: e }, 'health check could not reach the database');
  }
  return Response.json(
    { status: result.ok ? 'ok' : 'unavailable', database: result.ok ? 'up' : 'down', latencyMs: result.latencyMs },
    { status: result.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
