import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { DateText } from '@/components/DateText';
import { HolidayName } from '@/components/HolidayName';
import { Card } from '@/components/ui/Card';
import { DefinitionList } from '@/components/ui/DefinitionList';
import { db } from '@/lib/data/db';
import { adminCounts, supervisionQueue, upcomingCalendarDays } from '@/lib/data/home';
import { workQueue } from '@/lib/data/recommendations';
import { todayInChina } from '@/lib/domain/dates';
import { navFor } from '@/lib/domain/nav';
import { getOwnProfile, requireFeature } from '@/lib/web/session';

export async function generateMetadata() {
  const t = await getTranslations('nav');
  return { title: t('home') };
}

export default async function HomePage() {
  const actor = await requireFeature('home.view');
  const today = todayInChina();
  const [t, locale, profile, upcoming, counts, recQueue, supQueue] = await Promise.all([
    getTranslations(),
    getLocale(),
    getOwnProfile(),
    upcomingCalendarDays(db(), actor, today),
    adminCounts(db(), actor),
    workQueue(db(), actor, today),
    supervisionQueue(db(), actor, today),
  ]);
  const queue = [
    ...recQueue.map((q) => ({ ...q, label: t(`recommendations.queue.${q.key}`) })),
    ...supQueue.map((q) => ({ ...q, label: t(`home.supervisionQueue.${q.key}`) })),
  ];
  const en = locale === 'en';
  const features = navFor(actor).filter((i) => i.href !== '/');
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('home.greeting', { name: profile.name })}</h1>
        <p className="mt-1 text-slate-600">
          {t('home.today')} <DateText iso={today} weekday />
        </p>
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        {queue.length > 0 && (
          <Card title={t('recommendations.queue.title')} id="queue">
            <ul className="divide-y divide-slate-100 text-sm" data-testid="work-queue">
              {queue.map((q) => (
                <li key={q.href + q.key} className="flex items-center justify-between gap-4 py-2">
                  <Link href={q.href} className="text-brand-600 underline-offset-2 hover:underline">
                    {q.label}
                  </Link>
                  <span
                    className={`min-w-8 rounded px-2 py-0.5 text-center font-semibold ${q.count > 0 ? (/overdue|Overdue/.test(q.key) ? 'bg-red-100 text-red-800' : 'bg-brand-50 text-brand-800') : 'text-slate-400'}`}
                  >
                    {q.count}
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        )}
        <Card title={t('home.yourAccount')} id="account">
          <DefinitionList
            rows={[
              { term: t('home.name'), value: profile.name },
              { term: t('home.username'), value: <code>{profile.username}</code> },
              { term: t('home.role'), value: t(`roles.${profile.role}`) },
              ...(profile.title ? [{ term: t('home.jobTitle'), value: profile.title }] : []),
              { term: t('home.institution'), value: en ? profile.institution.nameEn : profile.institution.name },
              {
                term: t('home.department'),
                value: profile.department ? (en ? profile.department.nameEn : profile.department.name) : t('home.noDepartment'),
              },
              { term: t('home.regionCode'), value: profile.institution.regionCode },
            ]}
          />
        </Card>
        <Card title={t('home.whatYouCanDo')} id="features">
          <ul className="space-y-3">
            {features.map((f) => (
              <li key={f.href}>
                <Link href={f.href} className="font-medium text-brand-600 underline-offset-2 hover:underline">
                  {t(`nav.${f.key}`)}
                </Link>
                <p className="text-sm text-slate-600">{t(`home.featureHelp.${f.key}`)}</p>
              </li>
            ))}
          </ul>
        </Card>
        <Card title={t('home.upcomingDays')} id="upcoming">
          {upcoming.length === 0 ? (
            <p className="text-sm text-slate-600">{t('home.noUpcomingDays')}</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {upcoming.map((d) => (
                <li key={d.date} className="flex justify-between gap-4">
                  <DateText iso={d.date} weekday />
                  <span>
                    <HolidayName name={d.name} /> · {t(`calendar.kinds.${d.kind}`)}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-3 text-xs text-slate-500">{t('home.upcomingDaysHelp')}</p>
        </Card>
        {counts && (
          <Card title={t('home.platform')} id="platform">
            <DefinitionList
              rows={[
                { term: t('home.activeUsers'), value: counts.active },
                { term: t('home.inactiveUsers'), value: counts.inactive },
                { term: t('home.calendarThrough'), value: counts.lastCalendarYear ?? t('home.calendarEmpty') },
              ]}
            />
          </Card>
        )}
      </div>
    </div>
  );
}
