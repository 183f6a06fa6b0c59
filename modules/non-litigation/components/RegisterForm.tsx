'use client';

import { useTranslations } from 'next-intl';
import { FormFooter } from '@/components/forms/FormFooter';
import { Options, useActionForm } from '@/components/forms/fields';
import { registerInput } from '@/lib/domain/non-litigation/schemas';
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
  const counterpart = side === 'court' ? 'procuratorateId' : 'courtId';

  // This feature's own codes first (dates out of order, already registered), then the shared ones.
  const form = useActionForm({
    id: 'nl',
    action,
    schema: registerInput,
    defaultValue: { [counterpart]: counterparts[0]?.id ?? '', appliedOn: side === 'court' ? today : undefined },
    namespace: 'nonLitigation',
  });
  const { pending } = form;
  const { field, error } = form;
  const label = (name: string, required: boolean) => form.label(name, t(`fields.${name}`), required);

  return (
    <form {...form.props} className="space-y-5">
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          {label(counterpart, true)}
          <select {...field(counterpart)}>
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
            <input {...field('appliedOn')} type="date" max={today} />
            {error('appliedOn')}
          </div>
        </div>
        <div className="mt-3 flex items-center gap-2">
          <input id="nl-urgent" type="checkbox" name="urgent" value="true" defaultChecked={form.value('urgent') === 'true'} />
          <label htmlFor="nl-urgent" className="text-sm">
            {t('form.urgent')}
          </label>
        </div>
      </fieldset>
      <FormFooter pending={pending} label={t('form.save')} pendingLabel={t('form.saving')} problem={form.problem} />
    </form>
  );
}
