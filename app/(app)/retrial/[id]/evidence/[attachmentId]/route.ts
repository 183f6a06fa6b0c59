import { attachmentResponse } from '@/lib/data/attachments';
import { db } from '@/lib/data/db';
import { readEvidenceAttachment } from '@/lib/data/retrial';
import { ForbiddenError } from '@/lib/domain/policy';
import { refuse } from '@/lib/web/refuse';
import { getActor } from '@/lib/web/session';

/**
 * Downloads one evidence file. Authorization first: the actor must be signed in and may see the
 * matter; the file must belong to one of that matter's evidence items.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }) {
  const actor = await getActor();
  if (!actor) return refuse(401);
  const { id, attachmentId } = await params;
  try {
    const file = await readEvidenceAttachment(db(), actor, id, attachmentId);
    if (!file) return refuse(404);
    return attachmentResponse(file);
  } catch (e) {
    if (e instanceof ForbiddenError) return refuse(403);
    throw e;
  }
}
