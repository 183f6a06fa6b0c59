import { getTranslations } from 'next-intl/server';
import { Directory } from '@/components/Directory';
import { requireFeature } from '@/lib/web/session';

export async function generateMetadata() {
  const t = await getTranslations('nav');
  return { title: t('procuratorateDirectory') };
}

export default async function ProcuratorateDirectoryPage() {
  const actor = await requireFeature('directory.procuratorate');
  return <Directory actor={actor} />;
}
