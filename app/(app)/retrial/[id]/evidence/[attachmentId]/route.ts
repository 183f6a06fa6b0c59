import { attachmentResponse } from '@/lib/data/attachments';
import { db } from '@/lib/data/db';
import { readEvidenceAttachment } from '@/lib/data/retrial';
import { ForbiddenError } from '@/lib/domain/policy';
import { getActor } from '@/lib/web/session';

/**
 * Downloads one evidence file. Authorization first: the actor must be signed in and may see the
 * matter; the file must belong to one of that matter's evidence items.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response('Sign in first.', { status: 401, headers: { 'Cache-Control': 'no-store' } });
  const { id, attachmentId } = await params;
  try {
    const file = await readEvidenceAttachment(db(), actor, id, attachmentId);
    if (!file) return new Response('Not found.', { status: 404, headers: { 'Cache-Control': 'no-store' } });
    return attachmentResponse(file);
  } catch (e) {
    if (e instanceof ForbiddenError) return new Response('Forbidden.', { status: 403, headers: { 'Cache-Control': 'no-store' } });
    throw e;
  }
}
