'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

/**
 * The answer beside a one-button form (end sessions, activate, verify): a polite status region
 * when the form reports a success (`status`, null until then), and the refusal's code in words.
 */
export function InlineOutcome({ status, refusal, size = 'xs' }: { status?: ReactNode; refusal: string | undefined; size?: 'xs' | 'sm' }) {
  const te = useTranslations('errors');
  const text = size === 'xs' ? 'text-xs' : 'text-sm';
  return (
    <>
      {status !== undefined && (
        <span role="status" className={`ml-2 ${text}`}>
          {status}
        </span>
      )}
      {refusal && <span role="alert" className={`ml-2 ${text} text-red-700`}>{te(refusal)}</span>}
    </>
  );
}
