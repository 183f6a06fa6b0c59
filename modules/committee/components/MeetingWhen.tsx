import { getFormatter, getTranslations } from 'next-intl/server';

/** The meeting's date and time (China time). */
export async function MeetingTime({ scheduledAt }: { scheduledAt: Date }) {
  const format = await getFormatter();
  const text = format.dateTime(scheduledAt, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit' });
  return <time dateTime={scheduledAt.toISOString()}>{text}</time>;
}

/** Days until an open meeting, and the flag for a meeting without a named attendee from 1 day before it. */
export async function DaysBadges({ daysUntil, attendeeMissing, open }: { daysUntil: number; attendeeMissing: boolean; open: boolean }) {
  const t = await getTranslations('committee');
  if (!open && !attendeeMissing) return null;
  const days =
    daysUntil > 1 ? t('days.in', { days: daysUntil }) : daysUntil === 1 ? t('days.tomorrow') : daysUntil === 0 ? t('days.today') : t('days.ago', { days: -daysUntil });
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {open && (
        <span data-testid="days-until" className={`rounded px-2 py-0.5 text-xs ${daysUntil <= 1 ? 'bg-amber-100 text-amber-900' : 'bg-slate-100 text-slate-700'}`}>
          {days}
        </span>
      )}
      {attendeeMissing && (
        <span data-testid="attendee-missing" className="rounded bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-800">
          {t('days.attendeeMissing')}
        </span>
      )}
    </span>
  );
}
