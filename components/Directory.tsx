import { getLocale, getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/Card';
import { db } from '@/lib/data/db';
import { getDirectory } from '@/lib/data/users';
import type { Actor } from '@/lib/domain/roles';

type Person = { id: string; name: string; role: string; title: string | null };

export async function Directory({ actor }: { actor: Actor }) {
  const [t, locale, dir] = await Promise.all([getTranslations(), getLocale(), getDirectory(db(), actor)]);
  const en = locale === 'en';
  const people = (list: Person[]) =>
    list.length === 0 ? (
      <p className="text-sm text-slate-600">{t('directory.noPeople')}</p>
    ) : (
      <table className="w-full text-left text-sm">
        <thead className="text-slate-500">
          <tr>
            <th scope="col" className="py-1 font-medium">{t('directory.name')}</th>
            <th scope="col" className="py-1 font-medium">{t('directory.role')}</th>
            <th scope="col" className="py-1 font-medium">{t('directory.jobTitle')}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((p) => (
            <tr key={p.id} className="border-t border-slate-100">
              <td className="py-1">{p.name}</td>
              <td className="py-1">{t(`roles.${p.role}`)}</td>
              <td className="py-1">{p.title ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{en ? dir.nameEn : dir.name}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {t('directory.intro', { region: dir.regionCode, departments: dir.departments.length })}
        </p>
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        {dir.departments.map((d) => (
          <Card key={d.id} id={`dept-${d.id}`} title={en ? d.nameEn : d.name}>
            {people(d.users)}
          </Card>
        ))}
        {dir.users.length > 0 && (
          <Card id="dept-none" title={t('directory.unassigned')}>
            {people(dir.users)}
          </Card>
        )}
      </div>
    </div>
  );
}
