'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { FormFooter } from '@/components/forms/FormFooter';
import { fieldErrorsOf, Options, useFieldHelpers } from '@/components/forms/fields';
import { useErrorText } from '@/components/forms/useErrorText';
import { useFormAction } from '@/components/useFormAction';
import type { RegisterResult } from '@/modules/non-litigation/actions';

type Option = { id: string; label: string };
const LIMITS = { agency: 100, respondent: 200, decisionRef: 100, subject: 500 };

/**
 * Registering an application. The court records one it received (the application date is
 * required); the procuratorate one it learned of (decision data; demand and application dates as
 * far as known).
 */
export function RegisterForm({
  action,
  side,
  counterparts,
  today,
}: {
  action: (prev: RegisterResult | null, form: FormData) => Promise<RegisterResult>;
  side: 'court' | 'procuratorate';
  counterparts: Option[];
  today: string;
}) {
  const t = useTranslations('nonLitigation');
  const router = useRouter();
  const { state, pending, formRef, onSubmit } = useFormAction(action);
  const errors = fieldErrorsOf(state);
  const counterpart = side === 'court' ? 'procuratorateId' : 'courtId';

  useEffect(() => {
    if (state?.ok && state.data) router.push(`/non-litigation/${state.data.id}`);
  }, [state, router]);

  // This feature's own codes first (dates out of order, already registered), then the shared ones.
  const fields = useFieldHelpers('nl', errors, { message: useErrorText('nonLitigation') });
  const { field, error } = fields;
  const label = (name: string, required: boolean) => fields.label(name, t(`fields.${name}`), required);

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-5">
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          {label(counterpart, true)}
          <select {...field(counterpart)} defaultValue={counterparts[0]?.id ?? ''}>
            <Options items={counterparts} />
          </select>
          {error(counterpart)}
        </div>
        <div>
          {label('decisionRef', true)}
          <input {...field('decisionRef')} maxLength={LIMITS.decisionRef} placeholder={t('form.decisionRefPlaceholder')} />
          {error('decisionRef')}
        </div>
        <div>
          {label('agency', true)}
          <input {...field('agency')} maxLength={LIMITS.agency} placeholder={t('form.agencyPlaceholder')} />
          {error('agency')}
        </div>
        <div>
          {label('respondent', true)}
          <input {...field('respondent')} maxLength={LIMITS.respondent} />
          {error('respondent')}
        </div>
      </div>
      <div>
        {label('subject', true)}
        <textarea {...field('subject')} rows={3} maxLength={LIMITS.subject} />
        <p className="mt-1 text-xs text-slate-500">{t('form.subjectHelp')}</p>
        {error('subject')}
      </div>
      <fieldset className="rounded border border-slate-200 p-4">
        <legend className="px-1 text-sm font-medium">{t('form.datesLegend')}</legend>
        <p className="text-xs text-slate-500">{t(side === 'court' ? 'form.datesHelpCourt' : 'form.datesHelpProcuratorate')}</p>
        <div className="mt-3 grid gap-4 md:grid-cols-3">
          <div>
            {label('decisionFinalOn', true)}
            <input {...field('decisionFinalOn')} type="date" max={today} />
            {error('decisionFinalOn')}
          </div>
          <div>
            {label('demandServedOn', false)}
            <input {...field('demandServedOn')} type="date" max={today} />
            {error('demandServedOn')}
          </div>
          <div>
            {label('appliedOn', side === 'court')}
            <input {...field('appliedOn')} type="date" max={today} defaultValue={side === 'court' ? today : undefined} />
            {error('appliedOn')}
          </div>
        </div>
        <div className="mt-3 flex items-center gap-2">
          <input id="nl-urgent" type="checkbox" name="urgent" value="true" />
          <label htmlFor="nl-urgent" className="text-sm">
            {t('form.urgent')}
          </label>
        </div>
      </fieldset>
      <FormFooter pending={pending} label={t('form.save')} pendingLabel={t('form.saving')} state={state} />
    </form>
  );
}
