import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { inferParserType, ParserMap } from 'nuqs/server';
import { PAGE_SIZES, type ListDefinition } from '@/lib/lists/define';

/** What a pager needs to know of a page of a list (lib/data/page.ts `Page` without its rows). */
export interface PageInfo {
  total: number;
  page: number;
  size: number;
  pageCount: number;
  first: number;
  last: number;
}

const LINK = 'rounded border border-slate-300 px-2 py-1 text-brand-600 hover:bg-slate-50';
const OFF = 'rounded border border-slate-200 px-2 py-1 text-slate-400';

/**
 * Below a list: "showing 26–50 of 1,234", previous / next (and first / last) page links and the
 * page sizes, each a plain link built by the list's definition with the list's filter, so paging
 * keeps the filter and works without JavaScript.
 */
export async function Pager<P extends ParserMap>({
  list,
  filter,
  page,
  label,
}: {
  list: ListDefinition<P>;
  filter: inferParserType<P>;
  page: PageInfo;
  /** The list's name, for the navigation landmark's label. */
  label: string;
}) {
  const t = await getTranslations('pager');
  const at = (n: number) => list.href(filter, { page: n, size: page.size });
  const step = (n: number, text: string, rel?: 'prev' | 'next') =>
    n >= 1 && n <= page.pageCount && n !== page.page ? (
      <Link href={at(n)} rel={rel} className={LINK}>
        {text}
      </Link>
    ) : (
      <span aria-disabled="true" className={OFF}>
        {text}
      </span>
    );
  return (
    <nav aria-label={t('label', { list: label })} className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm" data-testid="pager">
      <p className="text-slate-600" aria-live="polite">
        {page.total === 0 ? t('none') : t('showing', { first: page.first, last: page.last, total: page.total })}
        {page.pageCount > 1 && <> · {t('page', { page: page.page, pages: page.pageCount })}</>}
      </p>
      {page.pageCount > 1 && (
        <ul className="flex items-center gap-2">
          <li>{step(1, t('first'))}</li>
          <li>{step(page.page - 1, t('previous'), 'prev')}</li>
          <li>{step(page.page + 1, t('next'), 'next')}</li>
          <li>{step(page.pageCount, t('last'))}</li>
        </ul>
      )}
      {page.total > PAGE_SIZES[0] && (
        <ul className="flex items-center gap-2" aria-label={t('pageSize')}>
          {PAGE_SIZES.map((size) => (
            <li key={size}>
              {size === page.size ? (
                <span aria-current="true" className="font-semibold">
                  {t('perPage', { size })}
                </span>
              ) : (
                <Link href={list.href(filter, { page: 1, size })} className="text-brand-600 underline-offset-2 hover:underline">
                  {t('perPage', { size })}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
