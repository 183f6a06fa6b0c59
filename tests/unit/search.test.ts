import { describe, expect, it } from 'vitest';
import {
  assertSearchable,
  highlight,
  likePattern,
  normalizeForSearch,
  readSearchQuery,
  SEARCH_KINDS,
  SEARCH_MAX_CHARS,
  SEARCH_SOURCES,
  searchSourcesFor,
  type SearchSource,
} from '@/lib/domain/search';
import { recordVisibility, ALWAYS, set } from '@/lib/domain/visibility';
import { makeActor } from '@/tests/support/actors';

describe('reading a query', () => {
  it('refuses an empty or blank query, and one over the limit, with a code', () => {
    expect(readSearchQuery('')).toEqual({ ok: false, code: 'searchEmpty' });
    expect(readSearchQuery('  \n\t ')).toEqual({ ok: false, code: 'searchEmpty' });
    expect(readSearchQuery(undefined)).toEqual({ ok: false, code: 'searchEmpty' });
    expect(readSearchQuery('x'.repeat(10_000))).toEqual({ ok: false, code: 'searchTooLong' });
    expect(readSearchQuery('青'.repeat(SEARCH_MAX_CHARS + 1))).toEqual({ ok: false, code: 'searchTooLong' });
    expect(readSearchQuery('青'.repeat(SEARCH_MAX_CHARS)).ok).toBe(true);
  });

  it('trims and folds whitespace; normalizes brackets and case for matching', () => {
    expect(readSearchQuery('  王某某   投资 ')).toMatchObject({ ok: true, q: '王某某 投资' });
    expect(readSearchQuery('（2022）青0103民初123号')).toMatchObject({ normalized: '(2022)青0103民初123号' });
    expect(readSearchQuery('城中检民建〔2026〕7号')).toMatchObject({ normalized: '城中检民建(2026)7号' });
    expect(normalizeForSearch('【A】［b］﹝C﹞')).toBe('(a)(b)(c)');
  });

  it('keeps every character in place (positions in the normalized text are positions in the text)', () => {
    for (const s of ['（2022）青0103民初123号', 'İstanbul ǅ 𠮷野家', 'ABC〔x〕']) expect([...normalizeForSearch(s)].length).toBe([...s].length);
  });

  it("escapes LIKE's own characters", () => {
    expect(likePattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});

describe('highlighting', () => {
  const marked = (segs: { text: string; match: boolean }[]) => segs.map((s) => (s.match ? `[${s.text}]` : s.text)).join('');

  it('marks every occurrence, whatever brackets the text or the query has', () => {
    expect(marked(highlight('（2022）青0103民初123号', normalizeForSearch('(2022)青')))).toBe('[（2022）青]0103民初123号');
    expect(marked(highlight('王某某诉王某某', '王某某'))).toBe('[王某某]诉[王某某]');
    expect(marked(highlight('Abc abc', 'abc'))).toBe('[Abc] [abc]');
    expect(marked(highlight('没有', '匹配'))).toBe('没有');
  });

  it('cuts a long text around the first match', () => {
    const text = `${'甲'.repeat(200)}西宁安康${'乙'.repeat(200)}`;
    const out = marked(highlight(text, '安康', 40));
    expect(out.startsWith('…')).toBe(true);
    expect(out.endsWith('…')).toBe(true);
    expect(out).toContain('[安康]');
    expect([...out.replace(/[[\]…]/g, '')].length).toBe(40);
  });
});

describe('the sources', () => {
  it('one per kind, in order', () => {
    expect(SEARCH_SOURCES.map((s) => s.key)).toEqual([...SEARCH_KINDS]);
  });

  it('never search a field one side may not see', () => {
    for (const s of SEARCH_SOURCES) expect(() => assertSearchable(s)).not.toThrow();
    const leaky: SearchSource = {
      key: 'recommendations',
      scope: {
        kind: 'record',
        visibility: recordVisibility({
        recordType: 'Recommendation',
        parties: { procuratorate: 'institutionId', court: 'addresseeCourtId' },
        sees: { procuratorate: ALWAYS, court: set('servedOn') },
          hidden: { procuratorate: [{ fields: ['replyMeasures'], until: set('replyOn') }] },
        }),
      },
      fields: ['title', 'replyMeasures'],
      reference: 'title',
      title: 'title',
    };
    expect(() => assertSearchable(leaky)).toThrow(/replyMeasures is hidden from the procuratorate/);
  });
});

describe('what each side is offered', () => {
  it('the procuratorate every kind, the court what it may ever see, the administrator nothing', () => {
    expect(searchSourcesFor(makeActor('PROCURATOR')).map((s) => s.key)).toEqual(['cases', 'recommendations', 'messages']);
    expect(searchSourcesFor(makeActor('COURT_STAFF')).map((s) => s.key)).toEqual(['recommendations', 'messages']);
    expect(searchSourcesFor(makeActor('ADMIN'))).toEqual([]);
    expect(searchSourcesFor(makeActor('PROCURATOR', { active: false }))).toEqual([]);
  });
});
