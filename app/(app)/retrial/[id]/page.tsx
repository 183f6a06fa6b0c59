import Link from 'next/link';
import { ThreadSection } from '@/modules/threads/components/ThreadSection';
import { ClientMessages } from '@/components/ClientMessages';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { DateText } from '@/components/DateText';
import { DueBadge } from '@/components/DueBadge';
import { EvidenceForm } from '@/modules/retrial/components/EvidenceForm';
import { EvidenceList } from '@/modules/retrial/components/EvidenceList';
import { RetrialStatusPill } from '@/modules/retrial/components/StatusPill';
import { RetrialStepPanel } from '@/modules/retrial/components/StepPanel';
import { Card } from '@/components/ui/Card';
import { DefinitionList } from '@/components/ui/DefinitionList';
import { WorkflowTimeline } from '@/components/workflow/WorkflowTimeline';
import { db } from '@/lib/data/db';
import { getMatter } from '@/lib/data/retrial';
import { todayInChina } from '@/lib/domain/dates';
import { requireFeature } from '@/lib/web/session';
import { localName } from '@/lib/web/i18n/local-name';
import { RecordPage } from '@/components/record/RecordPage';
import { AuditTrail } from '@/components/record/AuditTrail';
import { auditTrail } from '@/lib/data/audit';
import { loadOrForbid } from '@/lib/web/refuse';
import { addItemAction } from '@/modules/retrial/actions';

export async function generateMetadata() {
  const t = await getTranslations('nav');
  return { title: t('retrial') };
}

const TIMELINE_DETAILS = ['courtCaseNumber', 'filedOn', 'learnedOn', 'reviewDue', 'item', 'description', 'fileName', 'accepted', 'mayOverturn', 'reasons', 'decidedOn', 'hearingOn', 'noticeBy'] as const;

export default async function RetrialMatterPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireFeature('retrial.list');
  const { id } = await params;
  const today = todayInChina();
  const m = await loadOrForbid(() => getMatter(db(), actor, id, today));
  if (!m) notFound();
  const [t, locale, audit] = await Promise.all([
    getTranslations('retrial'),
    getLocale(),
    auditTrail(db(), actor, [
      { recordType: 'RetrialMatter', recordIds: [m.id] },
      { recordType: 'EvidenceItem', recordIds: m.items.map((i) => i.id) },
    ]),
  ]);
  // The court cannot decide yet: say what is missing rather than "nothing to do".
  const waitingForDeterminations = m.status === 'under_review' && m.undetermined > 0 && m.side === 'court';
  const name = (i: { name: string; nameEn: string } | null) => (i ? localName(locale, i) : '—');

  return (
    <RecordPage
      back={{ href: '/retrial', label: t('detail.back') }}
      title={m.title}
      status={
        <>
          <span className="font-mono">{m.courtCaseNumber}</span>
          <RetrialStatusPill status={m.status} decision={m.decision} />
          <span>{t(`kind.${m.kind}`)}</span>
        </>
      }
      next={{
        title: t('detail.next'),
        children: (
          <>
            {waitingForDeterminations && (
              <p role="note" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
                {t('detail.undetermined', { count: m.undetermined })}
              </p>
            )}
            <RetrialStepPanel matter={m} today={today} quiet={waitingForDeterminations} />
          </>
        ),
      }}
      audit={<AuditTrail entries={audit} />}
    >
      <Card id="deadlines" title={t('detail.deadlines')}>
        <DefinitionList
          rows={[
            {
              term: t('fields.reviewDue'),
              value: (
                <>
                  <DueBadge dueDate={m.review.dueDate} daysLeft={m.review.daysLeft} daysOverdue={m.review.daysOverdue} />
                  <span className="mt-1 block text-xs text-slate-500">{t(`detail.reviewRule.${m.kind}`)}</span>
                </>
              ),
            },
            ...(m.applicationWindowEnd
              ? [
                  {
                    term: t('fields.applicationWindowEnd'),
                    value: (
                      <>
                        <DateText iso={m.applicationWindowEnd} />
                        <span className="ml-2 text-xs text-slate-500">{m.learnedOn ? t('detail.fromLearning', { date: m.learnedOn }) : t('detail.fromJudgment')}</span>
                      </>
                    ),
                  },
                ]
              : []),
            ...(m.hearing
              ? [
                  { term: t('fields.hearingOn'), value: <DateText iso={m.hearing.hearingOn} weekday /> },
                  {
                    term: t('fields.hearingNoticeBy'),
                    value: (
                      <>
                        <DateText iso={m.hearing.noticeBy} weekday />
                        {m.hearing.onRestDay && <span className="mt-1 block text-xs text-amber-800">{t('detail.noticeRestDay', { date: m.hearing.lastWorkingDay })}</span>}
                      </>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      <Card id="matter" title={t('detail.matter')}>
        <DefinitionList
          rows={[
            { term: t('fields.parties'), value: <span className="whitespace-pre-wrap">{m.parties}</span> },
            { term: t('fields.court'), value: name(m.court) },
            { term: t('fields.procuratorate'), value: name(m.procuratorate) },
            { term: t('fields.judgmentEffectiveOn'), value: <DateText iso={m.judgmentEffectiveOn} /> },
            { term: t('fields.filedOn'), value: <DateText iso={m.filedOn} /> },
            ...(m.learnedOn ? [{ term: t('fields.learnedOn'), value: <DateText iso={m.learnedOn} /> }] : []),
            { term: t('fields.filedBy'), value: m.createdBy ?? '—' },
            ...(m.recommendation
              ? [
                  {
                    term: t('fields.recommendation'),
                    value: (
                      <Link href={`/recommendations/${m.recommendation.id}`} className="text-brand-600 underline">
                        {m.recommendation.number ?? m.recommendation.title}
                      </Link>
                    ),
                  },
                ]
              : []),
            ...(m.case ? [{ term: t('fields.case'), value: `${m.case.number} ${m.case.title}` }] : []),
          ]}
        />
      </Card>

      <Card id="evidence" title={t('detail.evidence')}>
        <div className="space-y-5">
          <EvidenceList matter={m} />
          {m.canAddItem && (
            <ClientMessages namespaces={['retrial']}>
              <EvidenceForm matterId={m.id} version={m.version} action={addItemAction} />
            </ClientMessages>
          )}
        </div>
      </Card>

      {m.decision && (
        <Card id="decision" title={t('detail.decision')}>
          <DefinitionList
            rows={[
              { term: t('fields.decision'), value: t(`decision.${m.decision}`) },
              ...(m.decidedOn ? [{ term: t('fields.decidedOn'), value: <DateText iso={m.decidedOn} /> }] : []),
              ...(m.decidedBy ? [{ term: t('fields.decidedBy'), value: m.decidedBy }] : []),
              { term: t('fields.decisionReasons'), value: <span className="whitespace-pre-wrap">{m.decisionReasons}</span> },
            ]}
          />
        </Card>
      )}

      <ThreadSection recordType="RetrialMatter" recordId={m.id} />

      <Card id="timeline" title={t('detail.timeline')}>
        <WorkflowTimeline entries={m.timeline} namespace="retrial" details={TIMELINE_DETAILS} />
      </Card>
    </RecordPage>
  );
}
