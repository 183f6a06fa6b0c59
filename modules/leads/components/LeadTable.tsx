import Link from 'next/link';
import { UnreadBadge, unreadOf } from '@/modules/threads/components/UnreadBadge';
import { getLocale, getTranslations } from 'next-intl/server';
import { ListTable } from '@/components/ui/ListTable';
import type { LeadRow } from '@/lib/data/leads';
import { LeadKind } from '@/modules/leads/components/LeadKind';
import { LeadStatusPill } from '@/modules/leads/components/LeadStatusPill';
import { When } from '@/components/When';

/** Leads of one box (incoming / outgoing): title, kind, status, the other institution, sent, last step. */
export async function LeadTable({ rows, box, caption }: { rows: LeadRow[]; box: 'incoming' | 'outgoing'; caption: string }) {
  const unread = await unreadOf('CaseLead', rows);
  const [t, locale] = await Promise.all([getTranslations('leads'), getLocale()]);
  const en = locale === 'en';
  return (
    <ListTable
      rows={rows}
      caption={caption}
      empty={t('list.empty')}
      testId="lead-table"
      headers={[
        t('fields.title'),
        t('fields.kind'),
        t('fields.status'),
        box === 'incoming' ? t('list.counterpartFrom') : t('list.counterpartTo'),
        t('fields.sentAt'),
      ]}
      row={(r) => (
        <>
          <td className="py-2 pr-3">
            <Link href={`/leads/${r.id}`} className="font-medium text-brand-600 underline-offset-2 hover:underline">
              {r.title}
            </Link>
            <UnreadBadge count={unread.get(r.id)} />
            {r.courtCaseNumber && <div className="font-mono text-xs text-slate-500">{r.courtCaseNumber}</div>}
          </td>
          <td className="py-2 pr-3">
            <LeadKind kind={r.kind} subtype={r.subtype} />
          </td>
          <td className="py-2 pr-3">
            <LeadStatusPill status={r.status} />
            {r.actedBy ? (
              <div className="mt-1 text-xs text-slate-500">{r.actedBy}</div>
            ) : r.receivedBy ? (
              <div className="mt-1 text-xs text-slate-500">{r.receivedBy}</div>
            ) : null}
          </td>
          <td className="py-2 pr-3">
            {en ? r.counterpart.nameEn : r.counterpart.name}
          </td>
          <td className="py-2">
            <When at={r.sentAt} />
            {r.sentBy && <div className="text-xs text-slate-500">{r.sentBy}</div>}
          </td>
        </>
      )}
    />
  );
}
