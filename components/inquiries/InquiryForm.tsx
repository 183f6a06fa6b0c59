'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useFormAction } from '@/components/useFormAction';
import type { SendResult } from '@/app/(app)/inquiries/actions';

type Option = { id: string; label: string };
const LIMITS = { courtCaseNumber: 64, question: 5000 };

/** The "new inquiry" form: field errors are localized from errors.* or, for this feature's own codes, inquiries.errors.*. */
export function InquiryForm({
  action,
  courts,
  cases,
  today,
}: {
  action: (prev: SendResult | null, form: FormData) => Promise<SendResult>;
  courts: Option[];
  cases: (Option & { courtCaseNumber: string | null })[];
  today: string;
}) {
  const t = useTranslations('inquiries');
  const te = useTranslations('errors');
  const router = useRouter();
  const { state, pending, formRef, onSubmit } = useFormAction(action);
  const [caseNumber, setCaseNumber] = useState('');
  const errors = state && !state.ok ? state.fieldErrors : {};

  useEffect(() => {
    if (state?.ok && state.data) router.push(`/inquiries/${state.data.id}`);
  }, [state, router]);

  const message = (code: string) => (te.has(code) ? te(code) : t.has(`errors.${code}`) ? t(`errors.${code}`) : te('invalid'));
  const field = (name: string) => ({
    id: `inq-${name}`,
    name,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': [`inq-${name}-help`, errors[name] ? `inq-${name}-error` : ''].filter(Boolean).join(' '),
    className: 'mt-1 block w-full rounded border border-slate-300 px-3 py-2 text-sm',
  });
  const label = (name: string, key: string, required = true) => (
    <label htmlFor={`inq-${name}`} className="block text-sm font-medium">
      {t(key)}
      {required && <span aria-hidden="true" className="text-red-700"> *</span>}
    </label>
  );
  const help = (name: string, key: string) => (
    <p id={`inq-${name}-help`} className="mt-1 text-xs text-slate-500">
      {t(key)}
    </p>
  );
  const error = (name: string) =>
    errors[name] ? (
      <p id={`inq-${name}-error`} className="mt-1 text-sm text-red-700">
        {message(errors[name])}
      </p>
    ) : null;

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-5" data-testid="inquiry-form">
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          {label('courtId', 'fields.court')}
          <select {...field('courtId')} defaultValue={courts[0]?.id ?? ''}>
            {courts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
          {help('courtId', 'form.courtHelp')}
          {error('courtId')}
        </div>
        <div>
          {label('caseId', 'fields.case', false)}
          <select
            {...field('caseId')}
            defaultValue=""
            onChange={(e) => {
              // Picking a case fills in its court case number when none has been typed yet.
              const c = cases.find((x) => x.id === e.target.value);
              if (c?.courtCaseNumber && !caseNumber) setCaseNumber(c.courtCaseNumber);
            }}
          >
            <option value="">{t('form.noCase')}</option>
            {cases.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
          {help('caseId', 'form.caseHelp')}
          {error('caseId')}
        </div>
        <div>
          {label('courtCaseNumber', 'fields.courtCaseNumber')}
          <input
            {...field('courtCaseNumber')}
            value={caseNumber}
            onChange={(e) => setCaseNumber(e.target.value)}
            maxLength={LIMITS.courtCaseNumber}
            placeholder="(2026)青0103执123号"
            autoComplete="off"
          />
          {help('courtCaseNumber', 'form.courtCaseNumberHelp')}
          {error('courtCaseNumber')}
        </div>
        <div>
          {label('sentOn', 'fields.sentOn')}
          <input {...field('sentOn')} type="date" defaultValue={today} max={today} />
          {help('sentOn', 'form.sentOnHelp')}
          {error('sentOn')}
        </div>
      </div>
      <div>
        {label('question', 'fields.question')}
        <textarea {...field('question')} rows={6} maxLength={LIMITS.question} />
        {help('question', 'form.questionHelp')}
        {error('question')}
      </div>
      <div className="flex items-center gap-4">
        <button type="submit" disabled={pending} className="rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {pending ? t('form.sending') : t('form.submit')}
        </button>
        <div aria-live="polite">
          {state && !state.ok && (
            <p role="alert" className="text-sm text-red-700">
              {te(state.formError ?? 'checkFields')}
            </p>
          )}
        </div>
      </div>
    </form>
  );
}
