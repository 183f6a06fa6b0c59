import Link from 'next/link';
import { UnreadBadge, unreadOf } from '@/modules/threads/components/UnreadBadge';
import { getLocale, getTranslations } from 'next-intl/server';
import { ListTable } from '@/components/ui/ListTable';
import type { RecommendationRow } from '@/lib/data/recommendations';
import { DueBadge } from '@/components/DueBadge';
import { StatusPill } from '@/modules/recommendations/components/StatusPill';

export async function RecommendationTable({ rows, side, caption }: { rows: RecommendationRow[]; side: 'procuratorate' | 'court'; caption: string }) {
  const unread = await unreadOf('Recommendation', rows);
  const [t, locale] = await Promise.all([getTranslations('recommendations'), getLocale()]);
  const en = locale === 'en';
  return (
    <ListTable
      rows={rows}
      caption={caption}
      empty={t('list.empty')}
      headers={[
        t('fields.numberAndTitle'),
        t('fields.type'),
        t('fields.status'),
        side === 'court' ? t('fields.issuer') : t('fields.addressee'),
        t('fields.drafter'),
        t('fields.dueDate'),
      ]}
      row={(r) => (
        <>
          <td className="py-2 pr-3">
            <Link href={`/recommendations/${r.id}`} className="font-medium text-brand-600 underline-offset-2 hover:underline">
              {r.title}
            </Link>
            <UnreadBadge count={unread.get(r.id)} />
            <div className="text-xs text-slate-500">{r.number ?? t('list.noNumber')}</div>
          </td>
          <td className="py-2 pr-3">{t(`type.${r.type}`)}</td>
          <td className="py-2 pr-3">
            <StatusPill status={r.status} />
          </td>
          <td className="py-2 pr-3">
            {side === 'court' ? (en ? r.institution.nameEn : r.institution.name) : en ? r.addresseeCourt.nameEn : r.addresseeCourt.name}
          </td>
          <td className="py-2 pr-3">{r.drafter.name}</td>
          <td className="py-2">
            <DueBadge dueDate={r.dueDate} daysLeft={r.daysLeft} daysOverdue={r.daysOverdue} />
            {r.replyOn && (
              <div className="mt-1 text-xs text-slate-500">
                {t(r.repliedLate ? 'list.repliedLate' : 'list.repliedOnTime')}
              </div>
            )}
          </td>
        </>
      )}
    />
  );
}
