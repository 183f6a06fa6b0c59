'use client';

import { useTranslations } from 'next-intl';
import { useActionForm, type FormAction } from '@/components/forms/fields';
import { InlineOutcome } from '@/components/forms/InlineOutcome';

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
  // One button, no fields to mark: the refusal's first code, field or form.
  const { pending, refusal } = form;
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
      <InlineOutcome refusal={refusal} />
    </form>
  );
}
