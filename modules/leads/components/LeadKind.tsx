import { getTranslations } from 'next-intl/server';

/** The kind of a lead, with the pension-fraud category. */
export async function LeadKind({ kind, subtype }: { kind: string; subtype: string | null }) {
  const t = await getTranslations('leads');
  return (
    <span>
      {t(`kind.${kind}`)}
      {subtype && t.has(`subtype.${subtype}`) && <span className="text-slate-600"> · {t(`subtype.${subtype}`)}</span>}
    </span>
  );
}
