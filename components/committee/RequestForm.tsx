'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { useFormAction } from '@/components/useFormAction';
import type { ActionResult } from '@/lib/web/action';
import { CommitteeFieldError } from './FormError';

type Option = { id: string; label: string };
const LIMITS = { courtCaseNumber: 64, reason: 5000 };
const INPUT = 'mt-1 block w-full rounded border border-slate-300 px-3 py-2 text-sm';

/** The procuratorate asks the court to let it attend the committee on a case. */
export function RequestForm({
  action,
  courts,
  cases,
}: {
  action: (prev: ActionResult<{ id: string }> | null, form: FormData) => Promise<ActionResult<{ id: string }>>;
  courts: Option[];
  cases: (Option & { courtCaseNumber: string | null })[];
}) {
  const t = useTranslations('committee');
  const te = useTranslations('errors');
  const tc = useTranslations('common');
  const router = useRouter();
  const { state, pending, formRef, onSubmit } = useFormAction(action);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const numberRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (state?.ok && state.data) router.push(`/committee/requests/${state.data.id}`);
  }, [state, router]);

  const attrs = (name: string) => ({
    id: `rq-${name}`,
    name,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `rq-${name}-error` : undefined,
    className: INPUT,
  });
  const label = (name: string, text: string, required = true) => (
    <label htmlFor={`rq-${name}`} className="block text-sm font-medium">
      {text}
      {required && <span aria-hidden="true" className="text-red-700"> *</span>}
    </label>
  );

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="max-w-3xl space-y-5" data-testid="request-form">
      <div>
        {label('courtId', t('fields.court'))}
        <select {...attrs('courtId')} defaultValue={courts[0]?.id}>
          {courts.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
        <CommitteeFieldError id="rq-courtId-error" code={errors.courtId} />
      </div>
      <div>
        {label('caseId', t('fields.supervisionCase'), false)}
        <select
          {...attrs('caseId')}
          defaultValue=""
          onChange={(e) => {
            // Choosing a supervision case fills in its court case number when none is typed yet.
            const c = cases.find((x) => x.id === e.target.value);
            if (c?.courtCaseNumber && numberRef.current && !numberRef.current.value) numberRef.current.value = c.courtCaseNumber;
          }}
        >
          <option value="">{t('requests.noCase')}</option>
          {cases.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
        <CommitteeFieldError id="rq-caseId-error" code={errors.caseId} />
      </div>
      <div>
        {label('courtCaseNumber', t('fields.courtCaseNumber'))}
        <input {...attrs('courtCaseNumber')} ref={numberRef} maxLength={LIMITS.courtCaseNumber} placeholder="(2026)青0103刑初215号" />
        <CommitteeFieldError id="rq-courtCaseNumber-error" code={errors.courtCaseNumber} />
      </div>
      <div>
        {label('reason', t('fields.reason'))}
        <textarea {...attrs('reason')} rows={5} maxLength={LIMITS.reason} />
        <p className="mt-1 text-xs text-slate-500">{t('requests.reasonHelp')}</p>
        <CommitteeFieldError id="rq-reason-error" code={errors.reason} />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" disabled={pending} className="rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {pending ? tc('working') : t('requests.submit')}
        </button>
        <div aria-live="polite" className="text-sm">
          {state && !state.ok && (
            <p role="alert" className="text-red-700">
              {te(state.formError ?? 'checkFields')}
            </p>
          )}
        </div>
      </div>
    </form>
  );
}
