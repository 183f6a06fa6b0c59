'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';

const USERNAME_MAX = 64;
const PASSWORD_MAX = 256;

type Problem = { key: string; minutes?: number; field?: 'username' | 'password' };

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('signin');
  const router = useRouter();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [pending, setPending] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  // Marks the form interactive once hydrated (tests wait for it; before that a POST keeps the
  // password out of the URL).
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => formRef.current?.setAttribute('data-ready', 'true'), []);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const username = String(form.get('username') ?? '');
    const password = String(form.get('password') ?? '');
    if (!username.trim()) {
      setProblem({ key: 'errors.usernameRequired', field: 'username' });
      usernameRef.current?.focus();
      return;
    }
    if (!password) {
      setProblem({ key: 'errors.passwordRequired', field: 'password' });
      passwordRef.current?.focus();
      return;
    }
    setPending(true);
    setProblem(null);
    try {
      const res = await signIn('credentials', { username, password, redirect: false });
      if (res?.ok && !res.error) {
        router.replace(callbackUrl);
        router.refresh();
        return;
      }
      const code = res?.error ?? 'unexpected';
      if (code.startsWith('locked:')) setProblem({ key: 'errors.locked', minutes: Number(code.slice(7)) || 15 });
      else if (code === 'invalidInput') setProblem({ key: 'errors.invalidInput' });
      else if (code === 'invalidCredentials' || code === 'CredentialsSignin') setProblem({ key: 'errors.invalidCredentials' });
      else setProblem({ key: 'errors.unexpected' });
      passwordRef.current?.select();
    } catch {
      setProblem({ key: 'errors.unexpected' });
    } finally {
      setPending(false);
    }
  }

  return (
    <form ref={formRef} method="post" onSubmit={onSubmit} noValidate className="mt-6 space-y-4" aria-describedby={problem ? 'signin-error' : undefined}>
      <div>
        <label htmlFor="username" className="block text-sm font-medium">
          {t('username')}
        </label>
        <input
          ref={usernameRef}
          id="username"
          name="username"
          autoComplete="username"
          maxLength={USERNAME_MAX}
          required
          aria-invalid={problem?.field === 'username' || undefined}
          className="mt-1 block w-full rounded border border-slate-300 px-3 py-2"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          {t('password')}
        </label>
        <input
          ref={passwordRef}
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          maxLength={PASSWORD_MAX}
          required
          aria-invalid={problem?.field === 'password' || undefined}
          className="mt-1 block w-full rounded border border-slate-300 px-3 py-2"
        />
      </div>
      <div aria-live="assertive">
        {problem && (
          <p id="signin-error" role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
            {t(problem.key, { minutes: problem.minutes ?? 0 })}
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
