import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { MeetingTable } from '@/modules/committee/components/MeetingTable';
import { RequestTable } from '@/modules/committee/components/RequestTable';
import { Card } from '@/components/ui/Card';
import { listMeetings, listRequests } from '@/lib/data/committee';
import { db } from '@/lib/data/db';
import { canRequestAttendance, canSchedule } from '@/lib/domain/committee/machine';
import { todayInChina } from '@/lib/domain/dates';
import { requireFeature } from '@/lib/web/session';

export async function generateMetadata() {
  const t = await getTranslations('nav');
  return { title: t('committee') };
}

export default async function CommitteePage() {
  const actor = await requireFeature('committee.list');
  const today = todayInChina();
  const [t, meetings, requests] = await Promise.all([getTranslations('committee'), listMeetings(db(), actor, { today }), listRequests(db(), actor)]);
  const side = actor.institutionKind === 'COURT' ? 'court' : 'procuratorate';
  const open = meetings.filter((m) => m.open);
  const past = meetings.filter((m) => !m.open);
  const flagged = open.filter((m) => m.attendeeMissing).length;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t('list.title')}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{side === 'court' ? t('list.courtIntro') : t('list.procuratorateIntro')}</p>
        </div>
        <div className="flex flex-wrap gap-3">
          {canSchedule(actor) && (
            <Link href="/committee/new" className="rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
              {t('list.schedule')}
            </Link>
          )}
          {canRequestAttendance(actor) && (
            <Link href="/committee/requests/new" className="rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
              {t('list.request')}
            </Link>
          )}
        </div>
      </div>
      {flagged > 0 && (
        <p role="status" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          {t('list.flagged', { count: flagged })}
        </p>
      )}
      <Card id="open" title={t('list.open', { count: open.length })}>
        <MeetingTable rows={open} side={side} caption={t('list.openCaption')} testId="open-meetings" />
      </Card>
      <Card id="past" title={t('list.past', { count: past.length })}>
        <MeetingTable rows={past} side={side} caption={t('list.pastCaption')} testId="past-meetings" />
      </Card>
      <Card id="requests" title={t('requests.title', { count: requests.length })}>
        <RequestTable rows={requests} side={side} caption={t('requests.caption')} />
      </Card>
    </div>
  );
}
