import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { MeetingTable } from '@/modules/committee/components/MeetingTable';
import { RequestTable } from '@/modules/committee/components/RequestTable';
import { Card } from '@/components/ui/Card';
import { CheckboxFilter, FilterForm, optionsOf, SelectFilter } from '@/components/ui/Filters';
import { Pager } from '@/components/ui/Pager';
import { listMeetings, listRequests } from '@/lib/data/committee';
import { db } from '@/lib/data/db';
import { canRequestAttendance, canSchedule, COMMITTEE_STATUSES } from '@/lib/domain/committee/machine';
import { todayInChina } from '@/lib/domain/dates';
import { meetingList, requestList } from '@/lib/lists/committee';
import type { SearchParams } from '@/lib/lists/define';
import { requireFeature } from '@/lib/web/session';

export async function generateMetadata() {
  const t = await getTranslations('nav');
  return { title: t('committee') };
}

/**
 * Meetings (open ones first, soonest first; then the others) and attendance requests: two lists
 * on one page, each with its own filters and pages in the URL.
 */
export default async function CommitteePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireFeature('committee.list');
  const today = todayInChina();
  const sp = await searchParams;
  const m = meetingList.parse(sp);
  const r = requestList.parse(sp);
  const [t, meetings, requests] = await Promise.all([
    getTranslations('committee'),
    listMeetings(db(), actor, { today }, m.filter, m.page),
    listRequests(db(), actor, r.filter, r.page),
  ]);
  const side = actor.institutionKind === 'COURT' ? 'court' : 'procuratorate';
  // The page's rows split by state (the open ones come first in the list's order).
  const open = meetings.rows.filter((x) => x.open);
  const past = meetings.rows.filter((x) => !x.open);
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
      <FilterForm
        label={t('list.filters')}
        apply={t('list.apply')}
        reset={t('list.reset')}
        resetHref={meetingList.href({})}
        hidden={[
          ...meetingList.hidden(m.filter, m.page, ['status', 'upcoming']),
          ...requestList.hidden(r.filter, r.page, []),
        ]}
      >
        <SelectFilter name="status" label={t('list.statusFilter')} value={m.filter.status ?? ''} any={t('list.any')} options={optionsOf(COMMITTEE_STATUSES, (x) => t(`status.${x}`))} />
        <CheckboxFilter name="upcoming" label={t('list.upcomingOnly')} checked={m.filter.upcoming} />
      </FilterForm>
      <Card id="open" title={t('list.open', { count: open.length })}>
        <MeetingTable rows={open} side={side} caption={t('list.openCaption')} testId="open-meetings" />
      </Card>
      <Card id="past" title={t('list.past', { count: past.length })}>
        <MeetingTable rows={past} side={side} caption={t('list.pastCaption')} testId="past-meetings" />
        <Pager list={meetingList} filter={m.filter} page={meetings} label={t('list.title')} />
      </Card>
      <Card id="requests" title={t('requests.title', { count: requests.total })}>
        <RequestTable rows={requests.rows} side={side} caption={t('requests.caption')} />
        <Pager list={requestList} filter={r.filter} page={requests} label={t('requests.caption')} />
      </Card>
    </div>
  );
}
