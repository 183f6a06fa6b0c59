import { getTranslations } from 'next-intl/server';

/** The attendee speaks after the presenting judge, before the vote, and has no vote: said wherever the opinion appears. */
export async function NoVoteNotice() {
  const t = await getTranslations('committee');
  return (
    <p role="note" data-testid="no-vote" className="rounded border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm text-indigo-900">
      <strong>{t('noVote.title')}</strong> {t('noVote.body')}
    </p>
  );
}
