/**
 * Downloads one attachment of a thread message. The data layer decides: the actor may read the
 * message (its record's visibility and its audience: another institution's internal note is not
 * found); only then is the file served, verified against its SHA-256. Every download, served or
 * refused, is audited there.
 */
import { db } from '@/lib/data/db';
import { readMessageAttachment } from '@/lib/data/threads';
import { serveDownload } from '@/lib/web/refuse';
import { requestId } from '@/lib/web/session';

export async function GET(_request: Request, { params }: { params: Promise<{ messageId: string; attachmentId: string }> }) {
  const { messageId, attachmentId } = await params;
  return serveDownload('/', async (actor) => readMessageAttachment(db(), actor, messageId, attachmentId, { requestId: await requestId() }));
}
