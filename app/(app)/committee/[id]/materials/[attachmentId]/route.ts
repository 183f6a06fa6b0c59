/**
 * Download of one confidential committee material. The data layer decides (court: anyone who sees
 * the meeting; procuratorate: the named attendee and its leaders) and audits the download; only
 * then is the file served.
 */
import { getTranslations } from 'next-intl/server';
import { attachmentResponse } from '@/lib/data/attachments';
import { downloadMaterial } from '@/lib/data/committee';
import { db } from '@/lib/data/db';
import { ForbiddenError } from '@/lib/domain/policy';
import { getActor, requestId } from '@/lib/web/session';

async function refuse(status: 401 | 403 | 404) {
  const t = await getTranslations('errors');
  const text = status === 404 ? t('notFoundTitle') : status === 401 ? t('signedOut') : t('forbiddenTitle');
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' } });
}

export async function GET(_req: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }) {
  const actor = await getActor();
  if (!actor) return refuse(401);
  const { id, attachmentId } = await params;
  try {
    const a = await downloadMaterial(db(), actor, id, attachmentId, { requestId: await requestId() });
    if (!a) return refuse(404);
    return attachmentResponse(a);
  } catch (e) {
    if (e instanceof ForbiddenError) return refuse(403);
    throw e;
  }
}
