/**
 * Which messages reach the browser. Server components read the whole catalog on the server; a
 * client component gets only what a provider above it hands down, and that is sent with the page
 * (in the HTML's payload). There is no provider in the root layout: a page without client forms
 * ships no catalog and no ICU formatter at all. A page that renders client forms wraps them in
 * `<ClientMessages namespaces={[…]}>` (record pages get one from components/record/RecordPage.tsx),
 * which hands down the namespaces every form needs (ROOT_CLIENT_NAMESPACES: the error codes and
 * the shared words) plus the feature's. A message missing in the browser shows as
 * ⟦namespace.key⟧ (components/ClientIntl.tsx), as on the server; a client form outside any
 * provider fails loudly (next-intl throws), which the browser crawl would catch.
 */
import type { AbstractIntlMessages } from 'next-intl';
import { getLocale, getMessages, getTimeZone } from 'next-intl/server';
import { ClientIntl } from '@/components/ClientIntl';

/** What every client component may use without a wrapper: error codes and the shared words. */
export const ROOT_CLIENT_NAMESPACES = ['errors', 'common'] as const;

/** The catalog's top-level namespaces `names`, and nothing else. */
export function pickMessages(all: AbstractIntlMessages, names: readonly string[]): AbstractIntlMessages {
  const out: AbstractIntlMessages = {};
  for (const n of names) if (all[n] !== undefined) out[n] = all[n]!;
  return out;
}

/** Hands the root namespaces plus `namespaces` down to the client components inside. */
export async function ClientMessages({ namespaces = [], children }: { namespaces?: readonly string[]; children: React.ReactNode }) {
  const [all, locale, timeZone] = await Promise.all([getMessages(), getLocale(), getTimeZone()]);
  return (
    <ClientIntl locale={locale} timeZone={timeZone} messages={pickMessages(all, [...ROOT_CLIENT_NAMESPACES, ...namespaces])}>
      {children}
    </ClientIntl>
  );
}
