'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useState } from 'react';
import { FormFooter } from '@/components/forms/FormFooter';
import { fieldErrorsOf, useFieldHelpers } from '@/components/forms/fields';
import { useErrorText } from '@/components/forms/useErrorText';
import { useFormAction } from '@/components/useFormAction';
import type { RetrialStepResult } from '@/modules/retrial/actions';

const GROUNDS = ['found_late_objective', 'known_not_obtainable', 'arose_after_hearing', 'submitted_not_examined'] as const;
const LIMITS = { description: 2000, explanation: 5000 };
/** The attachment store's limit (lib/data/attachments.ts MAX_ATTACHMENT_BYTES), checked here too so nothing large is sent. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Adds one evidence item (and optionally its file) to a matter; `version` is the matter's. */
export function EvidenceForm({ matterId, version, action }: { matterId: string; version: number; action: (prev: RetrialStepResult | null, form: FormData) => Promise<RetrialStepResult> }) {
  const t = useTranslations('retrial');
  const errorText = useErrorText('retrial');
  const router = useRouter();
  const uid = useId();
  const { state, pending, formRef, onSubmit } = useFormAction(action);
  const [tooLarge, setTooLarge] = useState(false);
  const errors = { ...fieldErrorsOf(state), ...(tooLarge ? { file: 'attachmentTooLarge' } : {}) };
  const fields = useFieldHelpers(uid, errors, { message: errorText });

  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);

  function submit(e: React.FormEvent<HTMLFormElement>) {
    const file = new FormData(e.currentTarget).get('file');
    const large = file instanceof File && file.size > MAX_FILE_BYTES;
    setTooLarge(large);
    if (large) {
      e.preventDefault();
      return;
    }
    onSubmit(e);
  }

  const { field, error } = fields;
  const label = (name: string, required: boolean) => fields.label(name, t(`fields.${name}`), required);

  return (
    <form ref={formRef} onSubmit={submit} noValidate encType="multipart/form-data" className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4" aria-labelledby={`${uid}-title`} data-testid="add-evidence">
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
        <select {...field('ground')} defaultValue="">
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
        <input {...field('file')} type="file" accept=".pdf,.png,.jpg,.jpeg,.txt,.doc,.docx" className="mt-1 block text-sm" />
        {error('file')}
      </div>
      <FormFooter pending={pending} label={t('steps.addItem.button')} state={state} message={errorText} className="flex flex-wrap items-center gap-3" />
    </form>
  );
}
