import { getTranslations } from 'next-intl/server';
import { RecommendationTable } from '@/modules/recommendations/components/RecommendationTable';
import { Card } from '@/components/ui/Card';
import { Pager } from '@/components/ui/Pager';
import { db } from '@/lib/data/db';
import { approvalQueue } from '@/lib/data/recommendations';
import { todayInChina } from '@/lib/domain/dates';
import { approvalList } from '@/lib/lists/recommendations';
import { requireFeature } from '@/lib/web/session';

export async function generateMetadata() {
  const t = await getTranslations('nav');
  return { title: t('approvals') };
}

export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireFeature('recommendations.approvals');
  const { filter, page } = approvalList.parse(await searchParams);
  const [t, list] = await Promise.all([getTranslations('recommendations'), approvalQueue(db(), actor, todayInChina(), page)]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('approvals.title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('approvals.intro')}</p>
      </div>
      <Card id="queue" title={t('list.count', { count: list.total })}>
        <RecommendationTable rows={list.rows} side="procuratorate" caption={t('approvals.title')} />
        <Pager list={approvalList} filter={filter} page={list} label={t('approvals.title')} />
      </Card>
    </div>
  );
}
