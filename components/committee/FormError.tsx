'use client';

import { useTranslations } from 'next-intl';

/**
 * A field's error, localized from its code: the committee's own codes (committee.errors.*) first,
 * then the shared ones (errors.*). Linked to its input by aria-describedby.
 */
export function CommitteeFieldError({ id, code }: { id: string; code?: string }) {
  const t = useTranslations('committee');
  const te = useTranslations('errors');
  if (!code) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700">
      {t.has(`errors.${code}`) ? t(`errors.${code}`) : te(code)}
    </p>
  );
}
