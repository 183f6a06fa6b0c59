import { getFormatter } from 'next-intl/server';
import { isoToUtcDate } from '@/lib/domain/dates';

/** A calendar date (YYYY-MM-DD) in the locale's format, with the ISO form for machines. */
export async function DateText({ iso, weekday = false }: { iso: string; weekday?: boolean }) {
  const format = await getFormatter();
  const text = format.dateTime(isoToUtcDate(iso), {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: weekday ? 'short' : undefined,
    timeZone: 'UTC',
  });
  return <time dateTime={iso}>{text}</time>;
}
