import { getFormatter, getTranslations } from 'next-intl/server';
import type { AuditTrailEntry } from '@/lib/data/workflow';

/**
 * A record's audit trail as its own institution sees it (lib/data/workflow.ts `auditTrailOf`):
 * who changed what and when, each row's changed fields as before → after. Folded by default.
 */
export async function AuditTrail({ entries }: { entries: AuditTrailEntry[] }) {
  const [t, format] = await Promise.all([getTranslations('common.audit'), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  return (
    <details className="rounded border border-slate-200 bg-white p-3 text-sm" data-testid="audit-trail">
      <summary className="cursor-pointer font-medium">{t('title', { count: entries.length })}</summary>
      <p className="mt-2 text-xs text-slate-500">{t('help')}</p>
      <table className="mt-2 w-full text-left text-xs">
        <thead className="text-slate-500">
          <tr>
            <th scope="col" className="py-1 pr-2 font-medium">{t('when')}</th>
            <th scope="col" className="py-1 pr-2 font-medium">{t('who')}</th>
            <th scope="col" className="py-1 pr-2 font-medium">{t('what')}</th>
            <th scope="col" className="py-1 font-medium">{t('change')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((a) => {
            const before = (a.summary?.before ?? {}) as Record<string, unknown>;
            const after = (a.summary?.after ?? {}) as Record<string, unknown>;
            const keys = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
            return (
              <tr key={a.key} className="border-t border-slate-100 align-top">
                <td className="py-1 pr-2 whitespace-nowrap">
                  <time dateTime={a.at.toISOString()}>{when(a.at)}</time>
                </td>
                <td className="py-1 pr-2">{a.actorName ?? '—'}</td>
                <td className="py-1 pr-2">
                  <code>{a.action}</code>
                </td>
                <td className="py-1 break-all">
                  {keys.slice(0, 8).map((k) => (
                    <div key={k}>
                      <code>{k}</code>: {before[k] === undefined ? '' : `${JSON.stringify(before[k])} → `}
                      {JSON.stringify(after[k])}
                    </div>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
