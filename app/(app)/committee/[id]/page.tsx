import Link from 'next/link';
import { ThreadSection } from '@/modules/threads/components/ThreadSection';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { loadOrForbid } from '@/lib/web/refuse';
import { MeetingSteps } from '@/modules/committee/components/MeetingSteps';
import { DaysBadges, MeetingTime } from '@/modules/committee/components/MeetingWhen';
import { NoVoteNotice } from '@/modules/committee/components/NoVoteNotice';
import { StatusPill } from '@/modules/committee/components/StatusPill';
import { Card } from '@/components/ui/Card';
import { DefinitionList } from '@/components/ui/DefinitionList';
import { WorkflowTimeline } from '@/components/workflow/WorkflowTimeline';
import { TextSection } from '@/components/ui/TextSection';
import { getMeeting } from '@/lib/data/committee';
import { db } from '@/lib/data/db';
import { OPEN_STATUSES } from '@/lib/domain/committee/machine';
import { todayInChina } from '@/lib/domain/dates';
import { requireFeature } from '@/lib/web/session';
import { localName } from '@/lib/web/i18n/local-name';
import { RecordPage } from '@/components/record/RecordPage';
import { AuditTrail } from '@/components/record/AuditTrail';
import { auditTrail } from '@/lib/data/audit';

export async function generateMetadata() {
  const t = await getTranslations('nav');
  return { title: t('committee') };
}

const TIMELINE_DETAILS = ['scheduledAt', 'location', 'itemCount', 'fileCount', 'attendeeName', 'attendeeTitle', 'membersTotal', 'membersPresent', 'chairName', 'corrected', 'comment', 'reason'] as const;

