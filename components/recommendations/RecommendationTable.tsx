import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { RecommendationRow } from '@/lib/data/recommendations';
import { DueBadge } from './DueBadge';
import { StatusPill } from './StatusPill';

export async function RecommendationTable({ rows, side, caption }: { rows: RecommendationRow[]; side: 'procuratorate' | 'court'; caption: string }) {
  const [t, locale] = await Promise.all([getTranslations('recommendations'), getLocale()]);
  const en = locale === 'en';
  if (rows.length === 0) return <p className="text-sm text-slate-600">{t('list.empty')}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">{t('fields.numberAndTitle')}</th>
            <th scope="col" className="py-2 pr-3 font-medium">{t('fields.type')}</th>
            <th scope="col" className="py-2 pr-3 font-medium">{t('fields.status')}</th>
            <th scope="col" className="py-2 pr-3 font-medium">{side === 'court' ? t('fields.issuer') : t('fields.addressee')}</th>
            <th scope="col" className="py-2 pr-3 font-medium">{t('fields.drafter')}</th>
            <th scope="col" className="py-2 font-medium">{t('fields.dueDate')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-100 align-top">
              <td className="py-2 pr-3">
                <Link href={`/recommendations/${r.id}`} className="font-medium text-brand-600 underline-offset-2 hover:underline">
                  {r.title}
                </Link>
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
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
