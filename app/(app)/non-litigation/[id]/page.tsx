import Link from 'next/link';
import { ThreadSection } from '@/modules/threads/components/ThreadSection';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { loadOrForbid } from '@/lib/web/refuse';
import { DateText } from '@/components/DateText';
import { CheckpointsPanel } from '@/modules/non-litigation/components/CheckpointsPanel';
import { StageTable } from '@/modules/non-litigation/components/StageTable';
import { StatusPill } from '@/modules/non-litigation/components/StatusPill';
import { StepPanel } from '@/modules/non-litigation/components/StepPanel';
import { Card } from '@/components/ui/Card';
import { DefinitionList } from '@/components/ui/DefinitionList';
import { WorkflowTimeline } from '@/components/workflow/WorkflowTimeline';
import { db } from '@/lib/data/db';
import { caseHandlerOptions, getApplication } from '@/lib/data/non-litigation';
import { todayInChina } from '@/lib/domain/dates';
import { requireFeature } from '@/lib/web/session';
import { localName } from '@/lib/web/i18n/local-name';
import { RecordPage } from '@/components/record/RecordPage';
import { AuditTrail } from '@/components/record/AuditTrail';
import { auditTrail } from '@/lib/data/audit';

export async function generateMetadata() {
  const t = await getTranslations('nav');
  return { title: t('nonLitigation') };
}

/** Event details shown on the timeline (labels: nonLitigation.data.<key>). */
const DETAILS = [
  'agency',
  'respondent',
  'decisionRef',
  'decisionFinalOn',
  'demandServedOn',
  'appliedOn',
  'acceptedOn',
  'courtCaseNumber',
  'upperCourtDecidedOn',
  'notAcceptedOn',
  'appealedOn',
  'hearingOn',
  'ruledOn',
  'urgent',
  'refusalGround',
  'refusalServedOn',
  'reviewRequestedOn',
  'reviewDecidedOn',
  'enforcementStartedOn',
  'enforcedBy',
  'stalledOn',
  'resumedOn',
  'enforcedOn',
  'closedOn',
  'reasons',
  'dueDate',
  'checkpoint',
  'flagged',
  'note',
  'caseNumber',
] as const;

