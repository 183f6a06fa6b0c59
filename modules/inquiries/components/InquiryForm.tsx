'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormFooter } from '@/components/forms/FormFooter';
import { Options, useActionForm } from '@/components/forms/fields';
import { sendInput } from '@/lib/domain/inquiries/schemas';
import type { SendResult } from '@/modules/inquiries/actions';

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

  const message = (code: string) => (te.has(code) ? te(code) : t.has(`errors.${code}`) ? t(`errors.${code}`) : te('invalid'));
  const form = useActionForm({ id: 'inq', action, schema: sendInput, defaultValue: { courtId: courts[0]?.id ?? '', caseId: '', sentOn: today }, message, helpFirst: true });
  const { pending } = form;
  const [caseNumber, setCaseNumber] = useState(form.value('courtCaseNumber') ?? '');
  // Every field here has its help text.
  const field = (name: string) => form.field(name, true);
  const label = (name: string, key: string, required = true) => form.label(name, t(key), required);
  const help = (name: string, key: string) => form.help(name, t(key));
  const { error } = form;

  return (
    <form {...form.props} className="space-y-5" data-testid="inquiry-form">
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          {label('courtId', 'fields.court')}
          <select {...field('courtId')}>
            <Options items={courts} />
          </select>
          {help('courtId', 'form.courtHelp')}
          {error('courtId')}
        </div>
        <div>
          {label('caseId', 'fields.case', false)}
          <select
            {...field('caseId')}
           
            onChange={(e) => {
              // Picking a case fills in its court case number when none has been typed yet.
              const c = cases.find((x) => x.id === e.target.value);
              if (c?.courtCaseNumber && !caseNumber) setCaseNumber(c.courtCaseNumber);
            }}
          >
            <option value="">{t('form.noCase')}</option>
            <Options items={cases} />
          </select>
          {help('caseId', 'form.caseHelp')}
          {error('caseId')}
        </div>
        <div>
          {label('courtCaseNumber', 'fields.courtCaseNumber')}
          <input
            {...field('courtCaseNumber')} defaultValue={undefined}
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
          <input {...field('sentOn')} type="date" max={today} />
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
      <FormFooter pending={pending} label={t('form.submit')} pendingLabel={t('form.sending')} problem={form.problem} />
    </form>
  );
}
