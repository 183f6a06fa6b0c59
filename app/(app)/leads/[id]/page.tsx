import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { loadOrForbid } from '@/modules/recommendations/load';
import { LeadKind } from '@/modules/leads/components/LeadKind';
import { LeadStatusPill } from '@/modules/leads/components/LeadStatusPill';
import { LeadStepPanel } from '@/modules/leads/components/LeadStepPanel';
import { When } from '@/modules/leads/components/When';
import { Card } from '@/components/ui/Card';
import { DefinitionList } from '@/components/ui/DefinitionList';
import { WorkflowTimeline } from '@/components/workflow/WorkflowTimeline';
import { TextSection } from '@/components/ui/TextSection';
import { db } from '@/lib/data/db';
import { getLead } from '@/lib/data/leads';
import { requireFeature } from '@/lib/web/session';

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
  const [t, locale] = await Promise.all([getTranslations('leads'), getLocale()]);
  const en = locale === 'en';
  const name = (i: { name: string; nameEn: string }) => (en ? i.nameEn : i.name);
  const sender = lead.fromKind === 'PROCURATORATE' ? lead.procuratorate : lead.court;
  const receiver = lead.fromKind === 'PROCURATORATE' ? lead.court : lead.procuratorate;

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-500">
          <Link href={`/leads?box=${lead.direction}`} className="text-brand-600 underline">
            {t('detail.back')}
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-semibold">{lead.title}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
          <LeadStatusPill status={lead.status} />
          <LeadKind kind={lead.kind} subtype={lead.subtype} />
          <span className="text-slate-600" data-testid="lead-direction">
            {lead.direction === 'incoming' ? t('detail.incomingFrom', { name: name(sender) }) : t('detail.outgoingTo', { name: name(receiver) })}
          </span>
        </div>
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
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

          <Card id="timeline" title={t('detail.timeline')}>
            <WorkflowTimeline entries={lead.timeline} namespace="leads" details={TIMELINE_DETAILS} />
          </Card>
        </div>

        <div className="space-y-4">
          <h2 className="text-lg font-semibold">{t('detail.next')}</h2>
          <LeadStepPanel lead={lead} />
        </div>
      </div>
    </div>
  );
}
