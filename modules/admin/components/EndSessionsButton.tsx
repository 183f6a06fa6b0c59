'use client';

import { useTranslations } from 'next-intl';
import { useActionForm, type FormAction } from '@/components/forms/fields';
import { InlineOutcome } from '@/components/forms/InlineOutcome';

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
  const { state, pending, refusal } = form;
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
      <InlineOutcome status={state?.status === 'success' && state.data ? t('users.sessionsEnded', { count: state.data.ended }) : null} refusal={refusal} />
    </form>
  );
}
