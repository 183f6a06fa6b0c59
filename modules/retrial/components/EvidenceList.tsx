import { getFormatter, getTranslations } from 'next-intl/server';
import { DateText } from '@/components/DateText';
import { DefinitionList } from '@/components/ui/DefinitionList';
import { StepForm } from '@/components/workflow/StepForm';
import type { MatterView } from '@/lib/data/retrial';
import { EVIDENCE_GROUNDS } from '@/lib/domain/retrial/machine';
import { LIMITS } from '@/lib/domain/retrial/schemas';
import { stepAction } from '@/modules/retrial/actions';

/** The matter's evidence items: each with the court's determination, or — for the court — the form to record it. */
export async function EvidenceList({ matter }: { matter: MatterView }) {
  const [t, format] = await Promise.all([getTranslations('retrial'), getFormatter()]);
  if (matter.items.length === 0) return <p className="text-sm text-slate-600">{t('detail.noEvidence')}</p>;
  const yesNo = [
    { value: 'yes', label: t('steps.yes') },
    { value: 'no', label: t('steps.no') },
  ];
  return (
    <ol className="space-y-5">
      {matter.items.map((item) => {
        const d = item.determination;
        const headingId = `evidence-${item.position}-title`;
        return (
          <li key={item.id}>
            <article aria-labelledby={headingId} data-testid={`evidence-${item.position}`} className="rounded-lg border border-slate-200 p-4">
              <h3 id={headingId} className="font-semibold">
                {t('detail.itemHeading', { n: item.position })}
              </h3>
              <p className="mt-1 whitespace-pre-wrap text-sm">{item.description}</p>
              <div className="mt-3">
                <DefinitionList
                  rows={[
                    ...(item.formedOn ? [{ term: t('fields.formedOn'), value: <DateText iso={item.formedOn} /> }] : []),
                    ...(item.foundOn ? [{ term: t('fields.foundOn'), value: <DateText iso={item.foundOn} /> }] : []),
                    { term: t('detail.claimed'), value: t(`ground.${item.ground}`) },
                    ...(item.groundExplanation ? [{ term: t('fields.groundExplanation'), value: <span className="whitespace-pre-wrap">{item.groundExplanation}</span> }] : []),
                    ...(item.attachments.length
                      ? [
                          {
                            term: t('detail.attachments'),
                            value: (
                              <ul>
                                {item.attachments.map((a) => (
                                  <li key={a.id}>
                                    <a
                                      href={`/retrial/${matter.id}/evidence/${a.id}`}
                                      className="text-brand-600 underline"
                                      aria-label={t('detail.download', { name: a.fileName })}
                                    >
                                      {a.fileName}
                                    </a>{' '}
                                    <span className="text-xs text-slate-500">{t('detail.size', { kb: Math.max(1, Math.round(a.size / 1024)) })}</span>
                                  </li>
                                ))}
                              </ul>
                            ),
                          },
                        ]
                      : []),
                  ]}
                />
              </div>
              <section aria-label={t('detail.determination')} className="mt-4 border-t border-slate-100 pt-3" data-testid="determination">
                <h4 className="text-sm font-semibold text-slate-700">{t('detail.determination')}</h4>
                {d ? (
                  <div className="mt-2 space-y-2 text-sm">
                    <p className="flex flex-wrap gap-2">
                      <span className={`rounded px-2 py-0.5 text-xs font-medium ${d.accepted ? 'bg-emerald-100 text-emerald-900' : 'bg-orange-100 text-orange-900'}`}>
                        {d.accepted ? t('detail.acceptedYes') : t('detail.acceptedNo')}
                      </span>
                      <span className={`rounded px-2 py-0.5 text-xs font-medium ${d.mayOverturn ? 'bg-red-100 text-red-900' : 'bg-slate-100 text-slate-700'}`}>
                        {d.mayOverturn ? t('detail.overturnYes') : t('detail.overturnNo')}
                      </span>
                    </p>
                    <DefinitionList
                      rows={[
                        ...(d.ground ? [{ term: t('fields.determinationGround'), value: t(`ground.${d.ground}`) }] : []),
                        { term: t('fields.determinationReasons'), value: <span className="whitespace-pre-wrap">{d.reasons}</span> },
                        {
                          term: t('fields.determinedBy'),
                          value: `${d.by ?? ''}${d.at ? ` · ${format.dateTime(d.at, { year: 'numeric', month: 'short', day: 'numeric' })}` : ''}`,
                        },
                      ]}
                    />
                  </div>
                ) : item.canDetermine ? (
                  <div className="mt-2">
                    <StepForm
                      id={item.id}
                      version={item.version}
                      action={stepAction}
                      hidden={{ matterId: matter.id }}
                      testId={`determine-${item.position}`}
                      title={t('steps.determine.title')}
                      help={t('steps.determine.help')}
                      fields={[
                        { kind: 'radio', name: 'accepted', label: t('fields.accepted'), required: true, options: yesNo },
                        {
                          kind: 'select',
                          name: 'determinationGround',
                          label: t('fields.determinationGround'),
                          options: EVIDENCE_GROUNDS.map((g) => ({ value: g, label: t(`ground.${g}`) })),
                        },
                        { kind: 'textarea', name: 'determinationReasons', label: t('fields.determinationReasons'), required: true, maxLength: LIMITS.reasons },
                        { kind: 'radio', name: 'mayOverturn', label: t('fields.mayOverturn'), required: true, options: yesNo },
                      ]}
                      buttons={[{ step: 'determine', label: t('steps.determine.button') }]}
                    />
                  </div>
                ) : (
                  <p className="mt-1 text-sm text-slate-600">{t('detail.awaiting')}</p>
                )}
              </section>
            </article>
          </li>
        );
      })}
    </ol>
  );
}
