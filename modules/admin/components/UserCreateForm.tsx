'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Options, useActionForm, type FormAction } from '@/components/forms/fields';

type Institution = { id: string; kind: string; label: string; departments: { id: string; label: string }[] };
type Action = FormAction<{ username: string }>;

const ROLES_BY_KIND: Record<string, string[]> = {
  PROCURATORATE: ['PROCURATOR', 'PROCURATORATE_LEADER', 'ADMIN'],
  COURT: ['COURT_STAFF', 'COURT_LEADER', 'ADMIN'],
};

export function UserCreateForm({ action, institutions }: { action: Action; institutions: Institution[] }) {
  const t = useTranslations();
  const form = useActionForm({ id: 'new', action, defaultValue: { departmentId: '', role: '' } });
  const { state, pending, field, error, problem } = form;
  const [institutionId, setInstitutionId] = useState(form.value('institutionId') ?? institutions[0]?.id ?? '');
  const institution = institutions.find((i) => i.id === institutionId);
  const label = (name: string, key: string) => form.label(name, t(key), false);
  return (
    <form {...form.props} className="grid gap-4 md:grid-cols-2">
      <div>
        {label('username', 'users.username')}
        <input {...field('username')} autoComplete="off" maxLength={32} required />
        {error('username')}
      </div>
      <div>
        {label('name', 'users.name')}
        <input {...field('name')} maxLength={64} required />
        {error('name')}
      </div>
      <div>
        {label('institutionId', 'users.institution')}
        <select {...field('institutionId')} defaultValue={undefined} value={institutionId} onChange={(e) => setInstitutionId(e.target.value)}>
          <Options items={institutions} />
        </select>
        {error('institutionId')}
      </div>
      <div>
        {label('departmentId', 'users.department')}
        <select {...field('departmentId')} key={institutionId}>
          <option value="">{t('users.noDepartment')}</option>
          <Options items={institution?.departments ?? []} />
        </select>
        {error('departmentId')}
      </div>
      <div>
        {label('role', 'users.role')}
        <select {...field('role')} key={`role-${institutionId}`}>
          {/* Not disabled: an empty choice is sent, so the form's check names the field like any other. */}
          <option value="">{t('common.choose')}</option>
          {(ROLES_BY_KIND[institution?.kind ?? ''] ?? []).map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
        {error('role')}
      </div>
      <div>
        {label('title', 'users.jobTitle')}
        <input {...field('title')} maxLength={64} />
        {error('title')}
      </div>
      <div>
        {label('password', 'users.initialPassword')}
        <input {...field('password')} defaultValue={undefined} type="password" autoComplete="new-password" minLength={10} maxLength={256} required />
        {error('password')}
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
        {state?.status === 'success' && state.data && (
          <p role="status" className="rounded bg-green-50 px-3 py-2 text-sm text-green-800">
            {t('users.created', { username: state.data.username })}
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
