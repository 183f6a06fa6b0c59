'use client';

import { useTranslations } from 'next-intl';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">{t('unexpectedTitle')}</h1>
      <p className="mt-3 text-slate-700">{t('unexpectedBody')}</p>
      {error.digest && (
        <p className="mt-2 text-xs text-slate-500">
          {t('reference')}: <code>{error.digest}</code>
        </p>
      )}
      <button type="button" onClick={reset} className="mt-6 rounded bg-brand-600 px-4 py-2 text-white">
        {t('tryAgain')}
      </button>
    </main>
  );
}
