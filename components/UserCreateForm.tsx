'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useFormAction } from './useFormAction';
import type { ActionResult } from '@/lib/web/action';
import { FieldErrorText } from './FieldError';

type Institution = { id: string; kind: string; label: string; departments: { id: string; label: string }[] };
type Action = (prev: ActionResult<{ username: string }> | null, form: FormData) => Promise<ActionResult<{ username: string }>>;

const ROLES_BY_KIND: Record<string, string[]> = {
  PROCURATORATE: ['PROCURATOR', 'PROCURATORATE_LEADER', 'ADMIN'],
  COURT: ['COURT_STAFF', 'COURT_LEADER', 'ADMIN'],
};

export function UserCreateForm({ action, institutions }: { action: Action; institutions: Institution[] }) {
  const t = useTranslations();
  const { state, pending, formRef, onSubmit } = useFormAction(action);
  const [institutionId, setInstitutionId] = useState(institutions[0]?.id ?? '');
  const institution = institutions.find((i) => i.id === institutionId);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const field = (name: string) => ({
    id: `new-${name}`,
    name,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `new-${name}-error` : undefined,
    className: 'mt-1 block w-full rounded border border-slate-300 px-3 py-2 text-sm',
  });
  const label = (name: string, key: string) => (
    <label htmlFor={`new-${name}`} className="block text-sm font-medium">
      {t(key)}
    </label>
  );
  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid gap-4 md:grid-cols-2" noValidate>
      <div>
        {label('username', 'users.username')}
        <input {...field('username')} autoComplete="off" maxLength={32} required />
        <FieldErrorText id="new-username-error" code={errors.username} />
      </div>
      <div>
        {label('name', 'users.name')}
        <input {...field('name')} maxLength={64} required />
        <FieldErrorText id="new-name-error" code={errors.name} />
      </div>
      <div>
        {label('institutionId', 'users.institution')}
        <select {...field('institutionId')} value={institutionId} onChange={(e) => setInstitutionId(e.target.value)}>
          {institutions.map((i) => (
            <option key={i.id} value={i.id}>
              {i.label}
            </option>
          ))}
        </select>
        <FieldErrorText id="new-institutionId-error" code={errors.institutionId} />
      </div>
      <div>
        {label('departmentId', 'users.department')}
        <select {...field('departmentId')} key={institutionId} defaultValue="">
          <option value="">{t('users.noDepartment')}</option>
          {institution?.departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.label}
            </option>
          ))}
        </select>
        <FieldErrorText id="new-departmentId-error" code={errors.departmentId} />
      </div>
      <div>
        {label('role', 'users.role')}
        <select {...field('role')} key={`role-${institutionId}`} defaultValue="">
          <option value="" disabled>
            {t('common.choose')}
          </option>
          {(ROLES_BY_KIND[institution?.kind ?? ''] ?? []).map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
        <FieldErrorText id="new-role-error" code={errors.role} />
      </div>
      <div>
        {label('title', 'users.jobTitle')}
        <input {...field('title')} maxLength={64} />
        <FieldErrorText id="new-title-error" code={errors.title} />
      </div>
      <div>
        {label('password', 'users.initialPassword')}
        <input {...field('password')} type="password" autoComplete="new-password" minLength={10} maxLength={256} required />
        <FieldErrorText id="new-password-error" code={errors.password} />
      </div>
      <div className="flex items-end">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? t('common.working') : t('users.create')}
        </button>
      </div>
      <div aria-live="polite" className="md:col-span-2">
        {state?.ok && state.data && (
          <p role="status" className="rounded bg-green-50 px-3 py-2 text-sm text-green-800">
            {t('users.created', { username: state.data.username })}
          </p>
        )}
        {state && !state.ok && (
          <p role="alert" className="text-sm text-red-700">
            {t(`errors.${state.formError ?? 'checkFields'}`)}
          </p>
        )}
      </div>
    </form>
  );
}
