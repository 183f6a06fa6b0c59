'use client';

import { useTranslations } from 'next-intl';
import { useActionForm, type FormAction } from '@/components/forms/fields';
import { InlineOutcome } from '@/components/forms/InlineOutcome';

/** The administrator verifies the audit chains now; the answer says the result and the count. */
export function AuditVerifyButton({ action }: { action: FormAction<{ ok: boolean; events: number }> }) {
  const t = useTranslations();
  const form = useActionForm({ id: 'audit-verify', action });
  const { state, pending, refusal } = form;
  const done = state?.status === 'success' ? state.data : undefined;
  return (
    <form {...form.props} className="mt-3">
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60"
      >
        {pending ? t('auditChain.verifying') : t('auditChain.verify')}
      </button>
      <InlineOutcome size="sm" status={done ? t(done.ok ? 'auditChain.verifiedNow' : 'auditChain.brokenNow', { count: done.events }) : null} refusal={refusal} />
    </form>
  );
}
