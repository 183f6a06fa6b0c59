import Link from 'next/link';
import { UnreadBadge, unreadOf } from '@/modules/threads/components/UnreadBadge';
import { getLocale, getTranslations } from 'next-intl/server';
import { ListTable } from '@/components/ui/ListTable';
import type { MeetingRow } from '@/lib/data/committee';
import { DaysBadges, MeetingTime } from '@/modules/committee/components/MeetingWhen';
import { StatusPill } from '@/modules/committee/components/StatusPill';

export async function MeetingTable({ rows, side, caption, testId }: { rows: MeetingRow[]; side: 'court' | 'procuratorate'; caption: string; testId: string }) {
  const unread = await unreadOf('CommitteeMeeting', rows);
  const [t, locale] = await Promise.all([getTranslations('committee'), getLocale()]);
  const en = locale === 'en';
  return (
    <ListTable
      rows={rows}
      caption={caption}
      empty={t('list.empty')}
      testId={testId}
      headers={[
        t('fields.when'),
        t('fields.agenda'),
        side === 'court' ? t('fields.procuratorate') : t('fields.court'),
        t('fields.attendee'),
        t('fields.status'),
      ]}
      row={(r) => (
        <>
          <td className="py-2 pr-3">
            <Link href={`/committee/${r.id}`} className="font-medium text-brand-600 underline-offset-2 hover:underline">
              <MeetingTime scheduledAt={r.scheduledAt} />
            </Link>
            <UnreadBadge count={unread.get(r.id)} />
            <div className="mt-1">
              <DaysBadges daysUntil={r.daysUntil} attendeeMissing={r.attendeeMissing} open={r.open} />
            </div>
            <div className="text-xs text-slate-500">{r.location}</div>
          </td>
          <td className="py-2 pr-3">
            <ul className="space-y-1">
              {r.items.map((i) => (
                <li key={i.courtCaseNumber}>
                  <span className="font-mono text-xs">{i.courtCaseNumber}</span> {i.title}
                  <span className="ml-1 rounded bg-slate-100 px-1.5 text-xs text-slate-700">{t(`trigger.${i.trigger}`)}</span>
                </li>
              ))}
            </ul>
          </td>
          <td className="py-2 pr-3">{side === 'court' ? (en ? r.procuratorate.nameEn : r.procuratorate.name) : en ? r.court.nameEn : r.court.name}</td>
          <td className="py-2 pr-3">{r.attendee ? `${r.attendee.name}${r.attendee.title ? ` · ${r.attendee.title}` : ''}` : <span className="text-slate-400">{t('detail.noAttendee')}</span>}</td>
          <td className="py-2">
            <StatusPill status={r.status} />
            {r.waitingOn && <div className="mt-1 text-xs text-slate-500">{t(`waitingOn.${r.waitingOn}`)}</div>}
          </td>
        </>
      )}
    />
  );
}
