import type { Metadata } from 'next';
import { ClientMessages } from '@/components/ClientMessages';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LanguageSwitch } from '@/components/LanguageSwitch';
import { SignInForm } from '@/components/SignInForm';
import { SIGNIN_FAILURES } from '@/lib/domain/signin';
import { getActor } from '@/lib/web/session';
import { safeCallbackUrl } from '@/lib/web/urls';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('signin');
  return { title: t('title') };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;
}) {
  const sp = await searchParams;
  const callbackUrl = safeCallbackUrl(typeof sp.callbackUrl === 'string' ? sp.callbackUrl : undefined);
  if (await getActor()) redirect(callbackUrl);
  const t = await getTranslations();
  // next-auth's endpoint sends refusals here as ?error=<code>[:<minutes>] (lib/web/auth.ts).
  const [code, minutes] = (typeof sp.error === 'string' ? sp.error : '').split(':');
  const shown = code && (SIGNIN_FAILURES as readonly string[]).includes(code) ? code : null;
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex items-center justify-between bg-brand-800 px-6 py-3 text-white">
        <span className="text-lg font-semibold">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 py-16">
        <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
          <h1 className="text-2xl font-semibold">{t('signin.title')}</h1>
          <p className="mt-2 text-sm text-slate-600">{t('app.tagline')}</p>
          {shown && (
            <p role="alert" data-testid="signin-redirect-error" className="mt-4 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
              {t(`signin.errors.${shown}`, { minutes: Number(minutes) || 1 })}
            </p>
          )}
          <ClientMessages namespaces={['signin']}>
            <SignInForm callbackUrl={callbackUrl} />
          </ClientMessages>
        </div>
      </main>
    </div>
  );
}
