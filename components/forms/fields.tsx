'use client';

import { useForm, type Submission } from '@conform-to/react';
import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useEffect, useRef, type ReactNode } from 'react';
import type { ZodType } from 'zod';
import { parseForm, type ActionState } from '@/lib/web/forms';

/** The look of a full-width text input, select or textarea in the app's forms. */
const INPUT_CLASS = 'mt-1 block w-full rounded border border-slate-300 px-3 py-2 text-sm';

export type FormAction<T> = (prev: ActionState<T> | null, form: FormData) => Promise<ActionState<T>>;

/** The names of a form's fields (what the client may check; the rest is the server's). */
function fieldNames(form: HTMLFormElement): Set<string> {
  const names = new Set<string>();
  for (const el of Array.from(form.elements)) {
    const name = (el as HTMLInputElement).name;
    if (name) names.add(name);
  }
  return names;
}

/**
 * A form on a server action, through Conform: `<form {...props}>` posts to the action (so it
 * works without JavaScript: React renders the action's hidden fields and the server answers
 * with the page and the action's state); with JavaScript, `schema` (the one the data layer
 * parses with) checks the fields first, on submit and on blur, and the answer arrives without
 * a page load. A refused submission keeps what the user typed, marks the fields
 * (`aria-invalid`, `aria-describedby` to the error) and focuses the first invalid one; a
 * success resets the form. Field ids are `<id>-<name>`, errors `<id>-<name>-error`, help texts
 * `<id>-<name>-help`.
 *
 * - `field(name, help?)`: id, name, the value to show (defaultValue), aria attributes, className;
 * - `label(name, text, required?)`, `help(name, text)`, `error(name)`: the pieces around it;
 * - `problem`: the form's error code ('checkFields' when only fields were refused);
 * - `refusal`: for a form of one button and no fields to mark, the refusal's first code, field or form;
 * - `value(name)`: the value to show of a field (for checkboxes, radios and controlled selects).
 */
export function useActionForm<T>({
  id,
  action,
  schema,
  defaultValue,
  namespace,
  message: ownMessage,
  helpFirst,
}: {
  id: string;
  action: FormAction<T>;
  schema?: ZodType;
  defaultValue?: Record<string, string | undefined>;
  /** The feature whose own error codes (`<namespace>.errors.*`) come before the shared ones (errors.*). */
  namespace?: string;
  /** An error code in words, when the feature's own rule differs from `namespace`'s. */
  message?: (code: string) => string;
  /** Puts the help text before the error in aria-describedby. */
  helpFirst?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const [form, fields] = useForm<Record<string, string>>({
    id,
    lastResult: state,
    defaultValue,
    // Fields are checked as the user leaves them only where the browser can check them itself
    // (Conform would otherwise ask the server, i.e. run the action).
    shouldValidate: schema ? 'onBlur' : 'onSubmit',
    shouldRevalidate: schema ? 'onInput' : 'onSubmit',
    onValidate: schema
      ? ({ form: el, formData }) => parseForm(formData, schema, fieldNames(el)) as Submission<Record<string, string>>
      : undefined,
    onSubmit(event, { formData }) {
      // With JavaScript: no page load, and no automatic form reset of a refused submission.
      event.preventDefault();
      startTransition(() => formAction(formData));
    },
  });
  useEffect(() => {
    if (state?.status === 'success') formRef.current?.reset();
  }, [state]);

  const namespaced = useErrorMessage(namespace);
  const message = ownMessage ?? namespaced;
  const fid = (name: string) => `${id}-${name}`;
  const errorCode = (name: string) => fields[name]?.errors?.[0];
  const value = (name: string): string | undefined => {
    const v = fields[name]?.initialValue as unknown;
    const shown = typeof v === 'string' ? v : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').at(-1) : undefined;
    // Conform leaves empty values out; an empty default (a placeholder option) still counts.
    return shown ?? defaultValue?.[name];
  };
  const describedBy = (name: string, help = false) => {
    const ids = [errorCode(name) ? `${fid(name)}-error` : '', help ? `${fid(name)}-help` : ''];
    if (helpFirst) ids.reverse();
    return ids.filter(Boolean).join(' ') || undefined;
  };
  const aria = (name: string, help = false) => ({
    'aria-invalid': errorCode(name) ? true : undefined,
    'aria-describedby': describedBy(name, help),
  });
  const field = (name: string, help = false) => ({
    id: fid(name),
    name,
    defaultValue: value(name),
    ...aria(name, help),
    className: INPUT_CLASS,
  });
  const label = (name: string, text: ReactNode, required = true) => (
    <label htmlFor={fid(name)} className="block text-sm font-medium">
      {text}
      {required && <span aria-hidden="true" className="text-red-700"> *</span>}
    </label>
  );
  const help = (name: string, text: ReactNode) => (
    <p id={`${fid(name)}-help`} className="mt-1 text-xs text-slate-500">
      {text}
    </p>
  );
  const error = (name: string) => {
    const code = errorCode(name);
    return code ? (
      <p id={`${fid(name)}-error`} className="mt-1 text-sm text-red-700">
        {message(code)}
      </p>
    ) : null;
  };
  const hasFieldErrors = Object.entries(form.allErrors).some(([k, v]) => k !== '' && v && v.length > 0);
  const problem = form.errors?.[0] ?? (hasFieldErrors ? 'checkFields' : undefined);
  const refusal = state?.status === 'error' ? (Object.values(state.error ?? {}).flat().find(Boolean) ?? 'unexpected') : undefined;
  const props = { id, ref: formRef, action: formAction, onSubmit: form.onSubmit, noValidate: true };
  return { props, state, pending, field, aria, label, help, error, value, problem, refusal, message };
}

/** An error code in words: the feature's own codes first (`<namespace>.errors.*`), then the shared ones (errors.*). */
function useErrorMessage(namespace?: string) {
  const t = useTranslations(namespace ?? 'errors');
  const te = useTranslations('errors');
  return (code: string) => {
    const own = `errors.${code}`;
    return namespace && t.has(own) ? t(own) : te(code);
  };
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
