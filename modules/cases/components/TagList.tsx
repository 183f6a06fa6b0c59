import { getTranslations } from 'next-intl/server';
import { tagLabel } from '@/modules/cases/components/labels';

const TONE = (tag: string) =>
  tag === 'false_litigation' ? 'bg-rose-50 text-rose-800' : tag.startsWith('pension_fraud:') ? 'bg-amber-50 text-amber-900' : 'bg-emerald-50 text-emerald-800';

/** The tags leaders track, as small labels. */
export async function TagList({ tags, compact = false }: { tags: readonly string[]; compact?: boolean }) {
  const t = await getTranslations('cases');
  if (tags.length === 0) return compact ? <span className="text-slate-400">—</span> : <span className="text-slate-400">{t('detail.noTags')}</span>;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label={t('fields.tags')}>
      {tags.map((tag) => (
        <li key={tag} className={`rounded px-2 py-0.5 text-xs ${TONE(tag)}`}>
          {tagLabel(t, tag)}
        </li>
      ))}
    </ul>
  );
}
