'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

/**
 * The end of a form: the submit button (disabled while the action runs) and, announced politely,
 * the form-level error of a refused submission ('checkFields' when only fields were refused).
 */
export function FormFooter({
  pending,
  label,
  pendingLabel,
  problem,
  message,
  className = 'flex items-center gap-4',
}: {
  pending: boolean;
  label: ReactNode;
  /** The button's text while the action runs; `label` when absent. */
  pendingLabel?: ReactNode;
  /** The form's error code (`useActionForm().problem`). */
  problem: string | undefined;
  /** The form error code in words; the shared errors.* by default. */
  message?: (code: string) => ReactNode;
  className?: string;
}) {
  const te = useTranslations('errors');
  return (
    <div className={className}>
      <button type="submit" disabled={pending} className="rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending && pendingLabel !== undefined ? pendingLabel : label}
      </button>
      <div aria-live="polite">
        {problem && (
          <p role="alert" className="text-sm text-red-700">
            {(message ?? te)(problem)}
          </p>
        )}
      </div>
    </div>
  );
}
