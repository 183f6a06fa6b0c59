import { getTranslations } from 'next-intl/server';
import { SEARCH_MAX_CHARS } from '@/lib/domain/search';
import { searchList } from '@/lib/lists/search';

/** The shell's search box: a plain GET form to the search page (no client JavaScript). */
export async function SearchBox({ q = '' }: { q?: string }) {
  const t = await getTranslations('search.box');
  return (
    <form role="search" action={searchList.path} method="get" className="flex items-center gap-1" aria-label={t('label')}>
      <input
        type="search"
        name="q"
        defaultValue={q}
        maxLength={SEARCH_MAX_CHARS}
        aria-label={t('label')}
        placeholder={t('placeholder')}
        className="w-56 rounded border border-brand-600 bg-white px-2 py-1 text-sm text-slate-900 placeholder:text-slate-500"
      />
      <button type="submit" className="rounded bg-brand-600 px-2 py-1 text-sm font-medium text-white hover:bg-brand-500">
        {t('submit')}
      </button>
    </form>
  );
}
