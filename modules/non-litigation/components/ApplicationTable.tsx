import Link from 'next/link';
import { UnreadBadge, unreadOf } from '@/modules/threads/components/UnreadBadge';
import { getTranslations } from 'next-intl/server';
import { DueBadge } from '@/components/DueBadge';
import { ListTable } from '@/components/ui/ListTable';
import type { ApplicationRow } from '@/lib/data/non-litigation';
import { StatusPill } from '@/modules/non-litigation/components/StatusPill';

/** The applications list: who applied against whom, court case, status, the stage it waits on and its due date. */
export async function ApplicationTable({ rows, side, caption }: { rows: ApplicationRow[]; side: 'procuratorate' | 'court'; caption: string }) {
  const unread = await unreadOf('NonLitigationApplication', rows);
  const t = await getTranslations('nonLitigation');
  return (
    <ListTable
      rows={rows}
      caption={caption}
      empty={t('list.empty')}
      testId="application-table"
      headers={[
        t('list.application'),
        t('fields.courtCaseNumber'),
        t('fields.status'),
        t('list.currentStage'),
        side === 'procuratorate' && t('list.checks'),
      ]}
      row={(r) => (
        <>
          <td className="py-2 pr-3">
            <Link href={`/non-litigation/${r.id}`} className="font-medium text-brand-600 underline-offset-2 hover:underline">
              {t('detail.heading', { agency: r.agency, respondent: r.respondent })}
            </Link>
            <UnreadBadge count={unread.get(r.id)} />
            <div className="text-xs text-slate-500">
              {r.decisionRef}
              {r.urgent && <span className="ml-2 rounded bg-red-50 px-1.5 text-red-800">{t('fields.urgent')}</span>}
            </div>
          </td>
          <td className="py-2 pr-3">{r.courtCaseNumber ?? '—'}</td>
          <td className="py-2 pr-3">
            <StatusPill status={r.status} />
          </td>
          <td className="py-2 pr-3">
            {r.current ? (
              <>
                <div>{t(`stage.${r.current.key}`)}</div>
                <DueBadge dueDate={r.current.due} daysLeft={r.current.daysLeft} daysOverdue={r.current.daysOverdue} />
              </>
            ) : (
              '—'
            )}
          </td>
          {side === 'procuratorate' && (
            <td className="py-2">
              {r.flaggedCheckpoints.length > 0 && (
                <ul className="space-y-1">
                  {r.flaggedCheckpoints.map((c) => (
                    <li key={c}>
                      <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs text-red-800">{t(`checkpoint.${c}`)}</span>
                    </li>
                  ))}
                </ul>
              )}
              {r.case && (
                <Link href={`/cases/${r.case.id}`} className="text-xs text-brand-600 underline">
                  {r.case.number ?? t('list.case')}
                </Link>
              )}
            </td>
          )}
        </>
      )}
    />
  );
}
