import { notFound } from 'next/navigation';
import { ThreadSection } from '@/modules/threads/components/ThreadSection';
import { getLocale, getTranslations } from 'next-intl/server';
import { loadOrForbid } from '@/lib/web/refuse';
import { LeadKind } from '@/modules/leads/components/LeadKind';
import { LeadStatusPill } from '@/modules/leads/components/LeadStatusPill';
import { LeadStepPanel } from '@/modules/leads/components/LeadStepPanel';
import { When } from '@/components/When';
import { Card } from '@/components/ui/Card';
import { DefinitionList } from '@/components/ui/DefinitionList';
import { WorkflowTimeline } from '@/components/workflow/WorkflowTimeline';
import { TextSection } from '@/components/ui/TextSection';
import { db } from '@/lib/data/db';
import { getLead } from '@/lib/data/leads';
import { requireFeature } from '@/lib/web/session';
import { localName } from '@/lib/web/i18n/local-name';
import { RecordPage } from '@/components/record/RecordPage';
import { AuditTrail } from '@/components/record/AuditTrail';
import { auditTrail } from '@/lib/data/audit';

export async function generateMetadata() {
  const t = await getTranslations('nav');
  return { title: t('leads') };
}

const TIMELINE_DETAILS = ['courtCaseNumber', 'comment', 'actionTaken'] as const;

export default async function LeadPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireFeature('leads.list');
  const { id } = await params;
  const lead = await loadOrForbid(() => getLead(db(), actor, id));
  if (!lead) notFound();
  const [t, locale, audit] = await Promise.all([
    getTranslations('leads'),
    getLocale(),
    auditTrail(db(), actor, [{ recordType: 'CaseLead', recordIds: [lead.id] }]),
  ]);
  const name = (i: { name: string; nameEn: string }) => localName(locale, i);
  const sender = lead.fromKind === 'PROCURATORATE' ? lead.procuratorate : lead.court;
  const receiver = lead.fromKind === 'PROCURATORATE' ? lead.court : lead.procuratorate;

  return (
    <RecordPage
      back={{ href: `/leads?box=${lead.direction}`, label: t('detail.back') }}
      title={lead.title}
      status={
        <>
          <LeadStatusPill status={lead.status} />
          <LeadKind kind={lead.kind} subtype={lead.subtype} />
          <span className="text-slate-600" data-testid="lead-direction">
            {lead.direction === 'incoming' ? t('detail.incomingFrom', { name: name(sender) }) : t('detail.outgoingTo', { name: name(receiver) })}
          </span>
        </>
      }
      next={{
        title: t('detail.next'),
        children: (
          <>
            <LeadStepPanel lead={lead} />
          </>
        ),
      }}
      audit={<AuditTrail entries={audit} />}
    >
      <Card id="lead" title={t('detail.lead')}>
        <div className="space-y-4">
          <DefinitionList
            rows={[
              { term: t('fields.from'), value: name(sender) },
              { term: t('fields.to'), value: name(receiver) },
              { term: t('fields.sentBy'), value: lead.sentBy ?? '—' },
              { term: t('fields.sentAt'), value: <When at={lead.sentAt} /> },
              ...(lead.courtCaseNumber ? [{ term: t('data.courtCaseNumber'), value: <span className="font-mono">{lead.courtCaseNumber}</span> }] : []),
              ...(lead.case ? [{ term: t('fields.case'), value: `${lead.case.number} ${lead.case.title}` }] : []),
            ]}
          />
          <TextSection label={t('fields.summary')} body={lead.summary} />
        </div>
      </Card>

      <Card id="handling" title={t('detail.handling', { name: name(receiver) })}>
        {lead.receivedAt ? (
          <div className="space-y-4">
            <DefinitionList
              rows={[
                { term: t('fields.receivedBy'), value: lead.receivedBy ?? '—' },
                { term: t('fields.receivedAt'), value: <When at={lead.receivedAt} /> },
                ...(lead.actedAt
                  ? [
                      { term: t('fields.actedBy'), value: lead.actedBy ?? '—' },
                      { term: t('fields.actedAt'), value: <When at={lead.actedAt} /> },
                      ...(lead.outcome ? [{ term: t('fields.outcome'), value: <span data-testid="lead-outcome">{t(`outcome.${lead.outcome}`)}</span> }] : []),
                    ]
                  : []),
              ]}
            />
            {lead.actionTaken ? (
              <TextSection label={t('data.actionTaken')} body={lead.actionTaken} />
            ) : (
              <p className="text-sm text-slate-600">{t('detail.notActed')}</p>
            )}
          </div>
        ) : (
          <p className="text-sm text-slate-600">{t('detail.notReceived')}</p>
        )}
      </Card>

      <ThreadSection recordType="CaseLead" recordId={lead.id} />

      <Card id="timeline" title={t('detail.timeline')}>
        <WorkflowTimeline entries={lead.timeline} namespace="leads" details={TIMELINE_DETAILS} />
      </Card>
    </RecordPage>
  );
}
