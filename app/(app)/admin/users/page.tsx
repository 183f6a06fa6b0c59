import { getLocale, getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/ClientMessages';
import { Card } from '@/components/ui/Card';
import { Pager } from '@/components/ui/Pager';
import { AuditChainCard } from '@/modules/admin/components/AuditChainCard';
import { EndSessionsButton } from '@/modules/admin/components/EndSessionsButton';
import { UserActiveToggle } from '@/modules/admin/components/UserActiveToggle';
import { UploadLimitForm } from '@/modules/admin/components/UploadLimitForm';
import { UserCreateForm } from '@/modules/admin/components/UserCreateForm';
import { lastAuditVerification } from '@/lib/data/audit-chain';
import { db } from '@/lib/data/db';
import { uploadLimit } from '@/lib/data/settings';
import { listInstitutions, listUsers } from '@/lib/data/users';
import type { SearchParams } from '@/lib/lists/define';
import { userList } from '@/lib/lists/users';
import { requireFeature } from '@/lib/web/session';
import { createUserAction, endUserSessionsAction, setUploadLimitAction, setUserActiveAction, verifyAuditChainAction } from '@/modules/admin/actions';

export async function generateMetadata() {
  const t = await getTranslations('nav');
  return { title: t('users') };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireFeature('users.manage');
  const { filter, page } = userList.parse(await searchParams);
  const [t, locale, users, institutions, lastVerification, limit] = await Promise.all([
    getTranslations(),
    getLocale(),
    listUsers(db(), actor, page),
    listInstitutions(db(), actor),
    lastAuditVerification(db(), actor),
    uploadLimit(db()),
  ]);
  const en = locale === 'en';
  // The account forms are client components: the users' and roles' words go down with them.
  return (
    <ClientMessages namespaces={['users', 'roles', 'auditChain']}>
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t('users.title')}</h1>
      <Card id="list" title={t('users.listTitle', { count: users.total })}>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">{t('users.username')}</th>
                <th scope="col" className="py-1 pr-3 font-medium">{t('users.name')}</th>
                <th scope="col" className="py-1 pr-3 font-medium">{t('users.role')}</th>
                <th scope="col" className="py-1 pr-3 font-medium">{t('users.institution')}</th>
                <th scope="col" className="py-1 pr-3 font-medium">{t('users.department')}</th>
                <th scope="col" className="py-1 pr-3 font-medium">{t('users.status')}</th>
                <th scope="col" className="py-1 font-medium">
                  <span className="sr-only">{t('users.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.rows.map((u) => (
                <tr key={u.id} className={`border-t border-slate-100 ${u.active ? '' : 'text-slate-400'}`}>
                  <td className="py-1 pr-3"><code>{u.username}</code></td>
                  <td className="py-1 pr-3">{u.name}</td>
                  <td className="py-1 pr-3">{t(`roles.${u.role}`)}</td>
                  <td className="py-1 pr-3">{en ? u.institution.nameEn : u.institution.name}</td>
                  <td className="py-1 pr-3">{u.department ? (en ? u.department.nameEn : u.department.name) : '—'}</td>
                  <td className="py-1 pr-3">{t(u.active ? 'users.active' : 'users.inactive')}</td>
                  <td className="py-1">
                    {u.id !== actor.id && (
                      <>
                        <UserActiveToggle action={setUserActiveAction} userId={u.id} active={u.active} version={u.version} name={u.name} />
                        <EndSessionsButton action={endUserSessionsAction} userId={u.id} version={u.version} name={u.name} />
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pager list={userList} filter={filter} page={users} label={t('users.title')} />
      </Card>
      <Card id="create" title={t('users.createTitle')}>
        <UserCreateForm
          action={createUserAction}
          institutions={institutions.map((i) => ({
            id: i.id,
            kind: i.kind,
            label: en ? i.nameEn : i.name,
            departments: i.departments.map((d) => ({ id: d.id, label: en ? d.nameEn : d.name })),
          }))}
        />
      </Card>
      <AuditChainCard last={lastVerification} action={verifyAuditChainAction} />
      <Card id="uploads" title={t('users.uploadLimitTitle')}>
        <p className="mb-3 text-sm text-slate-600">{t('users.uploadLimitHelp')}</p>
        <UploadLimitForm action={setUploadLimitAction} megabytes={limit.maxFileBytes / (1024 * 1024)} version={limit.version} />
      </Card>
    </div>
    </ClientMessages>
  );
}
