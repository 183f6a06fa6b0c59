'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { FieldErrorText } from '@/components/FieldError';
import { useFormAction } from '@/components/useFormAction';
import type { OpenCaseResult } from '@/app/(app)/cases/actions';

type Option = { id: string; label: string };

const KINDS = ['civil', 'administrative', 'enforcement', 'non_litigation', 'civil_retrial', 'public_interest'] as const;
const SUBTYPES = ['elderly_care_services', 'projects', 'products', 'home_equity', 'pension_insurance', 'assistance'] as const;
const LIMITS = { title: 200, parties: 2000, courtCaseNumbers: 1400 };

/** Opening a supervision case: the number is given by the system when the case is saved. */
export function NewCaseForm({
  action,
  courts,
  procurators,
  defaultHandlerId,
  today,
}: {
  action: (prev: OpenCaseResult | null, form: FormData) => Promise<OpenCaseResult>;
  courts: (Option & { departments: Option[] })[];
  procurators: Option[];
  defaultHandlerId: string;
  today: string;
}) {
  const t = useTranslations('cases');
  const te = useTranslations('errors');
  const router = useRouter();
  const { state, pending, formRef, onSubmit } = useFormAction(action);
  const [courtId, setCourtId] = useState(courts[0]?.id ?? '');
  const court = courts.find((c) => c.id === courtId);
  const errors = state && !state.ok ? state.fieldErrors : {};

  useEffect(() => {
    if (state?.ok && state.data) router.push(`/cases/${state.data.id}`);
  }, [state, router]);

  const field = (name: string, help = false) => ({
    id: `case-${name}`,
    name,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': [errors[name] ? `case-${name}-error` : '', help ? `case-${name}-help` : ''].filter(Boolean).join(' ') || undefined,
    className: 'mt-1 block w-full rounded border border-slate-300 px-3 py-2 text-sm',
  });
  const label = (name: string, text: string, required = true) => (
    <label htmlFor={`case-${name}`} className="block text-sm font-medium">
      {text}
      {required && <span aria-hidden="true" className="text-red-700"> *</span>}
    </label>
  );

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-5" data-testid="new-case-form">
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          {label('kind', t('fields.kind'))}
          <select {...field('kind', true)} defaultValue="civil">
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
          <p id="case-kind-help" className="mt-1 text-xs text-slate-500">{t('form.numberHelp')}</p>
          <FieldErrorText id="case-kind-error" code={errors.kind} />
        </div>
        <div>
          {label('acceptedOn', t('fields.acceptedOn'))}
          <input {...field('acceptedOn', true)} type="date" defaultValue={today} max={today} required />
          <p id="case-acceptedOn-help" className="mt-1 text-xs text-slate-500">{t('form.acceptedOnHelp')}</p>
          <FieldErrorText id="case-acceptedOn-error" code={errors.acceptedOn} />
        </div>
        <div className="md:col-span-2">
          {label('title', t('fields.title'))}
          <input {...field('title')} maxLength={LIMITS.title} required />
          <FieldErrorText id="case-title-error" code={errors.title} />
        </div>
        <div className="md:col-span-2">
          {label('parties', t('fields.parties'))}
          <textarea {...field('parties')} rows={2} maxLength={LIMITS.parties} required placeholder={t('form.partiesPlaceholder')} />
          <FieldErrorText id="case-parties-error" code={errors.parties} />
        </div>
        <div>
          {label('courtId', t('fields.court'))}
          <select {...field('courtId')} value={courtId} onChange={(e) => setCourtId(e.target.value)}>
            {courts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
          <FieldErrorText id="case-courtId-error" code={errors.courtId} />
        </div>
        <div>
          {label('courtDepartmentId', t('fields.courtDepartment'), false)}
          <select {...field('courtDepartmentId')} key={courtId} defaultValue="">
            <option value="">{t('form.noDepartment')}</option>
            {court?.departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
          </select>
          <FieldErrorText id="case-courtDepartmentId-error" code={errors.courtDepartmentId} />
        </div>
        <div>
          {label('handlerId', t('fields.handler'))}
          <select {...field('handlerId')} defaultValue={defaultHandlerId}>
            {procurators.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
          <FieldErrorText id="case-handlerId-error" code={errors.handlerId} />
        </div>
        <div>
          {label('courtCaseNumbers', t('fields.courtCaseNumbers'), false)}
          <textarea {...field('courtCaseNumbers', true)} rows={3} maxLength={LIMITS.courtCaseNumbers} placeholder={'(2025)青0103民初123号\n(2026)青01民终45号'} />
          <p id="case-courtCaseNumbers-help" className="mt-1 text-xs text-slate-500">{t('form.courtCaseNumbersHelp')}</p>
          <FieldErrorText id="case-courtCaseNumbers-error" code={errors.courtCaseNumbers} />
        </div>
      </div>
      <fieldset className="rounded border border-slate-200 p-4">
        <legend className="px-1 text-sm font-medium">{t('fields.tags')}</legend>
        <p className="text-xs text-slate-500">{t('form.tagsHelp')}</p>
        <div className="mt-3 flex flex-wrap gap-6">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="falseLitigation" value="yes" />
            {t('tag.false_litigation')}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="socialConflict" value="yes" />
            {t('tag.social_conflict')}
          </label>
        </div>
        <div className="mt-3 max-w-md">
          <label htmlFor="case-pensionFraud" className="block text-sm font-medium">
            {t('fields.pensionFraud')}
          </label>
          <select {...field('pensionFraud')} defaultValue="">
            <option value="">{t('form.noPensionFraud')}</option>
            {SUBTYPES.map((s) => (
              <option key={s} value={s}>
                {t(`pensionFraud.${s}`)}
              </option>
            ))}
          </select>
          <FieldErrorText id="case-pensionFraud-error" code={errors.pensionFraud} />
        </div>
      </fieldset>
      <div className="flex items-center gap-4">
        <button type="submit" disabled={pending} className="rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {pending ? t('form.saving') : t('form.save')}
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
