'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { ActionResult } from '@/lib/web/action';

/** The look of a full-width text input, select or textarea in the app's forms. */
export const INPUT_CLASS = 'mt-1 block w-full rounded border border-slate-300 px-3 py-2 text-sm';

export type FieldErrors = Readonly<Record<string, string | undefined>>;

/** The field errors of a refused submission, or none. */
export function fieldErrorsOf(state: ActionResult<unknown> | null): FieldErrors {
  return state && !state.ok ? state.fieldErrors : {};
}

/**
 * The plumbing every form field repeats, for fields whose ids are `<prefix>-<name>`:
 * - `field(name, help?)`: id, name, aria-invalid and aria-describedby (the error `<id>-error`, and
 *   the help text `<id>-help` when `help` is set; `helpFirst` puts the help before the error), className;
 * - `label(name, text, required?)`: the label, with the asterisk of a required field;
 * - `help(name, text)`: the help text the field points at;
 * - `error(name)`: the field's error, in words (`message`; the shared errors.* by default).
 */
export function useFieldHelpers(
  prefix: string,
  errors: FieldErrors,
  options: { message?: (code: string) => string; helpFirst?: boolean } = {},
) {
  const te = useTranslations('errors');
  const message = options.message ?? ((code: string) => te(code));
  const id = (name: string) => `${prefix}-${name}`;
  const field = (name: string, help = false) => {
    const ids = [errors[name] ? `${id(name)}-error` : '', help ? `${id(name)}-help` : ''];
    if (options.helpFirst) ids.reverse();
    return {
      id: id(name),
      name,
      'aria-invalid': errors[name] ? true : undefined,
      'aria-describedby': ids.filter(Boolean).join(' ') || undefined,
      className: INPUT_CLASS,
    };
  };
  const label = (name: string, text: ReactNode, required = true) => (
    <label htmlFor={id(name)} className="block text-sm font-medium">
      {text}
      {required && <span aria-hidden="true" className="text-red-700"> *</span>}
    </label>
  );
  const help = (name: string, text: ReactNode) => (
    <p id={`${id(name)}-help`} className="mt-1 text-xs text-slate-500">
      {text}
    </p>
  );
  const error = (name: string) => {
    const code = errors[name];
    return code ? (
      <p id={`${id(name)}-error`} className="mt-1 text-sm text-red-700">
        {message(code)}
      </p>
    ) : null;
  };
  return { field, label, help, error };
}

/** The `<option>`s of a select over records with an id and a label. */
export function Options({ items }: { items: readonly { id: string; label: string }[] }) {
  return (
    <>
      {items.map((o) => (
        <option key={o.id} value={o.id}>
          {o.label}
        </option>
      ))}
    </>
  );
}
