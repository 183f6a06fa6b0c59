import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { DueBadge } from '@/components/DueBadge';
import { StatusPill } from '@/modules/recommendations/components/StatusPill';
import type { CaseView } from '@/lib/data/cases';

/** Everything linked to the case, each with a link to its own page. */
export async function LinkedRecords({ linked }: { linked: CaseView['linked'] }) {
  const [t, tr, format] = await Promise.all([getTranslations('cases'), getTranslations('recommendations'), getFormatter()]);
  const status = (s: string) => (t.has(`status.${s}`) ? t(`status.${s}`) : s);
  const total =
    linked.recommendations.length +
    linked.retrialMatters.length +
    linked.committeeItems.length +
    linked.nonLitigation.length +
    linked.inquiries.length +
    linked.leads.length;
  if (total === 0) return <p className="text-sm text-slate-600">{t('linked.none')}</p>;
  const section = (title: string, count: number, body: React.ReactNode) =>
    count > 0 ? (
      <section className="space-y-2">
        <h3 className="text-sm font-semibold text-slate-700">
          {title} <span className="font-normal text-slate-500">({count})</span>
        </h3>
        {body}
      </section>
    ) : null;
  const link = 'font-medium text-brand-600 underline-offset-2 hover:underline';
  return (
    <div className="space-y-5" data-testid="linked-records">
      {section(
        t('recordType.Recommendation'),
        linked.recommendations.length,
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t('recordType.Recommendation')}</caption>
            <thead className="text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">{t('linked.numberAndTitle')}</th>
                <th scope="col" className="py-1 pr-3 font-medium">{t('linked.status')}</th>
                <th scope="col" className="py-1 font-medium">{t('linked.replyDue')}</th>
              </tr>
            </thead>
            <tbody>
              {linked.recommendations.map((r) => (
                <tr key={r.id} className="border-t border-slate-100 align-top">
                  <td className="py-1 pr-3">
                    <Link href={`/recommendations/${r.id}`} className={link}>
                      {r.title}
                    </Link>
                    <div className="text-xs text-slate-500">
                      {r.number ?? tr('list.noNumber')} · {tr(`type.${r.type}`)}
                    </div>
                  </td>
                  <td className="py-1 pr-3">
                    <StatusPill status={r.status} />
                  </td>
                  <td className="py-1">
                    <DueBadge dueDate={r.dueDate} daysLeft={r.daysLeft} daysOverdue={r.daysOverdue} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>,
      )}
      {section(
        t('recordType.RetrialMatter'),
        linked.retrialMatters.length,
        <ul className="space-y-1 text-sm">
          {linked.retrialMatters.map((m) => (
            <li key={m.id}>
              <Link href={`/retrial/${m.id}`} className={link}>
                {m.title}
              </Link>{' '}
              <span className="text-slate-500">
                {m.courtCaseNumber} · {status(m.status)}
              </span>
            </li>
          ))}
        </ul>,
      )}
      {section(
        t('recordType.CommitteeMeeting'),
        linked.committeeItems.length,
        <ul className="space-y-1 text-sm">
          {linked.committeeItems.map((i) => (
            <li key={i.id}>
              <Link href={`/committee/${i.meeting.id}`} className={link}>
                {i.title}
              </Link>{' '}
              <span className="text-slate-500">
                {i.courtCaseNumber} · {t('linked.meetingOn', { date: format.dateTime(i.meeting.scheduledAt, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }) })} ·{' '}
                {status(i.meeting.status)}
              </span>
            </li>
          ))}
        </ul>,
      )}
      {section(
        t('recordType.NonLitigationApplication'),
        linked.nonLitigation.length,
        <ul className="space-y-1 text-sm">
          {linked.nonLitigation.map((a) => (
            <li key={a.id}>
              <Link href={`/non-litigation/${a.id}`} className={link}>
                {a.subject}
              </Link>{' '}
              <span className="text-slate-500">
                {a.agency} → {a.respondent}
                {a.courtCaseNumber && ` · ${a.courtCaseNumber}`} · {status(a.status)}
              </span>
            </li>
          ))}
        </ul>,
      )}
      {section(
        t('recordType.EnforcementInquiry'),
        linked.inquiries.length,
        <ul className="space-y-1 text-sm">
          {linked.inquiries.map((q) => (
            <li key={q.id}>
              <Link href={`/inquiries/${q.id}`} className={link}>
                {q.question.length > 60 ? `${q.question.slice(0, 60)}…` : q.question}
              </Link>{' '}
              <span className="text-slate-500">
                {q.courtCaseNumber} · {status(q.status)}
              </span>
              {q.status === 'sent' && (
                <div>
                  <DueBadge dueDate={q.dueDate} daysLeft={q.daysLeft} daysOverdue={q.daysOverdue} />
                </div>
              )}
            </li>
          ))}
        </ul>,
      )}
      {section(
        t('recordType.CaseLead'),
        linked.leads.length,
        <ul className="space-y-1 text-sm">
          {linked.leads.map((l) => (
            <li key={l.id}>
              <Link href={`/leads/${l.id}`} className={link}>
                {l.title}
              </Link>{' '}
              <span className="text-slate-500">
                {t(`linked.leadKind.${l.kind}`)} · {status(l.status)}
              </span>
            </li>
          ))}
        </ul>,
      )}
    </div>
  );
}
