import Link from 'next/link';
import { ClientMessages } from '@/components/ClientMessages';
import { getTranslations } from 'next-intl/server';
import { CalendarImportForm } from '@/modules/calendar/components/CalendarImportForm';
import { DateText } from '@/components/DateText';
import { HolidayName } from '@/components/HolidayName';
import { Card } from '@/components/ui/Card';
import { db } from '@/lib/data/db';
import { getCalendarYear } from '@/lib/data/calendar';
import { todayInChina } from '@/lib/domain/dates';
import { can } from '@/lib/domain/policy';
import { requireFeature } from '@/lib/web/session';
import { importCalendarAction } from '@/modules/calendar/actions';

export async function generateMetadata() {
  const t = await getTranslations('nav');
  return { title: t('calendar') };
}

export default async function CalendarPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const actor = await requireFeature('calendar.view');
  const sp = await searchParams;
  const thisYear = Number(todayInChina().slice(0, 4));
  const asked = Number(sp.year);
  const year = Number.isInteger(asked) && asked >= 1990 && asked <= 2100 ? asked : thisYear;
  const [t, data] = await Promise.all([getTranslations(), getCalendarYear(db(), actor, year)]);
  const holidays = data.days.filter((d) => d.kind === 'HOLIDAY').length;
  const workdays = data.days.length - holidays;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('calendar.title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('calendar.intro')}</p>
      </div>
      <nav aria-label={t('calendar.years')}>
        <ul className="flex flex-wrap gap-2">
          {data.years.map((y) => (
            <li key={y.year}>
              <Link
                href={`/calendar?year=${y.year}`}
                aria-current={y.year === year ? 'page' : undefined}
                className={`rounded border px-3 py-1 text-sm ${y.year === year ? 'border-brand-600 bg-brand-600 text-white' : 'border-slate-300 bg-white hover:bg-slate-100'}`}
              >
                {y.year}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Card id="year" title={t('calendar.yearTitle', { year })}>
        {data.days.length === 0 ? (
          <p className="text-sm text-slate-600">{t('calendar.yearEmpty', { year })}</p>
        ) : (
          <>
            <p className="mb-3 text-sm text-slate-600">{t('calendar.yearSummary', { holidays, workdays })}</p>
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t('calendar.yearTitle', { year })}</caption>
              <thead className="text-slate-500">
                <tr>
                  <th scope="col" className="py-1 font-medium">{t('calendar.date')}</th>
                  <th scope="col" className="py-1 font-medium">{t('calendar.kind')}</th>
                  <th scope="col" className="py-1 font-medium">{t('calendar.name')}</th>
                </tr>
              </thead>
              <tbody>
                {data.days.map((d) => (
                  <tr key={d.date} className="border-t border-slate-100">
                    <td className="py-1">
                      <DateText iso={d.date} weekday />
                    </td>
                    <td className="py-1">
                      <span
                        className={`rounded px-2 py-0.5 text-xs ${d.kind === 'HOLIDAY' ? 'bg-red-50 text-red-800' : 'bg-amber-50 text-amber-800'}`}
                      >
                        {t(`calendar.kinds.${d.kind}`)}
                      </span>
                    </td>
                    <td className="py-1">
                      <HolidayName name={d.name} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </Card>
      {can(actor, 'calendar.import') && (
        <Card id="import" title={t('calendar.importTitle')}>
          <ClientMessages namespaces={['calendar']}>
            <CalendarImportForm action={importCalendarAction} />
          </ClientMessages>
        </Card>
      )}
    </div>
  );
}
