'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { FormFooter } from '@/components/forms/FormFooter';
import { useActionForm } from '@/components/forms/fields';
import { itemInput } from '@/lib/domain/retrial/schemas';
import type { RetrialStepResult } from '@/modules/retrial/actions';

const GROUNDS = ['found_late_objective', 'known_not_obtainable', 'arose_after_hearing', 'submitted_not_examined'] as const;
const LIMITS = { description: 2000, explanation: 5000 };
/** The attachment store's limit (lib/data/attachments.ts MAX_ATTACHMENT_BYTES), checked here too so nothing large is sent. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Adds one evidence item (and optionally its file) to a matter; `version` is the matter's. */
export function EvidenceForm({ matterId, version, action }: { matterId: string; version: number; action: (prev: RetrialStepResult | null, form: FormData) => Promise<RetrialStepResult> }) {
  const t = useTranslations('retrial');
  const uid = useId();
  const [tooLarge, setTooLarge] = useState(false);
  const form = useActionForm({ id: uid, action, schema: itemInput, defaultValue: { ground: '' }, namespace: 'retrial' });
  const { pending } = form;

  function submit(e: React.FormEvent<HTMLFormElement>) {
    const file = new FormData(e.currentTarget).get('file');
    const large = file instanceof File && file.size > MAX_FILE_BYTES;
    setTooLarge(large);
    if (large) {
      e.preventDefault();
      return;
    }
    form.props.onSubmit(e);
  }

  const { field, error } = form;
  const label = (name: string, required: boolean) => form.label(name, t(`fields.${name}`), required);

  return (
    <form {...form.props} onSubmit={submit} className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4" aria-labelledby={`${uid}-title`} data-testid="add-evidence">
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
        <input
          {...field('file')}
          {...(tooLarge ? { 'aria-invalid': true, 'aria-describedby': `${uid}-file-error` } : {})}
          defaultValue={undefined}
          type="file"
          accept=".pdf,.png,.jpg,.jpeg,.txt,.doc,.docx"
          className="mt-1 block text-sm"
        />
        {tooLarge ? (
          <p id={`${uid}-file-error`} className="mt-1 text-sm text-red-700">
            {form.message('attachmentTooLarge')}
          </p>
        ) : (
          error('file')
        )}
      </div>
      <FormFooter pending={pending} label={t('steps.addItem.button')} problem={form.problem ?? (tooLarge ? 'checkFields' : undefined)} message={form.message} className="flex flex-wrap items-center gap-3" />
    </form>
  );
}
