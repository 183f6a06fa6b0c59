/**
 * Run by the runtime migrator (scripts/db/deploy.mjs) before this folder's SQL: moves the bytes
 * of every attachment still held in the database into the configured document store
 * (lib/store/documents.mjs: DOCUMENT_STORE, DOCUMENT_DIR, DOCUMENT_S3_*), one row at a time
 * (never all files in memory), under the key `attachments/<id>`. Each row's bytes must hash to
 * its recorded SHA-256 — otherwise the deployment stops and names the row — and the stored
 * object's size must match before the row records its key and its bytes are emptied. Safe to
 * run again after an interruption: moved rows are skipped, a half-moved one is written again.
 */
import { createHash } from 'node:crypto';

/**
 * @param {{ query(text: string, values?: unknown[]): Promise<{ rows: any[] }> }} db
 * @param {{ log: (line: string) => void, documents: { documentStore(): Promise<any>, attachmentKey(id: string): string } }} ctx
 */
export async function before(db, { log, documents }) {
  const { attachmentKey, documentStore } = documents;
  const store = await documentStore();
  const { rows: ids } = await db.query('SELECT id FROM "Attachment" WHERE "storageKey" IS NULL ORDER BY "uploadedAt", id');
  for (const { id } of ids) {
    const { rows } = await db.query('SELECT data, sha256, size FROM "Attachment" WHERE id = $1', [id]);
    const row = rows[0];
    const bytes = row.data ?? Buffer.alloc(0);
    const sha = createHash('sha256').update(bytes).digest('hex');
    if (sha !== row.sha256) throw new Error(`attachment ${id}: its bytes hash to ${sha}, not the recorded ${row.sha256}; nothing moved for it`);
    const key = attachmentKey(String(id));
    await store.put(key, bytes);
    const head = await store.head(key);
    if (!head || head.size !== bytes.length) throw new Error(`attachment ${id}: the store holds ${head?.size ?? 'nothing'} bytes, not ${bytes.length}`);
    await db.query('UPDATE "Attachment" SET "storageKey" = $2, data = NULL WHERE id = $1', [id, key]);
  }
  if (ids.length) log(`moved ${ids.length} attachment(s) to the document store (${store.describe()})`);
}
