'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormFooter } from '@/components/forms/FormFooter';
import { Options, useActionForm, type FormAction } from '@/components/forms/fields';
import { draftInput, editInput, LIMITS } from '@/lib/domain/recommendations/schemas';
import type { DraftResult, StepResult } from '@/modules/recommendations/actions';

type Option = { id: string; label: string };
type Court = Option & { departments: Option[] };
type Values = Partial<Record<string, string | number | boolean | null>>;
type AnyDraftAction =
  | ((prev: DraftResult | null, form: FormData) => Promise<DraftResult>)
  | ((prev: StepResult | null, form: FormData) => Promise<StepResult>);

const TYPES = ['correction', 'retrial', 'public_interest', 'social_governance', 'enforcement', 'other'] as const;

/** New draft (no `values.id`) or edit of a draft/returned recommendation (with id and version). */
export function DraftForm({
  action,
  courts,
  cases,
  values,
}: {
  action: AnyDraftAction;
  courts: Court[];
  cases: (Option & { courtCaseNumber: string | null })[];
  values?: Values;
}) {
  const t = useTranslations('recommendations');
  // Both actions answer with the record's id (and go to the record); the form only needs that.
  const form = useActionForm({
    id: 'rec',
    action: action as FormAction<{ id: string }>,
    schema: values?.id ? editInput : draftInput,
    defaultValue: Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [k, v == null ? undefined : String(v)])),
  });
  const { pending, field, error, value } = form;
  const [type, setType] = useState(value('type') ?? 'correction');
  const [courtId, setCourtId] = useState(value('addresseeCourtId') ?? courts[0]?.id ?? '');
  const court = courts.find((c) => c.id === courtId);

  const label = (name: string, key: string, required = true) => form.label(name, t(key), required);

  return (
    <form {...form.props} className="space-y-5">
      {values?.id && <input type="hidden" name="id" value={String(values.id)} />}
      {values?.version && <input type="hidden" name="version" value={String(values.version)} />}
      {values?.id && <input type="hidden" name="step" value="edit" />}
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          {label('type', 'fields.type')}
          <select {...field('type')} defaultValue={undefined} value={type} onChange={(e) => setType(e.target.value)}>
            {TYPES.map((x) => (
              <option key={x} value={x}>
                {t(`type.${x}`)}
              </option>
            ))}
          </select>
          <p className="mt-1 text-xs text-slate-500">{t(`form.typeHelp.${type}`)}</p>
          {error('type')}
        </div>
        <div>
          {label('title', 'fields.title')}
          <input {...field('title')} maxLength={LIMITS.title} required />
          {error('title')}
        </div>
        <div>
          {label('addresseeCourtId', 'fields.addresseeCourt')}
          <select {...field('addresseeCourtId')} defaultValue={undefined} value={courtId} onChange={(e) => setCourtId(e.target.value)}>
            <Options items={courts} />
          </select>
          {error('addresseeCourtId')}
        </div>
        <div>
          {label('addresseeDepartmentId', 'fields.addresseeDepartment', false)}
          <select {...field('addresseeDepartmentId')} key={courtId}>
            <option value="">{t('form.noDepartment')}</option>
            <Options items={court?.departments ?? []} />
          </select>
          {error('addresseeDepartmentId')}
        </div>
        <div>
          {label('caseId', 'fields.case', false)}
          <select {...field('caseId')}>
            <option value="">{t('form.noCase')}</option>
            <Options items={cases} />
          </select>
          {error('caseId')}
        </div>
        <div>
          {label('courtCaseNumber', 'fields.courtCaseNumber', false)}
          <input {...field('courtCaseNumber')} maxLength={LIMITS.courtCaseNumber} placeholder="(2025)青0103民初123号" />
          {error('courtCaseNumber')}
        </div>
      </div>
      {(['facts', 'violation', 'recommendationText'] as const).map((name) => (
        <div key={name}>
          {label(name, `fields.${name}`)}
          <textarea {...field(name)} rows={5} maxLength={LIMITS.longText} required />
          {error(name)}
        </div>
      ))}
      <div>
        {label('legalBasis', 'fields.legalBasis')}
        <textarea {...field('legalBasis')} rows={3} maxLength={LIMITS.legalBasis} required />
        {error('legalBasis')}
      </div>
      <fieldset className="rounded border border-slate-200 p-4">
        <legend className="px-1 text-sm font-medium">{t('form.periodLegend')}</legend>
        <p className="text-xs text-slate-500">{t('form.periodHelp')}</p>
        {type === 'public_interest' && (
          <div className="mt-3 flex items-center gap-2">
            <input id="rec-urgent" type="checkbox" name="urgent" value="true" defaultChecked={value('urgent') === 'true' || value('urgent') === 'on'} />
            <label htmlFor="rec-urgent" className="text-sm">
              {t('fields.urgent')}
            </label>
          </div>
        )}
        <div className="mt-3 grid max-w-md grid-cols-2 gap-4">
          <div>
            {label('customPeriodMonths', 'fields.customPeriodMonths', false)}
            <input {...field('customPeriodMonths')} type="number" min={0} max={3} />
            {error('customPeriodMonths')}
          </div>
          <div>
            {label('customPeriodDays', 'fields.customPeriodDays', false)}
            <input {...field('customPeriodDays')} type="number" min={0} max={90} />
            {error('customPeriodDays')}
          </div>
        </div>
      </fieldset>
      <FormFooter pending={pending} label={t('form.save')} pendingLabel={t('form.saving')} problem={form.problem} />
    </form>
  );
}
