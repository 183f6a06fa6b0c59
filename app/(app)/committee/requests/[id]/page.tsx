import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { loadOrForbid } from '@/modules/recommendations/load';
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
  const [t, locale, format] = await Promise.all([getTranslations('committee'), getLocale(), getFormatter()]);
  const en = locale === 'en';
  const when = (d: Date) => <time dateTime={d.toISOString()}>{format.dateTime(d, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })}</time>;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-500">
          <Link href="/committee#requests" className="text-brand-600 underline">
            {t('detail.back')}
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-semibold">{t('requests.heading', { number: r.courtCaseNumber })}</h1>
        <div className="mt-2">
          <StatusPill status={r.status} kind="request" />
        </div>
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card id="request" title={t('requests.detailTitle')}>
            <div className="space-y-4">
              <DefinitionList
                rows={[
                  { term: t('fields.procuratorate'), value: en ? r.procuratorate.nameEn : r.procuratorate.name },
                  { term: t('fields.court'), value: en ? r.court.nameEn : r.court.name },
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
        </div>
        <div className="space-y-4">
          <h2 className="text-lg font-semibold">{t('detail.next')}</h2>
          <RequestSteps r={r} />
        </div>
      </div>
    </div>
  );
}
