import { getTranslations } from 'next-intl/server';
import type { InquiryStatus } from '@/lib/domain/inquiries/machine';

const TONE: Record<InquiryStatus, string> = {
  sent: 'bg-sky-100 text-sky-900',
  answered: 'bg-emerald-100 text-emerald-900',
  closed: 'bg-slate-200 text-slate-800',
};

export async function InquiryStatusPill({ status }: { status: InquiryStatus }) {
  const t = await getTranslations('inquiries.status');
  return <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${TONE[status]}`}>{t(status)}</span>;
}
