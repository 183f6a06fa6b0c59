/**
 * Refusals at the edge, one place for each kind of answer: a page's data read that the policy
 * refuses becomes the 403 page; a route handler answers with a plain, localized 403 or 404, and
 * sends a signed-out browser to the sign-in page. What is refused is decided in lib/domain and
 * lib/data (ForbiddenError); this only chooses the answer.
 */
import 'server-only';
import { getTranslations } from 'next-intl/server';
import { forbidden, redirect } from 'next/navigation';
import { IntegrityError } from '@/lib/data/attachments';
import { ForbiddenError } from '@/lib/domain/policy';
import type { Actor } from '@/lib/domain/roles';
import { downloadResponse, type DownloadFile } from './download';
import { getActor } from './session';

/** Pages: runs a data read; a ForbiddenError from the policy becomes the 403 page. */
export async function loadOrForbid<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof ForbiddenError) forbidden();
    throw e;
  }
}

/** Route handlers: a plain, localized refusal (forbidden or not found). */
export async function refuse(status: 403 | 404): Promise<Response> {
  const t = await getTranslations('errors');
  const text = status === 404 ? t('notFoundTitle') : t('forbiddenTitle');
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' } });
}

/**
 * A stored file that failed its integrity check (lib/data/attachments.ts logged the alert): a
 * plain, localized refusal, 409, nothing of the file sent.
 */
async function refuseCorrupt(): Promise<Response> {
  const t = await getTranslations('errors');
  return new Response(t('checksumMismatch'), { status: 409, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' } });
}

/**
 * A download route: signed out → the sign-in page, which returns to `backTo` (the record's page)
 * afterwards; then the data function decides and reads (ForbiddenError → 403, null → 404, a file
 * whose bytes fail their SHA-256 → 409), and the file is streamed.
 */
export async function serveDownload(backTo: string, read: (actor: Actor) => Promise<DownloadFile | null>): Promise<Response> {
  const actor = await getActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(backTo)}`);
  try {
    const file = await read(actor);
    return file ? downloadResponse(file) : refuse(404);
  } catch (e) {
    if (e instanceof ForbiddenError) return refuse(403);
    if (e instanceof IntegrityError) return refuseCorrupt();
    throw e;
  }
}
