import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/Card';
import { When } from '@/components/When';
import type { LastVerification } from '@/lib/data/audit-chain';
import type { FormAction } from '@/components/forms/fields';
import { AuditVerifyButton } from './AuditVerifyButton';

/** The audit chains' last verification (when, result, count, the first broken link) and the button to verify now. */
export async function AuditChainCard({ last, action }: { last: LastVerification | null; action: FormAction<{ ok: boolean; events: number }> }) {
  const t = await getTranslations('auditChain');
  const first = last?.broken[0];
  return (
    <Card id="audit-chain" title={t('title')}>
      <p className="text-sm text-slate-600">{t('help')}</p>
      {last ? (
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-500">{t('lastRun')}</dt>
          <dd>
            <When at={last.finishedAt} /> · {t(`trigger.${last.trigger === 'admin' || last.trigger === 'cli' ? last.trigger : 'schedule'}`)}
          </dd>
          <dt className="text-slate-500">{t('result')}</dt>
          <dd className={last.ok ? 'text-green-800' : 'font-semibold text-red-700'}>
            {last.ok ? t('ok', { count: last.events }) : t('broken', { count: last.events })}
          </dd>
          {first && (
            <>
              <dt className="text-slate-500">{t('firstBroken')}</dt>
              <dd>
                {t(`reason.${first.reason}`)}
                {first.eventId ? ` · ${t('event', { id: first.eventId, seq: first.seq ?? '—' })}` : ''}
              </dd>
            </>
          )}
        </dl>
      ) : (
        <p className="mt-3 text-sm">{t('never')}</p>
      )}
      <AuditVerifyButton action={action} />
    </Card>
  );
}
