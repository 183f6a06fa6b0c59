'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { FileInput } from '@/components/forms/FileInput';
import { FormFooter } from '@/components/forms/FormFooter';
import { useActionForm, type FormAction } from '@/components/forms/fields';
import { THREAD_LIMITS } from '@/lib/domain/threads/rules';
import { postInput } from '@/lib/domain/threads/schemas';

export interface Candidate {
  id: string;
  name: string;
  title: string | null;
  own: boolean;
}

/**
 * One composer of a record's thread. The message composer and the note composer are two
 * instances with two different actions (the audience is the action's, never a form field) and
 * two different looks: a note is marked as internal all over.
 */
export function ThreadComposer({
  variant,
  action,
  recordType,
  recordId,
  candidates,
  corrects,
}: {
  variant: 'message' | 'note';
  action: FormAction<{ id: string }>;
  recordType: string;
  recordId: string;
  candidates: Candidate[];
  /** The user's own earlier messages of this audience, which a new one may correct. */
  corrects: { id: string; label: string }[];
}) {
  const t = useTranslations('threads');
  const uid = useId();
  const form = useActionForm({ id: `${variant}-${uid}`, action, schema: postInput, namespace: 'threads' });
  const { field, error } = form;
  const files = field('files');
  const mentions = field('mentions');
  const note = variant === 'note';
  return (
    <form
      {...form.props}
      encType="multipart/form-data"
      aria-labelledby={`${form.props.id}-title`}
      data-testid={note ? 'note-composer' : 'message-composer'}
      className={note ? 'space-y-3 rounded-lg border-2 border-dashed border-amber-400 bg-amber-50 p-4' : 'space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4'}
    >
      <h3 id={`${form.props.id}-title`} className="font-semibold">
        {t(`composer.${variant}.title`)}
      </h3>
      <p className={note ? 'text-sm font-medium text-amber-900' : 'text-sm text-slate-600'}>{t(`composer.${variant}.help`)}</p>
      <input type="hidden" name="recordType" value={recordType} />
      <input type="hidden" name="recordId" value={recordId} />
      {error('recordId')}
      <div>
        {form.label('body', t(`composer.${variant}.body`), true)}
        <textarea {...field('body', true)} rows={4} maxLength={THREAD_LIMITS.body} />
        {form.help('body', t('composer.bodyHelp', { max: THREAD_LIMITS.body }))}
        {error('body')}
      </div>
      {candidates.length > 0 && (
        <div>
          {form.label('mentions', t('composer.mentions'), false)}
          <select id={mentions.id} name="mentions" {...form.aria('mentions', true)} className={mentions.className} multiple size={Math.min(5, candidates.length)}>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
                {c.title ? ` · ${c.title}` : ''}
                {c.own ? '' : ` · ${t('composer.otherInstitution')}`}
              </option>
            ))}
          </select>
          {form.help('mentions', t('composer.mentionsHelp'))}
          {error('mentions')}
        </div>
      )}
      {corrects.length > 0 && (
        <div>
          {form.label('correctsId', t('composer.corrects'), false)}
          <select {...field('correctsId', true)}>
            <option value="">{t('composer.correctsNone')}</option>
            {corrects.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
          {form.help('correctsId', t('composer.correctsHelp'))}
          {error('correctsId')}
        </div>
      )}
      <div>
        {form.label('files', t('composer.files'), false)}
        <FileInput id={files.id} name="files" multiple invalid={!!files['aria-invalid']} describedBy={files['aria-describedby']} error={error('files')} message={form.message} />
      </div>
      <FormFooter pending={form.pending} label={t(`composer.${variant}.send`)} problem={form.problem} message={form.message} className="flex flex-wrap items-center gap-3" />
    </form>
  );
}
