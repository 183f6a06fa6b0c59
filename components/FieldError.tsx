'use client';

import { useTranslations } from 'next-intl';

/** A field's error, localized from its code; linked to the input by aria-describedby. */
export function FieldErrorText({ id, code }: { id: string; code?: string }) {
  const t = useTranslations('errors');
  if (!code) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700">
      {t(code)}
    </p>
  );
}
