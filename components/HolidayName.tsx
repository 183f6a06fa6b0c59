import { getTranslations } from 'next-intl/server';
import { holidayNameKey } from '@/lib/domain/holiday-names';

export async function HolidayName({ name }: { name: string }) {
  const key = holidayNameKey(name);
  if (!key) return <>{name}</>;
  const t = await getTranslations('calendar.holidayNames');
  return <>{t(key)}</>;
}
