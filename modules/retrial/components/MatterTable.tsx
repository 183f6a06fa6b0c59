import Link from 'next/link';
import { UnreadBadge, unreadOf } from '@/modules/threads/components/UnreadBadge';
import { getLocale, getTranslations } from 'next-intl/server';
import { DateText } from '@/components/DateText';
import { DueBadge } from '@/components/DueBadge';
import { ListTable } from '@/components/ui/ListTable';
import type { MatterRow } from '@/lib/data/retrial';
import { RetrialStatusPill } from '@/modules/retrial/components/StatusPill';

export async function MatterTable({ rows, caption }: { rows: MatterRow[]; caption: string }) {
  const unread = await unreadOf('RetrialMatter', rows);
  const [t, locale] = await Promise.all([getTranslations('retrial'), getLocale()]);
  const en = locale === 'en';
  return (
    <ListTable
      rows={rows}
      caption={caption}
      empty={t('list.empty')}
      testId="retrial-table"
      headers={[
        t('list.matter'),
        t('fields.kind'),
        t('fields.status'),
        t('fields.evidence'),
        t('fields.filedOn'),
        t('fields.reviewDue'),
      ]}
      row={(r) => (
        <>
          <td className="py-2 pr-3">
            <Link href={`/retrial/${r.id}`} className="font-medium text-brand-600 underline-offset-2 hover:underline">
              {r.title}
            </Link>
            <UnreadBadge count={unread.get(r.id)} />
            <div className="text-xs text-slate-500">
              {r.courtCaseNumber}
              {r.court && ` · ${en ? r.court.nameEn : r.court.name}`}
            </div>
          </td>
          <td className="py-2 pr-3">{t(`kind.${r.kind}`)}</td>
          <td className="py-2 pr-3">
            <RetrialStatusPill status={r.status} decision={r.decision} />
          </td>
          <td className="py-2 pr-3">{r.items === 0 ? t('list.noItems') : t('list.determined', { determined: r.determined, items: r.items })}</td>
          <td className="py-2 pr-3">
            <DateText iso={r.filedOn} />
          </td>
          <td className="py-2">
            <DueBadge dueDate={r.review.dueDate} daysLeft={r.review.daysLeft} daysOverdue={r.review.daysOverdue} />
          </td>
        </>
      )}
    />
  );
}
