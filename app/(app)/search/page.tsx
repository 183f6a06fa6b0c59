import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/Card';
import { Pager } from '@/components/ui/Pager';
import { db } from '@/lib/data/db';
import { search } from '@/lib/data/search';
import { readSearchQuery, SEARCH_MAX_CHARS, type SearchKind } from '@/lib/domain/search';
import type { SearchParams } from '@/lib/lists/define';
import { searchList } from '@/lib/lists/search';
import { requireFeature } from '@/lib/web/session';
import { SearchResults } from '@/modules/search/components/SearchResults';

export async function generateMetadata() {
  const t = await getTranslations('search.page');
  return { title: t('title') };
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireFeature('search.use');
  const params = await searchParams;
  const { filter, page } = searchList.parse(params);
  const asked = params.q !== undefined;
  const query = readSearchQuery(filter.q);
  const [t, result] = await Promise.all([getTranslations('search'), query.ok ? search(db(), actor, query.q, { kind: filter.kind, page }) : null]);
  const error = asked && !query.ok ? t(`errors.${query.code}`, { max: SEARCH_MAX_CHARS }) : null;
  const kinds = result ? (Object.keys(result.counts) as SearchKind[]) : [];
  const total = result ? kinds.reduce((n, k) => n + (result.counts[k] ?? 0), 0) : 0;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('page.title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('page.intro')}</p>
      </div>

      <form role="search" action={searchList.path} method="get" className="flex flex-wrap items-start gap-2" aria-label={t('page.form')} noValidate>
        <div className="flex flex-col">
          <input
            type="search"
            name="q"
            id="search-q"
            defaultValue={filter.q}
            aria-label={t('box.label')}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'search-q-error' : undefined}
            className="w-96 max-w-full rounded border border-slate-400 px-3 py-2"
          />
          {error && (
            <p id="search-q-error" role="alert" className="mt-1 text-sm text-red-700" data-testid="search-error">
              {error}
            </p>
          )}
        </div>
        {filter.kind && <input type="hidden" name="kind" value={filter.kind} />}
        <button type="submit" className="rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          {t('box.submit')}
        </button>
      </form>

      {result && query.ok && (
        <>
          <nav aria-label={t('page.kinds')}>
            <ul className="flex flex-wrap gap-2 border-b border-slate-200 text-sm">
              {[null, ...kinds].map((kind) => {
                const current = (filter.kind ?? null) === kind;
                const n = kind ? (result.counts[kind] ?? 0) : total;
                return (
                  <li key={kind ?? 'all'}>
                    <Link
                      href={searchList.href({ q: filter.q, kind }, { size: page.size })}
                      aria-current={current ? 'page' : undefined}
                      className={`-mb-px inline-block border-b-2 px-4 py-2 ${current ? 'border-brand-600 font-semibold text-brand-700' : 'border-transparent text-slate-600 hover:text-slate-900'}`}
                    >
                      {kind ? t(`kinds.${kind}`) : t('page.all')} ({n})
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
          <Card id="results" title={`${t('page.resultsFor', { q: query.q })} · ${t('page.count', { count: result.page.total })}`}>
            {result.page.rows.length ? <SearchResults hits={result.page.rows} q={query.q} /> : <p className="text-sm text-slate-600">{t('page.empty', { q: query.q })}</p>}
            <Pager list={searchList} filter={filter} page={result.page} label={t('page.results')} />
          </Card>
        </>
      )}
    </div>
  );
}
