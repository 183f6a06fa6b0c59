import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { DateText } from '@/components/DateText';
import { DueBadge } from '@/components/recommendations/DueBadge';
import type { MatterRow } from '@/lib/data/retrial';
import { RetrialStatusPill } from './StatusPill';

export async function MatterTable({ rows, caption }: { rows: MatterRow[]; caption: string }) {
  const [t, locale] = await Promise.all([getTranslations('retrial'), getLocale()]);
  const en = locale === 'en';
  if (rows.length === 0) return <p className="text-sm text-slate-600">{t('list.empty')}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="retrial-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">{t('list.matter')}</th>
            <th scope="col" className="py-2 pr-3 font-medium">{t('fields.kind')}</th>
            <th scope="col" className="py-2 pr-3 font-medium">{t('fields.status')}</th>
            <th scope="col" className="py-2 pr-3 font-medium">{t('fields.evidence')}</th>
            <th scope="col" className="py-2 pr-3 font-medium">{t('fields.filedOn')}</th>
            <th scope="col" className="py-2 font-medium">{t('fields.reviewDue')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-100 align-top">
              <td className="py-2 pr-3">
                <Link href={`/retrial/${r.id}`} className="font-medium text-brand-600 underline-offset-2 hover:underline">
                  {r.title}
                </Link>
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
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
