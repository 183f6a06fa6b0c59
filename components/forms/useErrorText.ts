'use client';

import { useTranslations } from 'next-intl';

/** An error code in words: the feature's own codes first (`<namespace>.errors.*`), then the shared ones (errors.*). */
export function useErrorText(namespace: string) {
  const t = useTranslations(namespace);
  const te = useTranslations('errors');
  return (code: string) => {
    const own = `errors.${code}`;
    return t.has(own) ? t(own) : te(code);
  };
}
