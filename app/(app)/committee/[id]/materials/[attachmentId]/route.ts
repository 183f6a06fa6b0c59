/**
 * Download of one confidential committee material. The data layer decides (court: anyone who sees
 * the meeting; procuratorate: the named attendee and its leaders) and audits the download; only
 * then is the file served.
 */
import { attachmentResponse } from '@/lib/data/attachments';
import { downloadMaterial } from '@/lib/data/committee';
import { db } from '@/lib/data/db';
import { ForbiddenError } from '@/lib/domain/policy';
import { refuse } from '@/lib/web/refuse';
import { getActor, requestId } from '@/lib/web/session';

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
