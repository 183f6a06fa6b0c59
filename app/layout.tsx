import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageLocale } from '@/components/PageLocale';
import { isLocale } from '@/lib/web/i18n/locales';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return { title: { default: t('name'), template: `%s · ${t('name')}` }, description: t('tagline') };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        {/* No message provider here: a page's client forms get theirs from <ClientMessages> (pages
            without forms ship no catalog and no formatter); the error boundary needs only the locale. */}
        <PageLocale locale={isLocale(locale) ? locale : 'zh-CN'}>{children}</PageLocale>
      </body>
    </html>
  );
}
