import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/data/db';
import { unreadByRecord } from '@/lib/data/threads';
import type { ThreadRecordType } from '@/lib/domain/threads/kinds';
import { requireActor } from '@/lib/web/session';

/** The unread thread messages of a list page's records, one statement for the page. */
export async function unreadOf(recordType: ThreadRecordType, rows: readonly { id: string }[]): Promise<Map<string, number>> {
  if (!rows.length) return new Map();
  return unreadByRecord(db(), await requireActor(), recordType, rows.map((r) => r.id));
}

/** "3 unread" beside a record in a list; nothing when all is read. */
export async function UnreadBadge({ count }: { count: number | undefined }) {
  if (!count) return null;
  const t = await getTranslations('threads');
  return (
    <span className="ml-2 rounded bg-brand-600 px-1.5 py-0.5 text-xs font-semibold text-white" data-testid="row-unread">
      {t('unreadShort', { count })}
    </span>
  );
}
