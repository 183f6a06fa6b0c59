'use client';

import { useTranslations } from 'next-intl';
import { useActionForm, type FormAction } from '@/components/forms/fields';

type Action = FormAction<undefined>;

export function UserActiveToggle({
  action,
  userId,
  active,
  version,
  name,
}: {
  action: Action;
  userId: string;
  active: boolean;
  version: number;
  name: string;
}) {
  const t = useTranslations();
  const form = useActionForm({ id: `active-${userId}`, action });
  const { state, pending } = form;
  // One button, no fields to mark: the refusal's first code, field or form.
  const code = state?.status === 'error' ? (Object.values(state.error ?? {}).flat().find(Boolean) ?? 'unexpected') : undefined;
  return (
    <form {...form.props} className="inline">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="active" value={active ? 'false' : 'true'} />
      <button
        type="submit"
        disabled={pending}
        aria-label={t(active ? 'users.deactivateNamed' : 'users.activateNamed', { name })}
        className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100 disabled:opacity-60"
      >
        {t(active ? 'users.deactivate' : 'users.activate')}
      </button>
      {code && (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {t(`errors.${code}`)}
        </span>
      )}
    </form>
  );
}
