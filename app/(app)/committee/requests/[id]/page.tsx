import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { loadOrForbid } from '@/lib/web/refuse';
import { MeetingTime } from '@/modules/committee/components/MeetingWhen';
import { RequestSteps } from '@/modules/committee/components/RequestSteps';
import { StatusPill } from '@/modules/committee/components/StatusPill';
import { Card } from '@/components/ui/Card';
import { DefinitionList } from '@/components/ui/DefinitionList';
import { WorkflowTimeline } from '@/components/workflow/WorkflowTimeline';
import { TextSection } from '@/components/ui/TextSection';
import { getRequest } from '@/lib/data/committee';
import { db } from '@/lib/data/db';
import { requireFeature } from '@/lib/web/session';
import { localName } from '@/lib/web/i18n/local-name';
import { RecordPage } from '@/components/record/RecordPage';
import { AuditTrail } from '@/components/record/AuditTrail';
import { auditTrail } from '@/lib/data/audit';

export async function generateMetadata() {
  const t = await getTranslations('committee');
  return { title: t('requests.detailTitle') };
}

const TIMELINE_DETAILS = ['courtCaseNumber', 'reason', 'answer', 'meetingLinked'] as const;

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireFeature('committee.list');
  const { id } = await params;
  const r = await loadOrForbid(() => getRequest(db(), actor, id));
  if (!r) notFound();
  const [t, locale, format, audit] = await Promise.all([
    getTranslations('committee'),
    getLocale(),
    getFormatter(),
    auditTrail(db(), actor, [{ recordType: 'AttendanceRequest', recordIds: [r.id] }]),
  ]);
  const when = (d: Date) => <time dateTime={d.toISOString()}>{format.dateTime(d, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })}</time>;
  return (
    <RecordPage
      back={{ href: '/committee#requests', label: t('detail.back') }}
      title={t('requests.heading', { number: r.courtCaseNumber })}
      status={<StatusPill status={r.status} kind="request" />}
      next={{
        title: t('detail.next'),
        children: (
          <>
            <RequestSteps r={r} />
          </>
        ),
      }}
      audit={<AuditTrail entries={audit} />}
    >
      <Card id="request" title={t('requests.detailTitle')}>
        <div className="space-y-4">
          <DefinitionList
            rows={[
              { term: t('fields.procuratorate'), value: localName(locale, r.procuratorate) },
              { term: t('fields.court'), value: localName(locale, r.court) },
              { term: t('fields.courtCaseNumber'), value: <span className="font-mono">{r.courtCaseNumber}</span> },
              ...(r.case ? [{ term: t('fields.supervisionCase'), value: `${r.case.number} ${r.case.title}` }] : []),
              { term: t('fields.requestedBy'), value: <>{r.requestedBy?.name} · {when(r.requestedAt)}</> },
            ]}
          />
          <TextSection label={t('fields.reason')} body={r.reason} />
        </div>
      </Card>
      {r.status !== 'pending' && (
        <Card id="answer" title={t('requests.answer')}>
          <div className="space-y-4">
            <DefinitionList
              rows={[
                { term: t('fields.status'), value: t(`requestStatus.${r.status}`) },
                ...(r.answeredBy && r.answeredAt ? [{ term: t('fields.answeredBy'), value: <>{r.answeredBy.name} · {when(r.answeredAt)}</> }] : []),
                ...(r.meeting
                  ? [
                      {
                        term: t('fields.meeting'),
                        value: (
                          <Link href={`/committee/${r.meeting.id}`} className="text-brand-600 underline">
                            <MeetingTime scheduledAt={r.meeting.scheduledAt} />
                          </Link>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
            {r.answer && <p className="whitespace-pre-wrap text-sm leading-relaxed">{r.answer}</p>}
          </div>
        </Card>
      )}
      <Card id="timeline" title={t('detail.timeline')}>
        <WorkflowTimeline entries={r.timeline} namespace="committee" details={TIMELINE_DETAILS} />
      </Card>
    </RecordPage>
  );
}