export default async function MeetingPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireFeature('committee.list');
  const { id } = await params;
  const m = await loadOrForbid(() => getMeeting(db(), actor, id, { today: todayInChina() }));
  if (!m) notFound();
  const [t, locale, format, audit] = await Promise.all([
    getTranslations('committee'),
    getLocale(),
    getFormatter(),
    auditTrail(db(), actor, [{ recordType: 'CommitteeMeeting', recordIds: [m.id] }]),
  ]);
  const side = actor.institutionKind === 'COURT' ? 'court' : 'procuratorate';
  const open = OPEN_STATUSES.includes(m.status);
  const when = (d: Date) => <time dateTime={d.toISOString()}>{format.dateTime(d, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })}</time>;
  const hasOutcome = m.status === 'recorded' || m.status === 'confirmed';
  const kb = (n: number) => `${Math.max(1, Math.round(n / 1024))} KB`;

  return (
    <RecordPage
      back={{ href: '/committee', label: t('detail.back') }}
      title={t('detail.title', { date: format.dateTime(m.scheduledAt, { year: 'numeric', month: 'long', day: 'numeric' }) })}
      status={
        <>
          <StatusPill status={m.status} />
          <MeetingTime scheduledAt={m.scheduledAt} />
          <DaysBadges daysUntil={m.daysUntil} attendeeMissing={m.attendeeMissing} open={open} />
        </>
      }
      next={{
        title: t('detail.next'),
        children: (
          <>
            <MeetingSteps m={m} />
          </>
        ),
      }}
      audit={<AuditTrail entries={audit} />}
    >
      <Card id="meeting" title={t('detail.meeting')}>
        <DefinitionList
          rows={[
            { term: t('fields.scheduledAt'), value: <MeetingTime scheduledAt={m.scheduledAt} /> },
            { term: t('fields.location'), value: m.location },
            { term: t('fields.court'), value: localName(locale, m.court) },
            { term: t('fields.procuratorate'), value: localName(locale, m.procuratorate) },
            ...(m.createdBy ? [{ term: t('fields.scheduledBy'), value: m.createdBy.name }] : []),
            { term: t('fields.notifiedAt'), value: m.notifiedAt ? when(m.notifiedAt) : t('detail.notNotified') },
            {
              term: t('fields.attendee'),
              value: m.attendee ? (
                <span data-testid="attendee">{m.attendee.title ? `${m.attendee.name} · ${m.attendee.title}` : m.attendee.name}</span>
              ) : (
                <span className="text-slate-500">{t('detail.noAttendee')}</span>
              ),
            },
            ...(m.heldAt ? [{ term: t('fields.heldAt'), value: when(m.heldAt) }] : []),
          ]}
        />
        <div className="mt-4">
          <NoVoteNotice />
        </div>
      </Card>

      <Card id="agenda" title={t('detail.agenda')}>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="agenda">
            <caption className="sr-only">{t('detail.agenda')}</caption>
            <thead className="text-slate-500">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">#</th>
                <th scope="col" className="py-2 pr-3 font-medium">{t('fields.courtCaseNumber')}</th>
                <th scope="col" className="py-2 pr-3 font-medium">{t('fields.itemTitle')}</th>
                <th scope="col" className="py-2 pr-3 font-medium">{t('fields.trigger')}</th>
                {side === 'procuratorate' && <th scope="col" className="py-2 font-medium">{t('fields.supervisionCase')}</th>}
              </tr>
            </thead>
            <tbody>
              {m.items.map((i) => (
                <tr key={i.id} className="border-t border-slate-100 align-top">
                  <td className="py-2 pr-3">{i.position}</td>
                  <td className="whitespace-nowrap py-2 pr-3 font-mono">{i.courtCaseNumber}</td>
                  <td className="py-2 pr-3">{i.title}</td>
                  <td className="py-2 pr-3">{t(`trigger.${i.trigger}`)}</td>
                  {side === 'procuratorate' && <td className="py-2">{i.case ? `${i.case.number} ${i.case.title}` : '—'}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>

      <Card id="materials" title={t('detail.materials')}>
        {m.materials === null ? (
          <p role="note" data-testid="materials-confidential" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t('detail.materialsConfidential')}
          </p>
        ) : m.materials.length === 0 ? (
          <p className="text-sm text-slate-600">{t('detail.noMaterials')}</p>
        ) : (
          <>
              <p className="mb-3 text-sm text-slate-600">{side === 'court' ? t('detail.materialsCourtNote') : t('detail.materialsProcuratorateNote')}</p>
              <ul className="space-y-2 text-sm" data-testid="materials">
                {m.materials.map((a) => (
                  <li key={a.id} className="flex flex-wrap items-baseline gap-2">
                    <a href={`/committee/${m.id}/materials/${a.id}`} className="text-brand-600 underline" download>
                      {a.fileName}
                    </a>
                    <span className="text-xs text-slate-500">
                      {kb(a.size)} · {when(a.uploadedAt)}
                    </span>
                  </li>
                ))}
              </ul>
          </>
        )}
      </Card>

      {hasOutcome && (
        <Card id="outcome" title={t('detail.outcome')}>
          <div className="space-y-4">
            <NoVoteNotice />
            <DefinitionList
              rows={[
                {
                  term: t('fields.quorum'),
                  value: t('detail.quorumValue', { present: m.membersPresent ?? 0, total: m.membersTotal ?? 0 }),
                },
                { term: t('fields.chair'), value: m.chairName ?? '—' },
                {
                  term: t('fields.confirmation'),
                  value: m.confirmedBy && m.confirmedAt ? (
                    <>
                      {t('detail.confirmedBy', { name: m.confirmedBy.name })} · {when(m.confirmedAt)}
                    </>
                  ) : (
                    t('detail.awaitingConfirmation')
                  ),
                },
              ]}
            />
            <ol className="space-y-4" data-testid="outcome-items">
              {m.items.map((i) => (
                <li key={i.id} className="rounded border border-slate-100 p-3">
                  <h3 className="text-sm font-semibold">
                    {i.position}. <span className="font-mono">{i.courtCaseNumber}</span> {i.title}
                  </h3>
                  <dl className="mt-2 space-y-2 text-sm">
                    <div>
                      <dt className="font-medium text-slate-700">{t('fields.attendeeOpinion')}</dt>
                      <dd className="whitespace-pre-wrap">{i.attendeeOpinion ?? '—'}</dd>
                    </div>
                    <div>
                      <dt className="font-medium text-slate-700">{t('fields.decision')}</dt>
                      <dd className="whitespace-pre-wrap">{i.decision ?? '—'}</dd>
                    </div>
                  </dl>
                </li>
              ))}
            </ol>
            <TextSection label={t('fields.minutes')} body={m.minutes} />
          </div>
        </Card>
      )}

      {m.requests.length > 0 && (
        <Card id="requests" title={t('detail.linkedRequests')}>
          <ul className="space-y-1 text-sm">
            {m.requests.map((r) => (
              <li key={r.id}>
                <Link href={`/committee/requests/${r.id}`} className="font-mono text-brand-600 underline">
                  {r.courtCaseNumber}
                </Link>{' '}
                · {t(`requestStatus.${r.status}`)}
              </li>
            ))}
          </ul>
        </Card>
      )}

      <ThreadSection recordType="CommitteeMeeting" recordId={m.id} />

      <Card id="timeline" title={t('detail.timeline')}>
        <WorkflowTimeline entries={m.timeline} namespace="committee" details={TIMELINE_DETAILS} />
      </Card>
    </RecordPage>
  );
}
