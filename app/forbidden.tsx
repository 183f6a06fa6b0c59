import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function Forbidden() {
  const t = await getTranslations('errors');
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <p className="text-sm font-semibold text-red-700">403</p>
      <h1 className="mt-1 text-2xl font-semibold">{t('forbiddenTitle')}</h1>
      <p className="mt-3 text-slate-700">{t('forbiddenBody')}</p>
      <Link href="/" className="mt-6 inline-block text-brand-600 underline">
        {t('backHome')}
      </Link>
    </main>
  );
}
