/**
 * Downloads one evidence file. The data layer decides: the actor may see the matter, and the file
 * belongs to one of that matter's evidence items; only then is the file served. Every download,
 * served or refused, is audited there.
 */
import { db } from '@/lib/data/db';
import { readEvidenceAttachment } from '@/lib/data/retrial';
import { serveDownload } from '@/lib/web/refuse';
import { requestId } from '@/lib/web/session';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }) {
  const { id, attachmentId } = await params;
  return serveDownload(`/retrial/${encodeURIComponent(id)}`, async (actor) => readEvidenceAttachment(db(), actor, id, attachmentId, { requestId: await requestId() }));
}
