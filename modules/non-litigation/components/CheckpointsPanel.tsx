import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { findingAction, openCaseAction } from '@/modules/non-litigation/actions';
import { StepForm, type StepField } from '@/components/workflow/StepForm';
import type { ApplicationView } from '@/lib/data/non-litigation';
import { CHECKPOINTS } from '@/lib/domain/non-litigation/machine';
import { LIMITS } from '@/lib/domain/non-litigation/schemas';

type Finding = NonNullable<ApplicationView['findings']>[number];

/**
 * The procuratorate's five checks on the application (internal: the court never gets this
 * panel): the latest finding per checkpoint and earlier ones, a form to record a finding, and the
 * one-click "Open supervision case" on a flagged finding while no case is linked.
 */
export async function CheckpointsPanel({ app, handlers }: { app: ApplicationView; handlers: { id: string; name: string; title: string | null }[] }) {
  const [t, format] = await Promise.all([getTranslations('nonLitigation'), getFormatter()]);
  const findings = app.findings ?? [];
  const when = (d: Date) => format.dateTime(d, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const line = (f: Finding) => (
    <div className="text-sm">
      <span className={`mr-2 inline-block rounded px-2 py-0.5 text-xs font-medium ${f.flagged ? 'bg-red-100 text-red-800' : 'bg-emerald-100 text-emerald-900'}`}>
        {t(f.flagged ? 'findings.flagged' : 'findings.ok')}
      </span>
      <span className="text-slate-600">
        <time dateTime={f.recordedAt.toISOString()}>{when(f.recordedAt)}</time>
        {f.recordedBy && ` · ${f.recordedBy}`}
      </span>
      {f.note && <p className="mt-1 whitespace-pre-wrap">{f.note}</p>}
    </div>
  );
  const openFields: StepField[] = [
    { kind: 'text', name: 'title', label: t('openCase.caseTitle'), required: true, defaultValue: app.defaultCaseTitle ?? undefined, maxLength: LIMITS.title },
    ...(handlers.length > 0
      ? [
          {
            kind: 'select' as const,
            name: 'handlerId',
            label: t('openCase.handler'),
            options: handlers.map((h) => ({ value: h.id, label: h.title ? `${h.name}（${h.title}）` : h.name })),
          },
        ]
      : []),
  ];

  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">{t('findings.intro')}</p>
      {app.case && (
        <p role="status" className="rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm">
          {t('openCase.linked')}{' '}
          <Link href={`/cases/${app.case.id}`} className="font-medium text-brand-600 underline" data-testid="case-link">
            {app.case.number}
          </Link>
        </p>
      )}
      {CHECKPOINTS.map((c) => {
        const mine = findings.filter((f) => f.checkpoint === c);
        const latest = app.latestFindings?.[c];
        const earlier = mine.filter((f) => f.id !== latest?.id);
        const mayRecord = app.checkpoints.includes(c);
        return (
          <section key={c} aria-labelledby={`cp-${c}`} className="space-y-3 border-t border-slate-100 pt-4 first:border-t-0 first:pt-0" data-testid={`checkpoint-${c}`}>
            <div>
              <h3 id={`cp-${c}`} className="font-semibold">
                {t(`checkpoint.${c}`)}
              </h3>
              <p className="text-sm text-slate-600">{t(`checkpointQuestion.${c}`)}</p>
            </div>
            {latest ? line(latest) : <p className="text-sm text-slate-500">{t(mayRecord ? 'findings.none' : 'findings.notYet')}</p>}
            {earlier.length > 0 && (
              <details className="text-sm">
                <summary className="cursor-pointer text-slate-600">{t('findings.earlier', { count: earlier.length })}</summary>
                <ul className="mt-2 space-y-2">
                  {earlier.map((f) => (
                    <li key={f.id}>{line(f)}</li>
                  ))}
                </ul>
              </details>
            )}
            {latest?.flagged && app.canOpenCase && (
              <StepForm
                id={app.id}
                version={app.version}
                action={openCaseAction}
                title={t('openCase.title')}
                help={t('openCase.help')}
                fields={openFields}
                hidden={{ findingId: latest.id }}
                buttons={[{ step: 'openCase', label: t('openCase.button') }]}
                testId={`open-case-${c}`}
              />
            )}
            {mayRecord && (
              // Open while the checkpoint has no finding; afterwards one click away.
              <details open={!latest} className="rounded-lg border border-slate-200">
                <summary className="cursor-pointer px-4 py-2 text-sm font-medium text-brand-600">{t(latest ? 'findings.recordAgain' : 'findings.recordTitle')}</summary>
                <StepForm
                  id={app.id}
                  version={app.version}
                  action={findingAction}
                  title={t('findings.recordTitle')}
                  fields={[
                    {
                      kind: 'radio',
                      name: 'result',
                      label: t('findings.result'),
                      required: true,
                      options: [
                        { value: 'ok', label: t('findings.ok') },
                        { value: 'flagged', label: t('findings.flagged') },
                      ],
                    },
                    { kind: 'textarea', name: 'note', label: t('findings.note'), maxLength: LIMITS.note, help: t('findings.noteHelp') },
                  ]}
                  hidden={{ checkpoint: c }}
                  buttons={[{ step: 'recordFinding', label: t('findings.record') }]}
                  testId={`finding-form-${c}`}
                />
              </details>
            )}
          </section>
        );
      })}
    </div>
  );
}
