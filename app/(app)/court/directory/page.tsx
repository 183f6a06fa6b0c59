import { getTranslations } from 'next-intl/server';
import { Directory } from '@/components/Directory';
import { requireFeature } from '@/lib/web/session';

export async function generateMetadata() {
  const t = await getTranslations('nav');
  return { title: t('courtDirectory') };
}

export default async function CourtDirectoryPage() {
  const actor = await requireFeature('directory.court');
  return <Directory actor={actor} />;
}
