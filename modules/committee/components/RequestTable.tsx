import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { ListTable } from '@/components/ui/ListTable';
import type { RequestRow } from '@/lib/data/committee';
import { StatusPill } from '@/modules/committee/components/StatusPill';

export async function RequestTable({ rows, side, caption }: { rows: RequestRow[]; side: 'court' | 'procuratorate'; caption: string }) {
  const [t, locale, format] = await Promise.all([getTranslations('committee'), getLocale(), getFormatter()]);
  const en = locale === 'en';
  return (
    <ListTable
      rows={rows}
      caption={caption}
      empty={t('requests.empty')}
      testId="requests"
      headers={[
        t('fields.courtCaseNumber'),
        t('fields.reason'),
        side === 'court' ? t('fields.procuratorate') : t('fields.court'),
        t('fields.requestedBy'),
        t('fields.status'),
      ]}
      row={(r) => (
        <>
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
        </>
      )}
    />
  );
}
