import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { CATALOGS } from './catalogs';
import { isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from './locales';

export async function currentLocale(): Promise<Locale> {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  return negotiateLocale((await headers()).get('accept-language'));
}

export default getRequestConfig(async () => {
  const locale = await currentLocale();
  return {
    locale,
    messages: CATALOGS[locale],
    timeZone: 'Asia/Shanghai',
    // A missing message shows as ⟦namespace.key⟧ (and is logged), so tests can find it on a page.
    getMessageFallback: ({ namespace, key }) => `⟦${namespace ? `${namespace}.` : ''}${key}⟧`,
  };
});
