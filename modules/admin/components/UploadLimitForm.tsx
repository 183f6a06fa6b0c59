'use client';

import { useTranslations } from 'next-intl';
import { useActionForm, type FormAction } from '@/components/forms/fields';

/** The administrator sets the per-file upload limit (whole megabytes, 1–25); the change is audited. */
export function UploadLimitForm({ action, megabytes, version }: { action: FormAction<{ megabytes: number }>; megabytes: number; version: number }) {
  const t = useTranslations();
  const form = useActionForm({ id: 'upload-limit', action, defaultValue: { maxFileMegabytes: String(megabytes) } });
  const { state, pending, field, error, problem } = form;
  return (
    <form {...form.props} className="flex flex-wrap items-end gap-4">
      <input type="hidden" name="version" value={version} />
      <div>
        {form.label('maxFileMegabytes', t('users.uploadLimitLabel'), true)}
        <input {...field('maxFileMegabytes')} type="number" min={1} max={25} step={1} required />
        {error('maxFileMegabytes')}
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? t('common.working') : t('users.uploadLimitSave')}
      </button>
      <div aria-live="polite" className="basis-full">
        {state?.status === 'success' && state.data && (
          <p role="status" className="rounded bg-green-50 px-3 py-2 text-sm text-green-800">
            {t('users.uploadLimitSaved', { megabytes: state.data.megabytes })}
          </p>
        )}
        {problem && (
          <p role="alert" className="text-sm text-red-700">
            {t(`errors.${problem}`)}
          </p>
        )}
      </div>
    </form>
  );
}
