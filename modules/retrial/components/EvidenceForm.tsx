'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { FileInput } from '@/components/forms/FileInput';
import { FormFooter } from '@/components/forms/FormFooter';
import { useActionForm } from '@/components/forms/fields';
import { itemInput } from '@/lib/domain/retrial/schemas';
import type { RetrialStepResult } from '@/modules/retrial/actions';

const GROUNDS = ['found_late_objective', 'known_not_obtainable', 'arose_after_hearing', 'submitted_not_examined'] as const;
const LIMITS = { description: 2000, explanation: 5000 };

/** Adds one evidence item (and optionally its file) to a matter; `version` is the matter's. */
export function EvidenceForm({ matterId, version, action }: { matterId: string; version: number; action: (prev: RetrialStepResult | null, form: FormData) => Promise<RetrialStepResult> }) {
  const t = useTranslations('retrial');
  const uid = useId();
  const form = useActionForm({ id: uid, action, schema: itemInput, defaultValue: { ground: '' }, namespace: 'retrial' });
  const { pending } = form;

  const { field, error } = form;
  const { id: fileId, name: fileName, 'aria-invalid': fileInvalid, 'aria-describedby': fileDescribedBy } = field('file');
  const fileAttrs = { id: fileId, name: fileName, invalid: !!fileInvalid, describedBy: fileDescribedBy };
  const label = (name: string, required: boolean) => form.label(name, t(`fields.${name}`), required);

  return (
    <form {...form.props} className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4" aria-labelledby={`${uid}-title`} data-testid="add-evidence">
      <h3 id={`${uid}-title`} className="font-semibold">
        {t('steps.addItem.title')}
      </h3>
      <p className="text-sm text-slate-600">{t('steps.addItem.help')}</p>
      <input type="hidden" name="id" value={matterId} />
      <input type="hidden" name="version" value={version} />
      <div>
        {label('description', true)}
        <textarea {...field('description')} rows={2} maxLength={LIMITS.description} />
        {error('description')}
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          {label('formedOn', false)}
          <input {...field('formedOn')} type="date" />
          {error('formedOn')}
        </div>
        <div>
          {label('foundOn', false)}
          <input {...field('foundOn')} type="date" />
          {error('foundOn')}
        </div>
      </div>
      <div>
        {label('ground', true)}
        <select {...field('ground')}>
          <option value="">—</option>
          {GROUNDS.map((g) => (
            <option key={g} value={g}>
              {t(`ground.${g}`)}
            </option>
          ))}
        </select>
        {error('ground')}
      </div>
      <div>
        {label('groundExplanation', true)}
        <textarea {...field('groundExplanation')} rows={2} maxLength={LIMITS.explanation} />
        {error('groundExplanation')}
      </div>
      <div>
        {label('file', false)}
        <FileInput {...fileAttrs} error={error('file')} message={form.message} />
      </div>
      <FormFooter pending={pending} label={t('steps.addItem.button')} problem={form.problem} message={form.message} className="flex flex-wrap items-center gap-3" />
    </form>
  );
}
