'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { FileInput } from '@/components/forms/FileInput';
import { useActionForm, type FormAction } from '@/components/forms/fields';
import type { StepActionResult } from '@/lib/web/forms';

export type { StepActionResult };

export type StepField =
  | { kind: 'textarea' | 'text' | 'date' | 'datetime-local' | 'number' | 'file'; name: string; label: string; required?: boolean; defaultValue?: string; maxLength?: number; help?: string }
  | { kind: 'select' | 'radio'; name: string; label: string; required?: boolean; defaultValue?: string; options: { value: string; label: string }[] };

export interface StepFormProps {
  id: string;
  version: number;
  title: string;
  help?: string;
  fields: StepField[];
  buttons: { step: string; label: string; tone?: 'primary' | 'secondary' | 'danger' }[];
  action: FormAction<{ id: string; newId?: string }>;
  /** Extra hidden inputs (e.g. the item a step is about). */
  hidden?: Record<string, string>;
  testId?: string;
}

const TONE = {
  primary: 'bg-brand-600 text-white hover:bg-brand-700',
  secondary: 'border border-slate-300 bg-white hover:bg-slate-100',
  danger: 'bg-red-700 text-white hover:bg-red-800',
};

/** One step on a record: its fields, its button(s), and the localized outcome (a Conform form on the step's action). */
export function StepForm({ id, version, title, help, fields, buttons, action, hidden, testId }: StepFormProps) {
  const tc = useTranslations('common');
  const uid = useId();
  const defaultValue = Object.fromEntries(fields.filter((f) => f.defaultValue !== undefined).map((f) => [f.name, f.defaultValue]));
  const form = useActionForm({ id: uid, action, defaultValue });
  const { state, pending, problem, message, value } = form;
  return (
    <form {...form.props} data-testid={testId} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby={`${uid}-title`}>
      <h3 id={`${uid}-title`} className="font-semibold">
        {title}
      </h3>
      {help && <p className="text-sm text-slate-600">{help}</p>}
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      {Object.entries(hidden ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {fields.map((f) => {
        const common = form.field(f.name);
        return (
          <div key={f.name}>
            {f.kind === 'radio' ? (
              <fieldset {...form.aria(f.name)}>
                <legend className="text-sm font-medium">{f.label}</legend>
                <div className="mt-1 flex flex-wrap gap-4">
                  {f.options.map((o) => (
                    <label key={o.value} className="flex items-center gap-2 text-sm">
                      <input type="radio" name={f.name} value={o.value} defaultChecked={o.value === value(f.name)} />
                      {o.label}
                    </label>
                  ))}
                </div>
              </fieldset>
            ) : (
              <>
                {form.label(f.name, f.label, f.required ?? false)}
                {f.kind === 'textarea' ? (
                  <textarea {...common} rows={4} maxLength={f.maxLength} className="mt-1 block w-full rounded border border-slate-300 px-3 py-2 text-sm" />
                ) : f.kind === 'select' ? (
                  <select {...common} defaultValue={value(f.name) ?? ''} className="mt-1 block w-full max-w-full rounded border border-slate-300 px-3 py-2 text-sm">
                    {!f.defaultValue && <option value="">{tc('choose')}</option>}
                    {f.options.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                ) : f.kind === 'file' ? (
                  <FileInput
                    id={common.id}
                    name={common.name}
                    invalid={!!common['aria-invalid']}
                    describedBy={common['aria-describedby']}
                    message={message}
                    className="mt-1 block w-full max-w-md rounded border border-slate-300 px-3 py-2 text-sm"
                  />
                ) : (
                  <input {...common} type={f.kind} maxLength={'maxLength' in f ? f.maxLength : undefined} className="mt-1 block w-full max-w-md rounded border border-slate-300 px-3 py-2 text-sm" />
                )}
                {'help' in f && f.help && <p className="mt-1 text-xs text-slate-500">{f.help}</p>}
              </>
            )}
            {form.error(f.name)}
          </div>
        );
      })}
      <div className="flex flex-wrap items-center gap-3">
        {buttons.map((b) => (
          <button
            key={b.step}
            type="submit"
            name="step"
            value={b.step}
            disabled={pending}
            className={`rounded px-4 py-2 text-sm font-medium disabled:opacity-60 ${TONE[b.tone ?? 'primary']}`}
          >
            {b.label}
          </button>
        ))}
        <div aria-live="polite" className="text-sm">
          {problem && (
            <p role="alert" className="text-red-700">
              {message(problem)}
            </p>
          )}
          {state?.status === 'success' && (
            <p role="status" className="text-green-800">
              {tc('done')}
            </p>
          )}
        </div>
      </div>
    </form>
  );
}
