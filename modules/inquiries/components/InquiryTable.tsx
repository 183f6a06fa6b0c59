import Link from 'next/link';
import { UnreadBadge, unreadOf } from '@/modules/threads/components/UnreadBadge';
import { getLocale, getTranslations } from 'next-intl/server';
import { DateText } from '@/components/DateText';
import { DueBadge } from '@/components/DueBadge';
import { ListTable } from '@/components/ui/ListTable';
import type { InquiryRow } from '@/lib/data/inquiries';
import { InquiryStatusPill } from '@/modules/inquiries/components/InquiryStatusPill';

/** The list of inquiries: case and question, status, the other institution, sent, due (days left / overdue), answer. */
export async function InquiryTable({ rows, side, caption }: { rows: InquiryRow[]; side: 'procuratorate' | 'court'; caption: string }) {
  const unread = await unreadOf('EnforcementInquiry', rows);
  const [t, locale] = await Promise.all([getTranslations('inquiries'), getLocale()]);
  const en = locale === 'en';
  return (
    <ListTable
      rows={rows}
      caption={caption}
      empty={t('list.empty')}
      testId="inquiry-table"
      headers={[
        t('list.caseAndQuestion'),
        t('fields.status'),
        side === 'court' ? t('list.counterpartProcuratorate') : t('list.counterpartCourt'),
        t('fields.sentOn'),
        t('fields.dueDate'),
      ]}
      row={(r) => (
        <>
          <td className="py-2 pr-3">
            <Link href={`/inquiries/${r.id}`} className="font-mono font-medium text-brand-600 underline-offset-2 hover:underline">
              {r.courtCaseNumber}
            </Link>
            <UnreadBadge count={unread.get(r.id)} />
            <div className="max-w-md text-xs text-slate-600">{r.question}</div>
          </td>
          <td className="py-2 pr-3">
            <InquiryStatusPill status={r.status} />
            {r.urges > 0 && <div className="mt-1 text-xs text-red-800">{t('list.urged', { count: r.urges })}</div>}
          </td>
          <td className="py-2 pr-3">
            {side === 'court' ? (en ? r.procuratorate.nameEn : r.procuratorate.name) : en ? r.court.nameEn : r.court.name}
            {r.sentBy && <div className="text-xs text-slate-500">{r.sentBy}</div>}
          </td>
          <td className="py-2 pr-3">
            <DateText iso={r.sentOn} />
          </td>
          <td className="py-2">
            <DueBadge dueDate={r.dueDate} daysLeft={r.daysLeft} daysOverdue={r.daysOverdue} />
            {r.answeredOn && (
              <div className="mt-1 text-xs text-slate-500">
                {t(r.answeredLate ? 'list.answeredLate' : 'list.answeredOnTime')} · <DateText iso={r.answeredOn} />
              </div>
            )}
          </td>
        </>
      )}
    />
  );
}
