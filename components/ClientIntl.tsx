'use client';

/**
 * The client side's message provider: the messages a page hands down (see
 * components/ClientMessages.tsx), with the same visible fallback as the server (⟦namespace.key⟧,
 * lib/web/i18n/request.ts), so that a message missing in the browser shows on the page and the
 * tests that look for ⟦…⟧ find it, instead of next-intl's quiet default (the bare key).
 */
import { NextIntlClientProvider, type AbstractIntlMessages } from 'next-intl';

export function ClientIntl({ locale, timeZone, messages, children }: { locale: string; timeZone: string; messages: AbstractIntlMessages; children: React.ReactNode }) {
  return (
    <NextIntlClientProvider
      locale={locale}
      timeZone={timeZone}
      messages={messages}
      getMessageFallback={({ namespace, key }) => `⟦${namespace ? `${namespace}.` : ''}${key}⟧`}
      onError={(e) => console.error(e.message)}
    >
      {children}
    </NextIntlClientProvider>
  );
}
