'use client';

import { useTranslations } from 'next-intl';
import { useActionForm, type FormAction } from '@/components/forms/fields';

/** The administrator ends every session of an account; the answer says how many ended. */
export function EndSessionsButton({
  action,
  userId,
  version,
  name,
}: {
  action: FormAction<{ ended: number }>;
  userId: string;
  version: number;
  name: string;
}) {
  const t = useTranslations();
  const form = useActionForm({ id: `sessions-${userId}`, action });
  const { state, pending } = form;
  const code = state?.status === 'error' ? (Object.values(state.error ?? {}).flat().find(Boolean) ?? 'unexpected') : undefined;
  return (
    <form {...form.props} className="ml-2 inline">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="version" value={version} />
      <button
        type="submit"
        disabled={pending}
        aria-label={t('users.endSessionsNamed', { name })}
        className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100 disabled:opacity-60"
      >
        {t('users.endSessions')}
      </button>
      <span role="status" className="ml-2 text-xs">
        {state?.status === 'success' && state.data ? t('users.sessionsEnded', { count: state.data.ended }) : null}
      </span>
      {code && (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {t(`errors.${code}`)}
        </span>
      )}
    </form>
  );
}
