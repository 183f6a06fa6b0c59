import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DateText } from '@/components/DateText';
import { DueBadge } from '@/components/recommendations/DueBadge';
import type { CaseRow } from '@/lib/data/cases';
import { StagePill } from './StagePill';
import { TagList } from './TagList';

/** The case list: number and title, kind, stage, handler, court case numbers, tags, review due date. */
export async function CaseTable({ rows, caption }: { rows: CaseRow[]; caption: string }) {
  const t = await getTranslations('cases');
  if (rows.length === 0) return <p className="text-sm text-slate-600">{t('list.empty')}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="case-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">{t('fields.numberAndTitle')}</th>
            <th scope="col" className="py-2 pr-3 font-medium">{t('fields.kind')}</th>
            <th scope="col" className="py-2 pr-3 font-medium">{t('fields.stage')}</th>
            <th scope="col" className="py-2 pr-3 font-medium">{t('fields.handler')}</th>
            <th scope="col" className="py-2 pr-3 font-medium">{t('fields.courtCaseNumbers')}</th>
            <th scope="col" className="py-2 pr-3 font-medium">{t('fields.tags')}</th>
            <th scope="col" className="py-2 font-medium">{t('fields.stageDueDate')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-100 align-top">
              <td className="py-2 pr-3">
                <Link href={`/cases/${r.id}`} className="font-medium text-brand-600 underline-offset-2 hover:underline">
                  {r.title}
                </Link>
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
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
