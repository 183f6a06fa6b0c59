'use client';

/**
 * The error boundary: shown in the page's language from its own small catalog
 * (messages/<locale>/errorPage.json, complete in both languages like every catalog), so that pages
 * carry no message provider only for this.
 */
import en from '@/messages/en/errorPage.json';
import zh from '@/messages/zh-CN/errorPage.json';
import { usePageLocale } from '@/components/PageLocale';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const msg = usePageLocale() === 'en' ? en : zh;
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">{msg.unexpectedTitle}</h1>
      <p className="mt-3 text-slate-700">{msg.unexpectedBody}</p>
      {error.digest && (
        <p className="mt-2 text-xs text-slate-500">
          {msg.reference}: <code>{error.digest}</code>
        </p>
      )}
      <button type="button" onClick={reset} className="mt-6 rounded bg-brand-600 px-4 py-2 text-white">
        {msg.tryAgain}
      </button>
    </main>
  );
}
