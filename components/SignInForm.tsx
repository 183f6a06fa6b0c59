'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { useActionForm } from '@/components/forms/fields';
import { signInAction } from '@/lib/web/signin-action';

// lib/domain/signin.ts's limits, repeated here so the sign-in page does not load zod.
const USERNAME_MAX = 64;
const PASSWORD_MAX = 256;

/**
 * The sign-in form: a POST to the sign-in action, with or without JavaScript. One message at a
 * time (the field's or the form's), announced; the field it is about is marked and focused.
 */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('signin');
  const form = useActionForm({ id: 'signin', action: signInAction });
  const { state, pending } = form;
  // Marks the form interactive once hydrated (tests wait for it; before that the form still
  // posts, and the password never reaches the URL).
  useEffect(() => document.getElementById('signin')?.setAttribute('data-ready', 'true'), []);

  const field = (['username', 'password'] as const).find((f) => state?.error?.[f]?.[0]);
  const code = field ? state?.error?.[field]?.[0] : state?.error?.['']?.[0];
  const invalid = (name: 'username' | 'password') => (field === name ? true : undefined);
  const describedBy = (name: 'username' | 'password') => (field === name ? 'signin-error' : undefined);
  // A refused sign-in (not a missing field, which Conform focuses) selects the password to retype.
  useEffect(() => {
    if (state?.error?.['']) (document.getElementById('password') as HTMLInputElement | null)?.select();
  }, [state]);

  return (
    <form
      {...form.props}
      className="mt-6 space-y-4"
      aria-describedby={code ? 'signin-error' : undefined}
    >
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div>
        <label htmlFor="username" className="block text-sm font-medium">
          {t('username')}
        </label>
        <input
          id="username"
          name="username"
          autoComplete="username"
          defaultValue={form.value('username')}
          maxLength={USERNAME_MAX}
          required
          aria-invalid={invalid('username')}
          aria-describedby={describedBy('username')}
          className="mt-1 block w-full rounded border border-slate-300 px-3 py-2"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          {t('password')}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          maxLength={PASSWORD_MAX}
          required
          aria-invalid={invalid('password')}
          aria-describedby={describedBy('password')}
          className="mt-1 block w-full rounded border border-slate-300 px-3 py-2"
        />
      </div>
      <div aria-live="assertive">
        {code && (
          <p id="signin-error" role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
            {t(`errors.${code}`, { minutes: state?.data?.minutes ?? 0 })}
          </p>
        )}
      </div>
      <button
        id="signin-submit"
        type="submit"
        disabled={pending}
        className="w-full rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
