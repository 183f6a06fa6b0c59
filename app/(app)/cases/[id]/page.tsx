import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { CaseStepPanel } from '@/modules/cases/components/CaseStepPanel';
import { CaseTimeline } from '@/modules/cases/components/CaseTimeline';
import { LinkedRecords } from '@/modules/cases/components/LinkedRecords';
import { StagePill } from '@/modules/cases/components/StagePill';
import { TagList } from '@/modules/cases/components/TagList';
import { DateText } from '@/components/DateText';
import { DueBadge } from '@/components/DueBadge';
import { Card } from '@/components/ui/Card';
import { DefinitionList } from '@/components/ui/DefinitionList';
import { getCase } from '@/lib/data/cases';
import { db } from '@/lib/data/db';
import { todayInChina } from '@/lib/domain/dates';
import { requireFeature } from '@/lib/web/session';
import { loadOrForbid } from '@/modules/recommendations/load';

export async function generateMetadata() {
  const t = await getTranslations('nav');
  return { title: t('cases') };
}

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireFeature('cases.list');
  const { id } = await params;
  const today = todayInChina();
  const c = await loadOrForbid(() => getCase(db(), actor, id, today));
  if (!c) notFound();
  const [t, locale] = await Promise.all([getTranslations('cases'), getLocale()]);
  const en = locale === 'en';
  const name = (x: { name: string; nameEn: string } | null) => (x ? (en ? x.nameEn : x.name) : null);
  const court = [name(c.court), name(c.department)].filter(Boolean).join(' · ');

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-500">
          <Link href="/cases" className="text-brand-600 underline">
            {t('detail.back')}
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-semibold">{c.title}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
          <span className="font-mono" data-testid="case-number">{c.number}</span>
          <span>{t(`kind.${c.kind}`)}</span>
          <StagePill stage={c.stage} />
          {c.stageDueDate && <DueBadge dueDate={c.stageDueDate} daysLeft={c.daysLeft} daysOverdue={c.daysOverdue} />}
        </div>
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card id="case" title={t('detail.case')}>
            <DefinitionList
              rows={[
                { term: t('fields.parties'), value: <span className="whitespace-pre-wrap">{c.parties}</span> },
                { term: t('fields.courtAndDivision'), value: court || <span className="text-slate-400">—</span> },
                {
                  term: t('fields.courtCaseNumbers'),
                  value:
                    c.courtCaseNumbers.length === 0 ? (
                      <span className="text-slate-400">—</span>
                    ) : (
                      <ul data-testid="court-case-numbers">
                        {c.courtCaseNumbers.map((n) => (
                          <li key={n}>{n}</li>
                        ))}
                      </ul>
                    ),
                },
                { term: t('fields.handler'), value: `${c.handler.name}${c.handler.title ? ` · ${c.handler.title}` : ''}` },
                { term: t('fields.tags'), value: <TagList tags={c.tags} /> },
              ]}
            />
          </Card>

          <Card id="deadline" title={t('detail.deadline')}>
            {c.dueDateProvisional && c.stageDueDate && (
              <p role="note" className="mb-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
                {t('detail.provisional', { year: c.stageDueDate.slice(0, 4) })}
              </p>
            )}
            <DefinitionList
              rows={[
                { term: t('fields.acceptedOn'), value: c.acceptedOn ? <DateText iso={c.acceptedOn} /> : <span className="text-slate-400">—</span> },
                ...(c.stageDueDate
                  ? [{ term: t('detail.reviewDue'), value: <DueBadge dueDate={c.stageDueDate} daysLeft={c.daysLeft} daysOverdue={c.daysOverdue} /> }]
                  : []),
                ...(c.reviewEnded
                  ? [
                      {
                        term: t('detail.reviewEnded'),
                        value: (
                          <>
                            <DateText iso={c.reviewEnded.at.toISOString().slice(0, 10)} /> · {t(c.reviewEnded.late ? 'detail.reviewLate' : 'detail.reviewOnTime')} (
                            {t('detail.wasDue')} <DateText iso={c.reviewEnded.dueDate} />)
                          </>
                        ),
                      },
                    ]
                  : []),
                {
                  term: t('detail.period'),
                  value: (
                    <>
                      {t('detail.periodRule')} — {en ? c.reviewRule.source.en : c.reviewRule.source.zh}
                      {c.reviewRule.verify && <span className="ml-1 text-xs text-slate-500">({t('detail.verify')})</span>}
                    </>
                  ),
                },
                ...(c.closedAt ? [{ term: t('detail.closedOn'), value: <DateText iso={todayInChina(c.closedAt)} /> }] : []),
              ]}
            />
          </Card>

          {c.conclusion && (
            <Card id="conclusion" title={t('fields.conclusion')}>
              <DefinitionList rows={[{ term: t('fields.outcome'), value: c.conclusion.outcome ? t(`outcome.${c.conclusion.outcome}`) : '—' }]} />
              {c.conclusion.text && <p className="mt-3 whitespace-pre-wrap text-sm leading-relaxed">{c.conclusion.text}</p>}
            </Card>
          )}

          <Card id="linked" title={t('detail.linked')}>
            <LinkedRecords linked={c.linked} />
          </Card>

          <Card id="timeline" title={t('detail.timeline')}>
            <p className="mb-4 text-sm text-slate-600">{t('detail.timelineHelp')}</p>
            <CaseTimeline entries={c.timeline} />
          </Card>
        </div>

        <div className="space-y-4">
          <h2 className="text-lg font-semibold">{t('detail.next')}</h2>
          <CaseStepPanel c={c} />
        </div>
      </div>
    </div>
  );
}
