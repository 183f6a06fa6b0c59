import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { leadCounts } from '@/lib/data/leads';
import { LEAD_KINDS, PENSION_FRAUD_SUBTYPES } from '@/lib/domain/leads/machine';

type Counts = Awaited<ReturnType<typeof leadCounts>>;

/** What leaders track: leads by kind, direction and stage; pension fraud by category. */
export async function LeadCounts({ counts }: { counts: Counts }) {
  const t = await getTranslations('leads');
  const cols = ['incoming', 'outgoing', 'sent', 'received', 'acted', 'total'] as const;
  const head: Record<(typeof cols)[number], string> = {
    incoming: t('list.incoming'),
    outgoing: t('list.outgoing'),
    sent: t('list.awaitingReceipt'),
    received: t('list.awaitingAction'),
    acted: t('status.acted'),
    total: t('list.total'),
  };
  return (
    <div className="space-y-4">
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="lead-counts">
          <caption className="sr-only">{t('list.tracking')}</caption>
          <thead className="text-slate-500">
            <tr>
              <th scope="col" className="py-2 pr-3 font-medium">{t('fields.kind')}</th>
              {cols.map((c) => (
                <th key={c} scope="col" className="py-2 pr-3 text-right font-medium">
                  {head[c]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {LEAD_KINDS.map((k) => (
              <tr key={k} className="border-t border-slate-100">
                <th scope="row" className="py-2 pr-3 font-normal">
                  <Link href={`/leads?box=incoming&kind=${k}`} className="text-brand-600 underline-offset-2 hover:underline">
                    {t(`kind.${k}`)}
                  </Link>
                </th>
                {cols.map((c) => (
                  <td key={c} className="py-2 pr-3 text-right tabular-nums">
                    {counts.kinds[k][c]}
                  </td>
                ))}
              </tr>
            ))}
            <tr className="border-t-2 border-slate-200 font-semibold">
              <th scope="row" className="py-2 pr-3">
                {t('list.total')}
              </th>
              {cols.map((c) => (
                <td key={c} className="py-2 pr-3 text-right tabular-nums">
                  {counts.total[c]}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <div>
        <h3 className="text-sm font-semibold text-slate-700">{t('list.subtypes')}</h3>
        <ul className="mt-1 flex flex-wrap gap-x-5 gap-y-1 text-sm">
          {PENSION_FRAUD_SUBTYPES.map((s) => (
            <li key={s}>
              {t(`subtype.${s}`)}: <span className="font-semibold tabular-nums">{counts.subtypes[s]}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
