'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormFooter } from '@/components/forms/FormFooter';
import { Options, useActionForm } from '@/components/forms/fields';
import { sendInput } from '@/lib/domain/leads/schemas';
import type { SendLeadResult } from '@/modules/leads/actions';

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
  const form = useActionForm({
    id: 'lead',
    action,
    schema: sendInput,
    defaultValue: { counterpartId: counterparts[0]?.id ?? '', subtype: '', caseId: '' },
    message: (code) => (te.has(code) ? te(code) : te('invalid')),
    helpFirst: true,
  });
  const { pending } = form;
  const [kind, setKind] = useState<string>(form.value('kind') ?? 'false_litigation');

  const { field, error } = form;
  const label = (name: string, key: string, required = true) => form.label(name, t(key), required);
  const help = (name: string, key: string) => form.help(name, t(key));

  return (
    <form {...form.props} className="space-y-5" data-testid="lead-form">
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          {label('counterpartId', 'fields.counterpart')}
          <select {...field('counterpartId', true)}>
            <Options items={counterparts} />
          </select>
          {help('counterpartId', 'form.counterpartHelp')}
          {error('counterpartId')}
        </div>
        <div>
          {label('kind', 'fields.kind')}
          <select {...field('kind')} defaultValue={undefined} value={kind} onChange={(e) => setKind(e.target.value)}>
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
            <select {...field('subtype', true)}>
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
            <select {...field('caseId', true)}>
              <option value="">{t('form.noCase')}</option>
              <Options items={cases} />
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
      <FormFooter pending={pending} label={t('form.submit')} pendingLabel={t('form.sending')} problem={form.problem} />
    </form>
  );
}
