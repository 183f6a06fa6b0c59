/**
 * Download of one confidential committee material. The data layer decides (court: anyone who sees
 * the meeting; procuratorate: the named attendee and its leaders) and audits the download; only
 * then is the file served.
 */
import { downloadMaterial } from '@/lib/data/committee';
import { db } from '@/lib/data/db';
import { serveDownload } from '@/lib/web/refuse';
import { requestId } from '@/lib/web/session';

export async function GET(_req: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }) {
  const { id, attachmentId } = await params;
  return serveDownload(`/committee/${encodeURIComponent(id)}`, async (actor) => downloadMaterial(db(), actor, id, attachmentId, { requestId: await requestId() }));
}
