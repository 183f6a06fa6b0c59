'use client';

import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { FormFooter } from '@/components/forms/FormFooter';
import { Options, useActionForm, type FormAction } from '@/components/forms/fields';
import { requestInput } from '@/lib/domain/committee/schemas';

type Option = { id: string; label: string };
const LIMITS = { courtCaseNumber: 64, reason: 5000 };

/** The procuratorate asks the court to let it attend the committee on a case. */
export function RequestForm({
  action,
  courts,
  cases,
}: {
  action: FormAction<{ id: string }>;
  courts: Option[];
  cases: (Option & { courtCaseNumber: string | null })[];
}) {
  const t = useTranslations('committee');
  const tc = useTranslations('common');
  const form = useActionForm({ id: 'rq', action, schema: requestInput, defaultValue: { courtId: courts[0]?.id, caseId: '' }, namespace: 'committee' });
  const { pending, field: attrs, label, error } = form;
  const numberRef = useRef<HTMLInputElement>(null);

  return (
    <form {...form.props} className="max-w-3xl space-y-5" data-testid="request-form">
      <div>
        {label('courtId', t('fields.court'))}
        <select {...attrs('courtId')}>
          <Options items={courts} />
        </select>
        {error('courtId')}
      </div>
      <div>
        {label('caseId', t('fields.supervisionCase'), false)}
        <select
          {...attrs('caseId')}
         
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
      <FormFooter pending={pending} label={t('requests.submit')} pendingLabel={tc('working')} problem={form.problem} className="flex flex-wrap items-center gap-4" />
    </form>
  );
}
