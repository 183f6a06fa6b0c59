'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormFooter } from '@/components/forms/FormFooter';
import { Options, useActionForm } from '@/components/forms/fields';
import { openCaseInput } from '@/lib/domain/cases/schemas';
import type { OpenCaseResult } from '@/modules/cases/actions';

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
  const form = useActionForm({ id: 'case', action, schema: openCaseInput, defaultValue: { kind: 'civil', acceptedOn: today, courtDepartmentId: '', handlerId: defaultHandlerId, pensionFraud: '' } });
  const { pending } = form;
  const [courtId, setCourtId] = useState(form.value('courtId') ?? courts[0]?.id ?? '');
  const court = courts.find((c) => c.id === courtId);
  const { field, label, help, error } = form;

  return (
    <form {...form.props} className="space-y-5" data-testid="new-case-form">
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          {label('kind', t('fields.kind'))}
          <select {...field('kind', true)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
          {help('kind', t('form.numberHelp'))}
          {error('kind')}
        </div>
        <div>
          {label('acceptedOn', t('fields.acceptedOn'))}
          <input {...field('acceptedOn', true)} type="date" max={today} required />
          {help('acceptedOn', t('form.acceptedOnHelp'))}
          {error('acceptedOn')}
        </div>
        <div className="md:col-span-2">
          {label('title', t('fields.title'))}
          <input {...field('title')} maxLength={LIMITS.title} required />
          {error('title')}
        </div>
        <div className="md:col-span-2">
          {label('parties', t('fields.parties'))}
          <textarea {...field('parties')} rows={2} maxLength={LIMITS.parties} required placeholder={t('form.partiesPlaceholder')} />
          {error('parties')}
        </div>
        <div>
          {label('courtId', t('fields.court'))}
          <select {...field('courtId')} defaultValue={undefined} value={courtId} onChange={(e) => setCourtId(e.target.value)}>
            <Options items={courts} />
          </select>
          {error('courtId')}
        </div>
        <div>
          {label('courtDepartmentId', t('fields.courtDepartment'), false)}
          <select {...field('courtDepartmentId')} key={courtId}>
            <option value="">{t('form.noDepartment')}</option>
            <Options items={court?.departments ?? []} />
          </select>
          {error('courtDepartmentId')}
        </div>
        <div>
          {label('handlerId', t('fields.handler'))}
          <select {...field('handlerId')}>
            <Options items={procurators} />
          </select>
          {error('handlerId')}
        </div>
        <div>
          {label('courtCaseNumbers', t('fields.courtCaseNumbers'), false)}
          <textarea {...field('courtCaseNumbers', true)} rows={3} maxLength={LIMITS.courtCaseNumbers} placeholder={'(2025)青0103民初123号\n(2026)青01民终45号'} />
          {help('courtCaseNumbers', t('form.courtCaseNumbersHelp'))}
          {error('courtCaseNumbers')}
        </div>
      </div>
      <fieldset className="rounded border border-slate-200 p-4">
        <legend className="px-1 text-sm font-medium">{t('fields.tags')}</legend>
        <p className="text-xs text-slate-500">{t('form.tagsHelp')}</p>
        <div className="mt-3 flex flex-wrap gap-6">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="falseLitigation" value="yes" defaultChecked={form.value('falseLitigation') === 'yes'} />
            {t('tag.false_litigation')}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="socialConflict" value="yes" defaultChecked={form.value('socialConflict') === 'yes'} />
            {t('tag.social_conflict')}
          </label>
        </div>
        <div className="mt-3 max-w-md">
          <label htmlFor="case-pensionFraud" className="block text-sm font-medium">
            {t('fields.pensionFraud')}
          </label>
          <select {...field('pensionFraud')}>
            <option value="">{t('form.noPensionFraud')}</option>
            {SUBTYPES.map((s) => (
              <option key={s} value={s}>
                {t(`pensionFraud.${s}`)}
              </option>
            ))}
          </select>
          {error('pensionFraud')}
        </div>
      </fieldset>
      <FormFooter pending={pending} label={t('form.save')} pendingLabel={t('form.saving')} problem={form.problem} />
    </form>
  );
}
