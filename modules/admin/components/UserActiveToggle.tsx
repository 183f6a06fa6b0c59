'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/web/action';

type Action = (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;

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
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="inline">
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
      {state && !state.ok && (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {t(`errors.${state.formError ?? Object.values(state.fieldErrors)[0] ?? 'unexpected'}`)}
        </span>
      )}
    </form>
  );
}
