import { notFound } from 'next/navigation';
import { ThreadSection } from '@/modules/threads/components/ThreadSection';
import { getLocale, getTranslations } from 'next-intl/server';
import { loadOrForbid } from '@/lib/web/refuse';
import { DateText } from '@/components/DateText';
import { InquiryStatusPill } from '@/modules/inquiries/components/InquiryStatusPill';
import { InquiryStepPanel } from '@/modules/inquiries/components/InquiryStepPanel';
import { DueBadge } from '@/components/DueBadge';
import { Card } from '@/components/ui/Card';
import { DefinitionList } from '@/components/ui/DefinitionList';
import { WorkflowTimeline } from '@/components/workflow/WorkflowTimeline';
import { TextSection } from '@/components/ui/TextSection';
import { db } from '@/lib/data/db';
import { getInquiry } from '@/lib/data/inquiries';
import { chinaDate, todayInChina } from '@/lib/domain/dates';
import { periodRule } from '@/lib/domain/deadlines';
import { INQUIRY_PERIOD } from '@/lib/domain/inquiries/machine';
import { requireFeature } from '@/lib/web/session';
import { localName } from '@/lib/web/i18n/local-name';
import { auditTrail } from '@/lib/data/audit';
import { RecordPage } from '@/components/record/RecordPage';
import { AuditTrail } from '@/components/record/AuditTrail';

export async function generateMetadata() {
  const t = await getTranslations('nav');
  return { title: t('inquiries') };
}

const TIMELINE_DETAILS = ['courtCaseNumber', 'sentOn', 'dueDate', 'previousDueDate', 'answeredOn', 'late', 'daysLate', 'daysOverdue', 'comment', 'assessment'] as const;

export default async function InquiryPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireFeature('inquiries.list');
  const { id } = await params;
  const today = todayInChina();
  const inq = await loadOrForbid(() => getInquiry(db(), actor, id, today));
  if (!inq) notFound();
  const [t, locale, audit] = await Promise.all([getTranslations('inquiries'), getLocale(), auditTrail(db(), actor, [{ recordType: 'EnforcementInquiry', recordIds: [inq.id] }])]);
  const rule = periodRule(INQUIRY_PERIOD);

  return (
    <RecordPage
      back={{ href: '/inquiries', label: t('detail.back') }}
      title={
        <span className="font-mono" data-testid="inquiry-case-number">
          {inq.courtCaseNumber}
        </span>
      }
      status={
        <>
          <InquiryStatusPill status={inq.status} />
          <span>{t('recordType.EnforcementInquiry')}</span>
          <span className="text-slate-600">
            {localName(locale, inq.procuratorate)} → {localName(locale, inq.court)}
          </span>
        </>
      }
      provisional={inq.dueDateProvisional && inq.dueDate ? t('detail.provisional', { year: inq.dueDate.slice(0, 4) }) : null}
      next={{ title: t('detail.next'), children: <InquiryStepPanel inquiry={inq} today={today} /> }}
      audit={<AuditTrail entries={audit} />}
    >
      <Card id="deadline" title={t('detail.deadline')}>
        <DefinitionList
          rows={[
            { term: t('fields.dueDate'), value: <DueBadge dueDate={inq.dueDate} daysLeft={inq.daysLeft} daysOverdue={inq.daysOverdue} /> },
            { term: t('fields.sentOn'), value: <DateText iso={inq.sentOn} /> },
            { term: t('detail.period'), value: t('detail.periodText') },
            { term: t('detail.source'), value: locale === 'en' ? rule.source.en : rule.source.zh },
            ...(inq.urges.length
              ? [
                  {
                    term: t('detail.urges'),
                    value: (
                      <ul className="space-y-1" data-testid="inquiry-urges">
                        {inq.urges.map((u, i) => (
                          <li key={i}>
                            <DateText iso={chinaDate(u.at)} />
                            {u.by && ` · ${u.by}`}
                            {u.comment && <span className="text-slate-600"> — {u.comment}</span>}
                          </li>
                        ))}
                      </ul>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      <Card id="inquiry" title={t('detail.inquiry')}>
        <div className="space-y-4">
          <DefinitionList
            rows={[
              { term: t('fields.procuratorate'), value: localName(locale, inq.procuratorate) },
              { term: t('fields.court'), value: localName(locale, inq.court) },
              { term: t('fields.courtCaseNumber'), value: <span className="font-mono">{inq.courtCaseNumber}</span> },
              ...(inq.sentBy ? [{ term: t('fields.sentBy'), value: inq.sentBy }] : []),
              ...(inq.case ? [{ term: t('fields.case'), value: `${inq.case.number} ${inq.case.title}` }] : []),
            ]}
          />
          <TextSection label={t('fields.question')} body={inq.question} />
        </div>
      </Card>

      <Card id="answer" title={t('detail.answer')}>
        {inq.answer ? (
          <div className="space-y-4">
            <DefinitionList
              rows={[
                {
                  term: t('fields.answeredOn'),
                  value: (
                    <>
                      <DateText iso={inq.answeredOn!} /> ·{' '}
                      <span className={inq.answeredLate ? 'font-semibold text-red-800' : 'text-emerald-800'} data-testid="inquiry-answer-timeliness">
                        {inq.answeredLate ? t('detail.answeredLate', { days: inq.daysLate }) : t('detail.answeredOnTime')}
                      </span>
                    </>
                  ),
                },
                ...(inq.answeredBy ? [{ term: t('fields.answeredBy'), value: inq.answeredBy }] : []),
              ]}
            />
            <TextSection label={t('fields.answer')} body={inq.answer} />
          </div>
        ) : (
          <p className="text-sm text-slate-600">{t('detail.noAnswer')}</p>
        )}
      </Card>

      {inq.closing && (
        <Card id="closing" title={t('detail.closing')}>
          <div className="space-y-4">
            <DefinitionList
              rows={[
                ...(inq.closing.outcome ? [{ term: t('fields.outcome'), value: t(`outcome.${inq.closing.outcome}`) }] : []),
                ...(inq.closing.by ? [{ term: t('detail.closedBy'), value: inq.closing.by }] : []),
                ...(inq.closedAt ? [{ term: t('detail.closedOn'), value: <DateText iso={chinaDate(inq.closedAt)} /> }] : []),
              ]}
            />
            <TextSection label={t('fields.assessment')} body={inq.closing.assessment} />
          </div>
        </Card>
      )}

      <ThreadSection recordType="EnforcementInquiry" recordId={inq.id} />

      <Card id="timeline" title={t('detail.timeline')}>
        <WorkflowTimeline entries={inq.timeline} namespace="inquiries" details={TIMELINE_DETAILS} />
      </Card>
    </RecordPage>
  );
}
