import { getTranslations } from 'next-intl/server';
import { When } from '@/components/When';
import type { AuditTrailEntry } from '@/lib/data/audit';

/** The audit rows of the user's own institution for a record, folded away under the timeline. */
export async function AuditTrail({ entries }: { entries: AuditTrailEntry[] }) {
  const t = await getTranslations('audit');
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm" data-testid="audit-trail">
      <summary className="cursor-pointer font-medium">{t('title', { count: entries.length })}</summary>
      <p className="mt-2 text-xs text-slate-500">{t('help')}</p>
      {entries.length === 0 ? (
        <p className="mt-2 text-slate-600">{t('empty')}</p>
      ) : (
        <div className="mt-2 overflow-x-auto">
          <table className="w-full text-left text-xs">
            <caption className="sr-only">{t('title', { count: entries.length })}</caption>
            <thead className="text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-2 font-medium">{t('when')}</th>
                <th scope="col" className="py-1 pr-2 font-medium">{t('who')}</th>
                <th scope="col" className="py-1 pr-2 font-medium">{t('what')}</th>
                <th scope="col" className="py-1 font-medium">{t('change')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((a) => (
                <tr key={a.id} className="border-t border-slate-100 align-top">
                  <td className="py-1 pr-2 whitespace-nowrap">
                    <When at={a.at} />
                  </td>
                  <td className="py-1 pr-2">{a.actorName ?? '—'}</td>
                  <td className="py-1 pr-2">
                    <code>{a.action}</code>
                  </td>
                  <td className="py-1 break-all">
                    {a.changes.slice(0, 8).map((c) => (
                      <div key={c.field}>
                        <code>{c.field}</code>: {c.before === undefined ? '' : `${JSON.stringify(c.before)} → `}
                        {JSON.stringify(c.after)}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
