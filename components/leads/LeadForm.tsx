'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useFormAction } from '@/components/useFormAction';
import type { SendLeadResult } from '@/app/(app)/leads/actions';

type Option = { id: string; label: string };
const KINDS = ['false_litigation', 'pension_fraud', 'other'] as const;
const SUBTYPES = ['elderly_care_services', 'projects', 'products', 'home_equity', 'pension_insurance', 'assistance'] as const;
const LIMITS = { title: 200, summary: 10000, courtCaseNumber: 64 };

/** "Send a lead": to the other institution of the pair; the pension-fraud category appears for pension fraud. */
export function LeadForm({
  action,
  counterparts,
  cases,
}: {
  action: (prev: SendLeadResult | null, form: FormData) => Promise<SendLeadResult>;
  counterparts: Option[];
  /** The procuratorate's own cases (empty for the court). */
  cases: Option[];
}) {
  const t = useTranslations('leads');
  const te = useTranslations('errors');
  const router = useRouter();
  const { state, pending, formRef, onSubmit } = useFormAction(action);
  const [kind, setKind] = useState<string>('false_litigation');
  const errors = state && !state.ok ? state.fieldErrors : {};

  useEffect(() => {
    if (state?.ok && state.data) router.push(`/leads/${state.data.id}`);
  }, [state, router]);

  const field = (name: string, withHelp = false) => ({
    id: `lead-${name}`,
    name,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': [withHelp ? `lead-${name}-help` : '', errors[name] ? `lead-${name}-error` : ''].filter(Boolean).join(' ') || undefined,
    className: 'mt-1 block w-full rounded border border-slate-300 px-3 py-2 text-sm',
  });
  const label = (name: string, key: string, required = true) => (
    <label htmlFor={`lead-${name}`} className="block text-sm font-medium">
      {t(key)}
      {required && <span aria-hidden="true" className="text-red-700"> *</span>}
    </label>
  );
  const help = (name: string, key: string) => (
    <p id={`lead-${name}-help`} className="mt-1 text-xs text-slate-500">
      {t(key)}
    </p>
  );
  const error = (name: string) =>
    errors[name] ? (
      <p id={`lead-${name}-error`} className="mt-1 text-sm text-red-700">
        {te.has(errors[name]) ? te(errors[name]) : te('invalid')}
      </p>
    ) : null;

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-5" data-testid="lead-form">
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          {label('counterpartId', 'fields.counterpart')}
          <select {...field('counterpartId', true)} defaultValue={counterparts[0]?.id ?? ''}>
            {counterparts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
          {help('counterpartId', 'form.counterpartHelp')}
          {error('counterpartId')}
        </div>
        <div>
          {label('kind', 'fields.kind')}
          <select {...field('kind')} value={kind} onChange={(e) => setKind(e.target.value)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
          {error('kind')}
        </div>
        {kind === 'pension_fraud' && (
          <div>
            {label('subtype', 'fields.subtype')}
            <select {...field('subtype', true)} defaultValue="">
              <option value="">—</option>
              {SUBTYPES.map((s) => (
                <option key={s} value={s}>
                  {t(`subtype.${s}`)}
                </option>
              ))}
            </select>
            {help('subtype', 'form.subtypeHelp')}
            {error('subtype')}
          </div>
        )}
        <div>
          {label('courtCaseNumber', 'fields.courtCaseNumber', false)}
          <input {...field('courtCaseNumber', true)} maxLength={LIMITS.courtCaseNumber} placeholder="(2026)青0103民初123号" autoComplete="off" />
          {help('courtCaseNumber', 'form.courtCaseNumberHelp')}
          {error('courtCaseNumber')}
        </div>
        {cases.length > 0 && (
          <div>
            {label('caseId', 'fields.case', false)}
            <select {...field('caseId', true)} defaultValue="">
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
        )}
      </div>
      <div>
        {label('title', 'fields.title')}
        <input {...field('title')} maxLength={LIMITS.title} />
        {error('title')}
      </div>
      <div>
        {label('summary', 'fields.summary')}
        <textarea {...field('summary')} rows={7} maxLength={LIMITS.summary} />
        {error('summary')}
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
