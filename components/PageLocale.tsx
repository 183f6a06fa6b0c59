'use client';

/**
 * The page's language for the few client parts that render outside any message provider (the
 * error boundary): just the locale string, so that no message catalog and no ICU formatter ships
 * with pages that need none (components/ClientMessages.tsx hands messages to the forms).
 */
import { createContext, useContext } from 'react';
import type { Locale } from '@/lib/web/i18n/locales';

const PageLocaleContext = createContext<Locale>('zh-CN');

export function PageLocale({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  return <PageLocaleContext value={locale}>{children}</PageLocaleContext>;
}

export function usePageLocale(): Locale {
  return useContext(PageLocaleContext);
}
