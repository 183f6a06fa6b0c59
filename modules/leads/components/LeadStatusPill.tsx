import { getTranslations } from 'next-intl/server';
import type { LeadStatus } from '@/lib/domain/leads/machine';

const TONE: Record<LeadStatus, string> = {
  sent: 'bg-amber-100 text-amber-900',
  received: 'bg-sky-100 text-sky-900',
  acted: 'bg-emerald-100 text-emerald-900',
};

export async function LeadStatusPill({ status }: { status: LeadStatus }) {
  const t = await getTranslations('leads.status');
  return <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${TONE[status]}`}>{t(status)}</span>;
}
