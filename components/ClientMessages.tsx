/**
 * Which messages reach the browser. Server components read the whole catalog on the server; a
 * client component gets only what a provider above it hands down, and that is sent with every
 * page (in the HTML's payload). So the root layout hands down only the namespaces every form
 * needs (ROOT_CLIENT_NAMESPACES: the error codes and the shared words), and a page that renders a
 * feature's client form wraps it in `<ClientMessages namespaces={[…]}>`. A message missing in the
 * browser shows as ⟦namespace.key⟧ (components/ClientIntl.tsx), as on the server.
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
