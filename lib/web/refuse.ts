import { getTranslations } from 'next-intl/server';

/** A plain, localized refusal for route handlers (downloads): signed out, forbidden, not found. */
export async function refuse(status: 401 | 403 | 404): Promise<Response> {
  const t = await getTranslations('errors');
  const text = status === 404 ? t('notFoundTitle') : status === 401 ? t('signedOut') : t('forbiddenTitle');
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' } });
}