export default async function ApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireFeature('nonLitigation.list');
  const { id } = await params;
  const today = todayInChina();
  const app = await loadOrForbid(() => getApplication(db(), actor, id, today));
  if (!app) notFound();
  const [t, locale, handlers, audit] = await Promise.all([
    getTranslations('nonLitigation'),
    getLocale(),
    caseHandlerOptions(db(), actor),
    auditTrail(db(), actor, [{ recordType: 'NonLitigationApplication', recordIds: [app.id] }]),
  ]);
  const f = app.facts;
  const date = (v: string | null) => (v ? <DateText iso={v} /> : null);
  const rows = [
    { term: t('fields.agency'), value: app.agency },
    { term: t('fields.respondent'), value: app.respondent },
    { term: t('fields.decisionRef'), value: app.decisionRef },
    { term: t('fields.subject'), value: <span className="whitespace-pre-wrap">{app.subject}</span> },
    { term: t('fields.decisionFinalOn'), value: date(f.decisionFinalOn) },
    { term: t('fields.demandServedOn'), value: date(f.demandServedOn) },
    { term: t('fields.appliedOn'), value: date(f.appliedOn) },
    { term: t('fields.courtCaseNumber'), value: app.courtCaseNumber },
    { term: t('fields.acceptedOn'), value: date(f.acceptedOn) },
    { term: t('fields.notAcceptedOn'), value: date(f.notAcceptedOn) },
    { term: t('fields.hearingHeld'), value: app.hearingHeld ? t('fields.yes') : null },
    { term: t('fields.ruledOn'), value: date(f.ruledOn) },
    { term: t('fields.refusalGround'), value: app.refusalGround ? t(`refusalGround.${app.refusalGround}`) : null },
    { term: t('fields.refusalServedOn'), value: date(f.refusalServedOn) },
    { term: t('fields.reviewRequestedOn'), value: date(f.reviewRequestedOn) },
    { term: t('fields.reviewDecidedOn'), value: f.reviewDecidedOn ? <>{date(f.reviewDecidedOn)} · {t(`reviewOutcome.${f.reviewOutcome ?? 'upheld'}`)}</> : null },
    { term: t('fields.enforcementStartedOn'), value: date(f.enforcementStartedOn) },
    { term: t('fields.enforcedBy'), value: app.enforcedBy ? (t.has(`enforcer.${app.enforcedBy}`) ? t(`enforcer.${app.enforcedBy}`) : app.enforcedBy) : null },
    { term: t('fields.stalledOn'), value: app.status === 'stalled' ? date(f.stalledOn) : null },
    { term: t('fields.enforcedOn'), value: date(f.enforcedOn) },
    { term: t('fields.closedOn'), value: date(f.closedOn) },
    { term: t('fields.procuratorate'), value: app.procuratorate ? localName(locale, app.procuratorate) : null },
    { term: t('fields.court'), value: app.court ? localName(locale, app.court) : null },
    {
      term: t('fields.registeredBy'),
      value: app.createdBy ? `${app.createdBy.name}（${localName(locale, app.createdBy.institution)}）` : null,
    },
  ].filter((r) => r.value !== null && r.value !== undefined && r.value !== '');

  // Codes in event details, in words.
  const label = (key: string, v: unknown) => {
    if (typeof v !== 'string') return v;
    if (key === 'refusalGround' && t.has(`refusalGround.${v}`)) return t(`refusalGround.${v}`);
    if (key === 'enforcedBy' && t.has(`enforcer.${v}`)) return t(`enforcer.${v}`);
    if (key === 'checkpoint' && t.has(`checkpoint.${v}`)) return t(`checkpoint.${v}`);
    return v;
  };
  const timeline = app.timeline.map((e) => ({
    ...e,
    data: e.data ? Object.fromEntries(Object.entries(e.data).map(([k, v]) => [k, label(k, v)])) : null,
  }));

  return (
    <RecordPage
      back={{ href: '/non-litigation', label: t('detail.back') }}
      title={t('detail.heading', { agency: app.agency, respondent: app.respondent })}
      statusTestId="app-status"
      status={
        <>
          <StatusPill status={app.status} />
          <span>{app.decisionRef}</span>
          {app.courtCaseNumber && <span className="font-mono">{app.courtCaseNumber}</span>}
          {app.urgent && <span className="rounded bg-red-50 px-2 py-0.5 text-xs text-red-800">{t('fields.urgent')}</span>}
          {app.overdue && <span className="rounded bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-800">{t('detail.overdue')}</span>}
        </>
      }
      banner={
        <Card id="stages" title={t('detail.stages')}>
          <p className="mb-3 text-sm text-slate-600">{t('detail.stagesIntro')}</p>
          <StageTable stages={app.stages} caption={t('detail.stages')} />
        </Card>
      }
      next={{
        title: t('detail.next'),
        children: (
          <>
            {app.case && (
              <section aria-labelledby="case-title" className="rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-sm">
                <h2 id="case-title" className="font-semibold">
                  {t('openCase.caseHeading')}
                </h2>
                <p className="mt-1">
                  <Link href={`/cases/${app.case.id}`} className="font-medium text-brand-600 underline" data-testid="case-number">
                    {app.case.number}
                  </Link>
                </p>
                <p className="mt-1 text-slate-700">{app.case.title}</p>
                <p className="mt-3">
                  <Link href="/recommendations/new" className="inline-block rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100">
                    {t('openCase.draftRecommendation')}
                  </Link>
                </p>
              </section>
            )}
            <StepPanel app={app} today={today} />
          </>
        ),
      }}
      audit={<AuditTrail entries={audit} />}
    >
      <Card id="application" title={t('detail.application')}>
        <DefinitionList rows={rows} />
      </Card>

      {app.side === 'procuratorate' && (
        <Card id="checkpoints" title={t('detail.checkpoints')}>
          <CheckpointsPanel app={app} handlers={handlers} />
        </Card>
      )}

      <ThreadSection recordType="NonLitigationApplication" recordId={app.id} />

      <Card id="timeline" title={t('detail.timeline')}>
        <WorkflowTimeline entries={timeline} namespace="nonLitigation" details={DETAILS} />
      </Card>
    </RecordPage>
  );
}
