'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useId } from 'react';
import { useActionState, useRef, startTransition } from 'react';
import type { StepActionResult } from '@/lib/web/action';

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
  action: (prev: StepActionResult | null, form: FormData) => Promise<StepActionResult>;
  /** Where to go when the step created a new record (default: /recommendations/<newId>). */
  newRecordBase?: string;
  /** Extra hidden inputs (e.g. the item a step is about). */
  hidden?: Record<string, string>;
  /** Allows file fields (multipart). */
  testId?: string;
}

const TONE = {
  primary: 'bg-brand-600 text-white hover:bg-brand-700',
  secondary: 'border border-slate-300 bg-white hover:bg-slate-100',
  danger: 'bg-red-700 text-white hover:bg-red-800',
};

/** One step on a recommendation: its fields, its button(s), and the localized outcome. */
export function StepForm({ id, version, title, help, fields, buttons, action, newRecordBase = '/recommendations', hidden, testId }: StepFormProps) {
  const t = useTranslations('errors');
  const tc = useTranslations('common');
  const router = useRouter();
  const uid = useId();
  const [state, dispatch, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = state && !state.ok ? state.fieldErrors : {};

  useEffect(() => {
    if (!state?.ok || !state.data) return;
    formRef.current?.reset();
    if (state.data.newId) router.push(`${newRecordBase}/${state.data.newId}`);
    else router.refresh();
  }, [state, router, newRecordBase]);

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = new FormData(e.currentTarget, submitter);
    startTransition(() => dispatch(data));
  }

  const fid = (name: string) => `${uid}-${name}`;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate data-testid={testId} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby={`${uid}-title`}>
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
        const err = errors[f.name];
        const common = {
          id: fid(f.name),
          name: f.name,
          'aria-invalid': err ? true : undefined,
          'aria-describedby': err ? `${fid(f.name)}-error` : undefined,
        };
        return (
          <div key={f.name}>
            {f.kind === 'radio' ? (
              <fieldset aria-invalid={err ? true : undefined} aria-describedby={err ? `${fid(f.name)}-error` : undefined}>
                <legend className="text-sm font-medium">{f.label}</legend>
                <div className="mt-1 flex flex-wrap gap-4">
                  {f.options.map((o) => (
                    <label key={o.value} className="flex items-center gap-2 text-sm">
                      <input type="radio" name={f.name} value={o.value} defaultChecked={o.value === f.defaultValue} />
                      {o.label}
                    </label>
                  ))}
                </div>
              </fieldset>
            ) : (
              <>
                <label htmlFor={fid(f.name)} className="block text-sm font-medium">
                  {f.label}
                  {f.required && <span aria-hidden="true" className="text-red-700"> *</span>}
                </label>
                {f.kind === 'textarea' ? (
                  <textarea {...common} rows={4} defaultValue={f.defaultValue} maxLength={f.maxLength} className="mt-1 block w-full rounded border border-slate-300 px-3 py-2 text-sm" />
                ) : f.kind === 'select' ? (
                  <select {...common} defaultValue={f.defaultValue ?? ''} className="mt-1 block w-full max-w-full rounded border border-slate-300 px-3 py-2 text-sm">
                    {!f.defaultValue && <option value="">{tc('choose')}</option>}
                    {f.options.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input {...common} type={f.kind} defaultValue={f.defaultValue} maxLength={'maxLength' in f ? f.maxLength : undefined} className="mt-1 block w-full max-w-md rounded border border-slate-300 px-3 py-2 text-sm" />
                )}
                {'help' in f && f.help && <p className="mt-1 text-xs text-slate-500">{f.help}</p>}
              </>
            )}
            {err && (
              <p id={`${fid(f.name)}-error`} className="mt-1 text-sm text-red-700">
                {t(err)}
              </p>
            )}
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
          {state && !state.ok && (state.formError || Object.keys(errors).length > 0) && (
            <p role="alert" className="text-red-700">
              {t(state.formError ?? 'checkFields')}
            </p>
          )}
          {state?.ok && (
            <p role="status" className="text-green-800">
              {tc('done')}
            </p>
          )}
        </div>
      </div>
    </form>
  );
}
