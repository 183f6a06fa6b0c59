import { notFound } from 'next/navigation';
import { ThreadSection } from '@/modules/threads/components/ThreadSection';
import { getLocale, getTranslations } from 'next-intl/server';
import { CaseStepPanel } from '@/modules/cases/components/CaseStepPanel';
import { CaseTimeline } from '@/modules/cases/components/CaseTimeline';
import { LinkedRecords } from '@/modules/cases/components/LinkedRecords';
import { StagePill } from '@/modules/cases/components/StagePill';
import { TagList } from '@/modules/cases/components/TagList';
import { DateText } from '@/components/DateText';
import { DueBadge } from '@/components/DueBadge';
import { Card } from '@/components/ui/Card';
import { DefinitionList } from '@/components/ui/DefinitionList';
import { getCase } from '@/lib/data/cases';
import { db } from '@/lib/data/db';
import { chinaDate, todayInChina } from '@/lib/domain/dates';
import { requireFeature } from '@/lib/web/session';
import { localName } from '@/lib/web/i18n/local-name';
import { RecordPage } from '@/components/record/RecordPage';
import { AuditTrail } from '@/components/record/AuditTrail';
import { auditTrail } from '@/lib/data/audit';
import { loadOrForbid } from '@/lib/web/refuse';

export async function generateMetadata() {
  const t = await getTranslations('nav');
  return { title: t('cases') };
}

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireFeature('cases.list');
  const { id } = await params;
  const today = todayInChina();
  const c = await loadOrForbid(() => getCase(db(), actor, id, today));
  if (!c) notFound();
  const [t, locale, audit] = await Promise.all([
    getTranslations('cases'),
    getLocale(),
    auditTrail(db(), actor, [{ recordType: 'SupervisionCase', recordIds: [c.id] }]),
  ]);
  const en = locale === 'en';
  const name = (x: { name: string; nameEn: string } | null) => (x ? localName(locale, x) : null);
  const court = [name(c.court), name(c.department)].filter(Boolean).join(' · ');

  return (
    <RecordPage
      back={{ href: '/cases', label: t('detail.back') }}
      title={c.title}
      status={
        <>
          <span className="font-mono" data-testid="case-number">{c.number}</span>
          <span>{t(`kind.${c.kind}`)}</span>
          <StagePill stage={c.stage} />
          {c.stageDueDate && <DueBadge dueDate={c.stageDueDate} daysLeft={c.daysLeft} daysOverdue={c.daysOverdue} />}
        </>
      }
      provisional={c.dueDateProvisional && c.stageDueDate ? t('detail.provisional', { year: c.stageDueDate.slice(0, 4) }) : null}
      next={{
        title: t('detail.next'),
        children: (
          <>
            <CaseStepPanel c={c} />
          </>
        ),
      }}
      audit={<AuditTrail entries={audit} />}
    >
      <Card id="case" title={t('detail.case')}>
        <DefinitionList
          rows={[
            { term: t('fields.parties'), value: <span className="whitespace-pre-wrap">{c.parties}</span> },
            { term: t('fields.courtAndDivision'), value: court || <span className="text-slate-400">—</span> },
            {
              term: t('fields.courtCaseNumbers'),
              value:
                c.courtCaseNumbers.length === 0 ? (
                  <span className="text-slate-400">—</span>
                ) : (
                  <ul data-testid="court-case-numbers">
                    {c.courtCaseNumbers.map((n) => (
                      <li key={n}>{n}</li>
                    ))}
                  </ul>
                ),
            },
            { term: t('fields.handler'), value: `${c.handler.name}${c.handler.title ? ` · ${c.handler.title}` : ''}` },
            { term: t('fields.tags'), value: <TagList tags={c.tags} /> },
          ]}
        />
      </Card>

      <Card id="deadline" title={t('detail.deadline')}>
        <DefinitionList
          rows={[
            { term: t('fields.acceptedOn'), value: c.acceptedOn ? <DateText iso={c.acceptedOn} /> : <span className="text-slate-400">—</span> },
            ...(c.stageDueDate
              ? [{ term: t('detail.reviewDue'), value: <DueBadge dueDate={c.stageDueDate} daysLeft={c.daysLeft} daysOverdue={c.daysOverdue} /> }]
              : []),
            ...(c.reviewEnded
              ? [
                  {
                    term: t('detail.reviewEnded'),
                    value: (
                      <>
                        <DateText iso={chinaDate(c.reviewEnded.at)} /> · {t(c.reviewEnded.late ? 'detail.reviewLate' : 'detail.reviewOnTime')} (
                        {t('detail.wasDue')} <DateText iso={c.reviewEnded.dueDate} />)
                      </>
                    ),
                  },
                ]
              : []),
            {
              term: t('detail.period'),
              value: (
                <>
                  {t('detail.periodRule')} — {en ? c.reviewRule.source.en : c.reviewRule.source.zh}
                  {c.reviewRule.verify && <span className="ml-1 text-xs text-slate-500">({t('detail.verify')})</span>}
                </>
              ),
            },
            ...(c.closedAt ? [{ term: t('detail.closedOn'), value: <DateText iso={chinaDate(c.closedAt)} /> }] : []),
          ]}
        />
      </Card>

      {c.conclusion && (
        <Card id="conclusion" title={t('fields.conclusion')}>
          <DefinitionList rows={[{ term: t('fields.outcome'), value: c.conclusion.outcome ? t(`outcome.${c.conclusion.outcome}`) : '—' }]} />
          {c.conclusion.text && <p className="mt-3 whitespace-pre-wrap text-sm leading-relaxed">{c.conclusion.text}</p>}
        </Card>
      )}

      <Card id="linked" title={t('detail.linked')}>
        <LinkedRecords linked={c.linked} />
      </Card>

      <ThreadSection recordType="SupervisionCase" recordId={c.id} />

      <Card id="timeline" title={t('detail.timeline')}>
        <p className="mb-4 text-sm text-slate-600">{t('detail.timelineHelp')}</p>
        <CaseTimeline entries={c.timeline} />
      </Card>
    </RecordPage>
  );
}
