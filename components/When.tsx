import { getFormatter } from 'next-intl/server';

/** A moment (date and time, China time) in the locale's format. */
export async function When({ at }: { at: Date }) {
  const format = await getFormatter();
  return <time dateTime={at.toISOString()}>{format.dateTime(at, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })}</time>;
}
