import Link from 'next/link';
import { ThreadSection } from '@/modules/threads/components/ThreadSection';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { DateText } from '@/components/DateText';
import { DueBadge } from '@/components/DueBadge';
import { StatusPill } from '@/modules/recommendations/components/StatusPill';
import { StepPanel } from '@/modules/recommendations/components/StepPanel';
import { Card } from '@/components/ui/Card';
import { DefinitionList } from '@/components/ui/DefinitionList';
import { TextSection } from '@/components/ui/TextSection';
import { AuditTrail } from '@/components/record/AuditTrail';
import { WorkflowTimeline } from '@/components/workflow/WorkflowTimeline';
import { db } from '@/lib/data/db';
import { getRecommendation } from '@/lib/data/recommendations';
import { chinaDate, todayInChina } from '@/lib/domain/dates';
import { requireFeature } from '@/lib/web/session';
import { localName } from '@/lib/web/i18n/local-name';
import { RecordPage } from '@/components/record/RecordPage';
import { loadOrForbid } from '@/lib/web/refuse';

/** Details shown under each step, when the event carries them (labels: recommendations.data.<key>). */
const TIMELINE_DETAILS = ['comment', 'reason', 'number', 'servedOn', 'dueDate', 'previousDueDate', 'replyOn', 'escalatedTo', 'daysOverdue', 'committeeDecisionNo', 'outcome', 'method', 'adoption', 'rectified', 'late', 'months', 'years'] as const;
/** Details whose values are codes, in words from these catalog groups. */
const TIMELINE_VALUES = { rectified: 'rectified', late: 'timeliness', adoption: 'adoption', method: 'serviceMethod', outcome: 'steps.upholdObjection' } as const;

export async function generateMetadata() {
  const t = await getTranslations('nav');
  return { title: t('recommendations') };
}

