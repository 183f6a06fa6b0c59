import Link from 'next/link';
import type { ReactNode } from 'react';

/**
 * The GET form above a list: its filters, then "apply" and a "reset" link back to the unfiltered
 * list. Labels come in already translated (each list has its own namespace). `hidden` carries the
 * list's state that has no control here (from the list's definition, `hidden()`), so applying
 * the form keeps it; the page goes back to the first.
 */
export function FilterForm({
  label,
  apply,
  reset,
  resetHref,
  hidden = [],
  children,
}: {
  /** The form's accessible name. */
  label: string;
  apply: string;
  reset: string;
  resetHref: string;
  hidden?: readonly { name: string; value: string }[];
  children: ReactNode;
}) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm" aria-label={label}>
      {hidden.map((h) => (
        <input key={h.name} type="hidden" name={h.name} value={h.value} />
      ))}
      {children}
      <button type="submit" className="rounded border border-slate-300 bg-slate-50 px-3 py-1 hover:bg-slate-100">
        {apply}
      </button>
      <Link href={resetHref} className="px-1 py-1 text-brand-600 underline">
        {reset}
      </Link>
    </form>
  );
}

export type FilterOption = { value: string; label: string };

/** A labelled select named `name` (id `f-<name>`); `any` adds the empty "any" choice first. */
export function SelectFilter({
  name,
  label,
  value,
  options,
  any,
}: {
  name: string;
  label: string;
  value: string;
  options: readonly FilterOption[];
  any?: string;
}) {
  const id = `f-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} className="mt-1 rounded border border-slate-300 px-2 py-1">
        {any !== undefined && <option value="">{any}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A labelled checkbox named `name` (id `f-<name>`), sent as `name=1` when checked. */
export function CheckboxFilter({ name, label, checked }: { name: string; label: string; checked?: boolean }) {
  const id = `f-${name}`;
  return (
    <div className="flex items-center gap-2">
      <input id={id} type="checkbox" name={name} value="1" defaultChecked={checked} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** Options for a select from a list of codes, each labelled by `label(code)`. */
export function optionsOf(values: readonly string[], label: (value: string) => string): FilterOption[] {
  return values.map((value) => ({ value, label: label(value) }));
}
