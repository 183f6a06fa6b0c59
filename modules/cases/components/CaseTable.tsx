import Link from 'next/link';
import { UnreadBadge, unreadOf } from '@/modules/threads/components/UnreadBadge';
import { getTranslations } from 'next-intl/server';
import { DateText } from '@/components/DateText';
import { DueBadge } from '@/components/DueBadge';
import { ListTable } from '@/components/ui/ListTable';
import type { CaseRow } from '@/lib/data/cases';
import { StagePill } from '@/modules/cases/components/StagePill';
import { TagList } from '@/modules/cases/components/TagList';

/** The case list: number and title, kind, stage, handler, court case numbers, tags, review due date. */
export async function CaseTable({ rows, caption }: { rows: CaseRow[]; caption: string }) {
  const unread = await unreadOf('SupervisionCase', rows);
  const t = await getTranslations('cases');
  return (
    <ListTable
      rows={rows}
      caption={caption}
      empty={t('list.empty')}
      testId="case-table"
      headers={[
        t('fields.numberAndTitle'),
        t('fields.kind'),
        t('fields.stage'),
        t('fields.handler'),
        t('fields.courtCaseNumbers'),
        t('fields.tags'),
        t('fields.stageDueDate'),
      ]}
      row={(r) => (
        <>
          <td className="py-2 pr-3">
            <Link href={`/cases/${r.id}`} className="font-medium text-brand-600 underline-offset-2 hover:underline">
              {r.title}
            </Link>
            <UnreadBadge count={unread.get(r.id)} />
            <div className="text-xs text-slate-500">
              <span className="font-mono">{r.number}</span>
              {r.acceptedOn && (
                <>
                  {' · '}
                  {t('list.acceptedOn')} <DateText iso={r.acceptedOn} />
                </>
              )}
              {r.recommendations > 0 && <> · {t('list.recommendations', { count: r.recommendations })}</>}
            </div>
          </td>
          <td className="py-2 pr-3">{t(`kind.${r.kind}`)}</td>
          <td className="py-2 pr-3">
            <StagePill stage={r.stage} />
          </td>
          <td className="py-2 pr-3">{r.handler.name}</td>
          <td className="py-2 pr-3">
            {r.courtCaseNumbers.length === 0 ? (
              <span className="text-slate-400">—</span>
            ) : (
              <ul>
                {r.courtCaseNumbers.map((n) => (
                  <li key={n} className="whitespace-nowrap">{n}</li>
                ))}
              </ul>
            )}
          </td>
          <td className="py-2 pr-3">
            <TagList tags={r.tags} compact />
          </td>
          <td className="py-2">
            {r.stageDueDate ? (
              <DueBadge dueDate={r.stageDueDate} daysLeft={r.daysLeft} daysOverdue={r.daysOverdue} />
            ) : (
              <span className="text-xs text-slate-500">{t(r.stage === 'closed' ? 'list.closed' : 'list.noStageDeadline')}</span>
            )}
          </td>
        </>
      )}
    />
  );
}
