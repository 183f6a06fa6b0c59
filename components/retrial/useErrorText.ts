'use client';

import { useTranslations } from 'next-intl';

/** A field or form error code in words: this feature's own codes first (retrial.errors.*), then the shared ones (errors.*). */
export function useErrorText() {
  const t = useTranslations('retrial');
  const te = useTranslations('errors');
  return (code: string | undefined) => {
    if (!code) return undefined;
    const own = `errors.${code}`;
    return t.has(own) ? t(own) : te(code);
  };
}