export default async function RecommendationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireFeature('recommendations.list');
  const { id } = await params;
  const today = todayInChina();
  const rec = await loadOrForbid(() => getRecommendation(db(), actor, id, today));
  if (!rec) notFound();
  const [t, locale] = await Promise.all([getTranslations('recommendations'), getLocale()]);
  const side = actor.institutionKind === 'COURT' ? 'court' : 'procuratorate';

  return (
    <RecordPage
      back={{ href: '/recommendations', label: t('detail.back') }}
      title={rec.title}
      status={
        <>
          <span className="font-mono" data-testid="rec-number">{rec.number ?? t('list.noNumber')}</span>
          <StatusPill status={rec.status} />
          <span>{t(`type.${rec.type}`)}</span>
          {rec.urgent && <span className="rounded bg-red-50 px-2 py-0.5 text-xs text-red-800">{t('fields.urgent')}</span>}
        </>
      }
      provisional={rec.dueDateProvisional && rec.dueDate ? t('detail.provisional', { year: rec.dueDate.slice(0, 4) }) : null}
      audit={<AuditTrail entries={rec.auditTrail} />}
      next={{
        title: t('detail.next'),
        children: (
          <>
            {rec.actions.includes('edit') && (
              <Link href={`/recommendations/${rec.id}/edit`} className="inline-block rounded border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-100">
                {t('detail.edit')}
              </Link>
            )}
            <StepPanel rec={rec} today={today} />
          </>
        ),
      }}
    >
      <Card id="deadline" title={t('detail.deadline')}>
        <DefinitionList
          rows={[
            { term: t('fields.dueDate'), value: <DueBadge dueDate={rec.dueDate} daysLeft={rec.daysLeft} daysOverdue={rec.daysOverdue} /> },
            ...(rec.servedOn
              ? [{ term: t('fields.servedOn'), value: <><DateText iso={rec.servedOn} />{rec.serviceMethod && ` · ${t(`serviceMethod.${rec.serviceMethod}`)}`}</> }]
              : []),
            ...(rec.issuedOn ? [{ term: t('fields.issuedOn'), value: <DateText iso={rec.issuedOn} /> }] : []),
            { term: t('detail.period'), value: t(`detail.periodRule.${rec.type}`) + (rec.customPeriodMonths || rec.customPeriodDays ? ` · ${t('detail.customPeriod', { months: rec.customPeriodMonths ?? 0, days: rec.customPeriodDays ?? 0 })}` : '') + (rec.urgent ? ` · ${t('detail.urgentPeriod')}` : '') },
            ...(rec.extensionMonths > 0 ? [{ term: t('detail.extension'), value: t('detail.extensionApproved', { months: rec.extensionMonths }) }] : rec.extensionRequestedAt ? [{ term: t('detail.extension'), value: t('detail.extensionRequested', { reason: rec.extensionReason ?? '' }) }] : []),
            ...(rec.urgedAt ? [{ term: t('detail.urged'), value: <DateText iso={chinaDate(rec.urgedAt)} /> }] : []),
            ...(rec.escalatedAt ? [{ term: t('detail.escalated'), value: <><DateText iso={chinaDate(rec.escalatedAt)} /> · {rec.escalatedTo}</> }] : []),
          ]}
        />
      </Card>

      <Card id="content" title={t('detail.content')}>
        <div className="space-y-4">
          <DefinitionList
            rows={[
              { term: t('fields.issuer'), value: localName(locale, rec.institution) },
              {
                term: t('fields.addressee'),
                value: `${localName(locale, rec.addresseeCourt)}${rec.addresseeDepartment ? ` · ${localName(locale, rec.addresseeDepartment)}` : ''}`,
              },
              { term: t('fields.drafter'), value: rec.drafter.name },
              ...(rec.courtCaseNumber ? [{ term: t('fields.courtCaseNumber'), value: rec.courtCaseNumber }] : []),
              ...(rec.case && side === 'procuratorate' ? [{ term: t('fields.case'), value: `${rec.case.number} ${rec.case.title}` }] : []),
              ...(rec.committeeDecisionNo
                ? [{ term: t('fields.committeeDecisionNo'), value: <>{rec.committeeDecisionNo}{rec.committeeDecisionOn && <> · <DateText iso={rec.committeeDecisionOn} /></>}</> }]
                : []),
              ...(rec.approvedBy ? [{ term: t('detail.approvedBy'), value: rec.approvedBy }] : []),
              ...(rec.supersedes ? [{ term: t('detail.supersedes'), value: <Link className="text-brand-600 underline" href={`/recommendations/${rec.supersedes.id}`}>{rec.supersedes.number ?? t('list.noNumber')}</Link> }] : []),
              ...(rec.supersededBy ? [{ term: t('detail.supersededBy'), value: <Link className="text-brand-600 underline" href={`/recommendations/${rec.supersededBy.id}`}>{rec.supersededBy.number ?? t('list.noNumber')}</Link> }] : []),
            ]}
          />
          <TextSection label={t('fields.facts')} body={rec.facts} />
          <TextSection label={t('fields.violation')} body={rec.violation} />
          <TextSection label={t('fields.recommendationText')} body={rec.recommendationText} />
          <TextSection label={t('fields.legalBasis')} body={rec.legalBasis} />
        </div>
      </Card>

      {rec.reply && rec.reply.adoption && (
        <Card id="reply" title={rec.reply.replyOn ? t('detail.reply') : t('detail.replyDraft')}>
          <div className="space-y-4">
            <DefinitionList
              rows={[
                { term: t('fields.adoption'), value: t(`adoption.${rec.reply.adoption}`) },
                ...(rec.reply.replyOn
                  ? [{ term: t('fields.replyOn'), value: <><DateText iso={rec.reply.replyOn} /> · {t(rec.reply.late ? 'list.repliedLate' : 'list.repliedOnTime')}</> }]
                  : []),
                ...(rec.reply.signedBy ? [{ term: t('detail.signedBy'), value: rec.reply.signedBy }] : []),
              ]}
            />
            <TextSection label={t('fields.measures')} body={rec.reply.measures} />
            <TextSection label={t('fields.replyReasons')} body={rec.reply.reasons} />
          </div>
        </Card>
      )}

      {rec.rectified !== null && (
        <Card id="evaluation" title={t('detail.evaluation')}>
          <DefinitionList rows={[{ term: t('fields.rectified'), value: t(rec.rectified ? 'rectified.yes' : 'rectified.no') }]} />
          <TextSection label={t('fields.evaluation')} body={rec.evaluation} />
        </Card>
      )}

      <ThreadSection recordType="Recommendation" recordId={rec.id} />

      <Card id="timeline" title={t('detail.timeline')}>
        <WorkflowTimeline entries={rec.timeline} namespace="recommendations" details={TIMELINE_DETAILS} values={TIMELINE_VALUES} />
      </Card>
    </RecordPage>
  );
}
