'use client';

import { useTranslations } from 'next-intl';
import { useActionForm, type FormAction } from '@/components/forms/fields';
import type { ImportSummary } from '@/modules/calendar/actions';

type Action = FormAction<ImportSummary>;

export function CalendarImportForm({ action }: { action: Action }) {
  const t = useTranslations();
  const form = useActionForm({ id: 'calendar', action });
  const { state, pending } = form;
  const fileError = state?.error?.file?.[0];
  const formError = state?.error?.['']?.[0];
  const summary = state?.status === 'success' ? state.data : undefined;
  return (
    <form {...form.props} className="space-y-3">
      <div>
        <label htmlFor="calendar-file" className="block text-sm font-medium">
          {t('calendar.file')}
        </label>
        <input
          id="calendar-file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          required
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? 'calendar-file-error calendar-file-help' : 'calendar-file-help'}
          className="mt-1 block text-sm"
        />
        <p id="calendar-file-help" className="mt-1 text-xs text-slate-500">
          {t('calendar.importHelp')}
        </p>
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? t('common.working') : t('calendar.importSubmit')}
      </button>
      <div aria-live="polite">
        {fileError && (
          <p id="calendar-file-error" role="alert" className="text-sm text-red-700">
            {t('calendar.file')}: {t(`errors.${fileError}`)}
          </p>
        )}
        {formError && (
          <p role="alert" className="text-sm text-red-700">
            {t(`errors.${formError}`)}
          </p>
        )}
        {summary?.kind === 'done' && (
          <p role="status" className="rounded bg-green-50 px-3 py-2 text-sm text-green-800">
            {t('calendar.importDone', {
              years: summary.years.join(', '),
              added: summary.added,
              changed: summary.changed,
              removed: summary.removed,
              unchanged: summary.unchanged,
            })}{' '}
            {t('calendar.dueDatesChanged', { count: summary.dueDatesChanged })}
          </p>
        )}
        {summary?.kind === 'rejected' && (
          <div role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
            <p className="font-medium">{t('calendar.importRejected')}</p>
            <ul className="mt-1 list-disc pl-5">
              {summary.errors.map((e, i) => (
                <li key={i}>
                  {t('calendar.importErrorLine', { line: e.line, field: e.field })} {t(`calendar.csvErrors.${e.code}`)}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </form>
  );
}
