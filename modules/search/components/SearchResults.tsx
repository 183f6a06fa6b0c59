import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { SearchHit } from '@/lib/data/search';
import { highlight, normalizeForSearch, SEARCH_SOURCES, type SearchKind } from '@/lib/domain/search';
import { isThreadRecordType, THREAD_KINDS } from '@/lib/domain/threads/kinds';
import { Highlighted } from './Highlighted';

/** Each record kind's page. */
const RECORD_PATH: Record<Exclude<SearchKind, 'messages'>, string> = {
  cases: '/cases',
  recommendations: '/recommendations',
};

/** Where a hit opens: its record's page, or for a message the thread on its record's page. */
function hrefOf(hit: SearchHit): string {
  if (hit.kind !== 'messages') return `${RECORD_PATH[hit.kind]}/${hit.id}`;
  const [recordType, recordId] = hit.owner ?? [];
  return recordType && recordId && isThreadRecordType(recordType) ? `${THREAD_KINDS[recordType].href(recordId)}#thread-title` : '#';
}

const SNIPPET_CHARS = 120;

/**
 * Search hits, best first: the record's reference and title with the match marked, and the first
 * other field that matched, cut around the match.
 */
export async function SearchResults({ hits, q }: { hits: SearchHit[]; q: string }) {
  const t = await getTranslations('search');
  const needle = normalizeForSearch(q);
  return (
    <ol className="divide-y divide-slate-200" data-testid="search-results">
      {hits.map((hit) => {
        const source = SEARCH_SOURCES.find((s) => s.key === hit.kind)!;
        const text = (field: string) => hit.texts[source.fields.indexOf(field as never)] ?? null;
        const has = (v: string | null) => v !== null && normalizeForSearch(v).includes(needle);
        const reference = source.reference ? text(source.reference) : null;
        const title = text(source.title) ?? '';
        const internal = hit.owner?.[2] === 'internal';
        const other = source.fields.find((f) => f !== source.reference && f !== source.title && has(text(f)));
        return (
          <li key={`${hit.kind}:${hit.id}`} className="py-3">
            <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{t(`kinds.${hit.kind}`)}</span>
              {internal && <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">{t('page.internalNote')}</span>}
              <Link href={hrefOf(hit)} className="font-medium text-brand-600 underline-offset-2 hover:underline">
                <Highlighted segments={highlight(title, needle, hit.kind === 'messages' ? SNIPPET_CHARS : undefined)} />
              </Link>
              {reference && (
                <span className="font-mono text-sm text-slate-600">
                  <Highlighted segments={highlight(reference, needle)} />
                </span>
              )}
            </div>
            {other && (
              <p className="mt-1 text-sm text-slate-700">
                <span className="text-slate-600">{t('page.matchedIn', { field: t(`fields.${hit.kind}.${other}`) })}: </span>
                <Highlighted segments={highlight(text(other)!, needle, SNIPPET_CHARS)} />
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
