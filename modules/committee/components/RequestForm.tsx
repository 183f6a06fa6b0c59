'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { FormFooter } from '@/components/forms/FormFooter';
import { fieldErrorsOf, Options, useFieldHelpers } from '@/components/forms/fields';
import { useErrorText } from '@/components/forms/useErrorText';
import { useFormAction } from '@/components/useFormAction';
import type { ActionResult } from '@/lib/web/action';

type Option = { id: string; label: string };
const LIMITS = { courtCaseNumber: 64, reason: 5000 };

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
  const tc = useTranslations('common');
  const router = useRouter();
  const { state, pending, formRef, onSubmit } = useFormAction(action);
  const errors = fieldErrorsOf(state);
  const message = useErrorText('committee');
  const { field: attrs, label, error } = useFieldHelpers('rq', errors, { message });
  const numberRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (state?.ok && state.data) router.push(`/committee/requests/${state.data.id}`);
  }, [state, router]);

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="max-w-3xl space-y-5" data-testid="request-form">
      <div>
        {label('courtId', t('fields.court'))}
        <select {...attrs('courtId')} defaultValue={courts[0]?.id}>
          <Options items={courts} />
        </select>
        {error('courtId')}
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
          <Options items={cases} />
        </select>
        {error('caseId')}
      </div>
      <div>
        {label('courtCaseNumber', t('fields.courtCaseNumber'))}
        <input {...attrs('courtCaseNumber')} ref={numberRef} maxLength={LIMITS.courtCaseNumber} placeholder="(2026)青0103刑初215号" />
        {error('courtCaseNumber')}
      </div>
      <div>
        {label('reason', t('fields.reason'))}
        <textarea {...attrs('reason')} rows={5} maxLength={LIMITS.reason} />
        <p className="mt-1 text-xs text-slate-500">{t('requests.reasonHelp')}</p>
        {error('reason')}
      </div>
      <FormFooter pending={pending} label={t('requests.submit')} pendingLabel={tc('working')} state={state} className="flex flex-wrap items-center gap-4" />
    </form>
  );
}
