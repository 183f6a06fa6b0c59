import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import type { RequestRow } from '@/lib/data/committee';
import { StatusPill } from './StatusPill';

export async function RequestTable({ rows, side, caption }: { rows: RequestRow[]; side: 'court' | 'procuratorate'; caption: string }) {
  const [t, locale, format] = await Promise.all([getTranslations('committee'), getLocale(), getFormatter()]);
  const en = locale === 'en';
  if (rows.length === 0) return <p className="text-sm text-slate-600">{t('requests.empty')}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="requests">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">{t('fields.courtCaseNumber')}</th>
            <th scope="col" className="py-2 pr-3 font-medium">{t('fields.reason')}</th>
            <th scope="col" className="py-2 pr-3 font-medium">{side === 'court' ? t('fields.procuratorate') : t('fields.court')}</th>
            <th scope="col" className="py-2 pr-3 font-medium">{t('fields.requestedBy')}</th>
            <th scope="col" className="py-2 font-medium">{t('fields.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-100 align-top">
              <td className="py-2 pr-3">
                <Link href={`/committee/requests/${r.id}`} className="font-mono text-brand-600 underline-offset-2 hover:underline">
                  {r.courtCaseNumber}
                </Link>
              </td>
              <td className="max-w-md py-2 pr-3">
                <p className="line-clamp-2">{r.reason}</p>
              </td>
              <td className="py-2 pr-3">{side === 'court' ? (en ? r.procuratorate.nameEn : r.procuratorate.name) : en ? r.court.nameEn : r.court.name}</td>
              <td className="py-2 pr-3">
                {r.requestedBy?.name}
                <div className="text-xs text-slate-500">
                  <time dateTime={r.requestedAt.toISOString()}>{format.dateTime(r.requestedAt, { year: 'numeric', month: 'short', day: 'numeric' })}</time>
                </div>
              </td>
              <td className="py-2">
                <StatusPill status={r.status} kind="request" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
