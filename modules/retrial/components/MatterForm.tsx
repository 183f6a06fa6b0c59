'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { FormFooter } from '@/components/forms/FormFooter';
import { Options, useActionForm } from '@/components/forms/fields';
import { fileInput } from '@/lib/domain/retrial/schemas';
import type { FileResult } from '@/modules/retrial/actions';

type Option = { id: string; label: string };
type RecOption = Option & { courtCaseNumber: string | null; caseId: string | null; courtId: string; servedOn: string | null };

const LIMITS = { title: 200, parties: 1000, courtCaseNumber: 64 };

/** A new retrial matter: a party's application (court) or a recommendation / protest (procuratorate). */
export function MatterForm({
  action,
  kinds,
  courts,
  defaultCourtId,
  cases,
  recommendations,
  today,
}: {
  action: (prev: FileResult | null, form: FormData) => Promise<FileResult>;
  kinds: string[];
  courts: Option[];
  defaultCourtId: string | null;
  cases: Option[];
  recommendations: RecOption[];
  today: string;
}) {
  const t = useTranslations('retrial');
  const caseNumberRef = useRef<HTMLInputElement>(null);
  const caseRef = useRef<HTMLSelectElement>(null);
  const filedOnRef = useRef<HTMLInputElement>(null);
  const form = useActionForm({ id: 'rt', action, schema: fileInput, defaultValue: { recommendationId: '', caseId: '', filedOn: today }, namespace: 'retrial' });
  const { pending } = form;
  const [kind, setKind] = useState(form.value('kind') ?? kinds[0] ?? '');
  const [courtId, setCourtId] = useState(form.value('courtId') ?? defaultCourtId ?? '');
  const procuratorate = courts.length > 0;

  /** Choosing the recommendation fills in its case number and supervision case where still empty, and its service as the court's receipt. */
  function onRecommendation(id: string) {
    const r = recommendations.find((x) => x.id === id);
    if (!r) return;
    if (caseNumberRef.current && !caseNumberRef.current.value && r.courtCaseNumber) caseNumberRef.current.value = r.courtCaseNumber;
    if (caseRef.current && !caseRef.current.value && r.caseId) caseRef.current.value = r.caseId;
    if (filedOnRef.current && r.servedOn) filedOnRef.current.value = r.servedOn;
  }

  const { field, error } = form;
  const label = (name: string, required = true) => form.label(name, t(`fields.${name}`), required);

  return (
    <form {...form.props} className="space-y-5 rounded-lg border border-slate-200 bg-white p-5" data-testid="retrial-new">
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          {label('kind')}
          <select {...field('kind')} defaultValue={undefined} value={kind} onChange={(e) => setKind(e.target.value)}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
          {error('kind')}
        </div>
        {procuratorate && (
          <div>
            {label('court')}
            <select {...field('courtId')} id="rt-court" value={courtId} onChange={(e) => setCourtId(e.target.value)}>
              <Options items={courts} />
            </select>
            {error('courtId')}
          </div>
        )}
        {procuratorate && kind === 'procuratorate_recommendation' && (
          <div>
            {label('recommendation', false)}
            <select {...field('recommendationId')} id="rt-recommendation" onChange={(e) => onRecommendation(e.target.value)}>
              <option value="">{t('form.noRecommendation')}</option>
              <Options items={recommendations.filter((r) => r.courtId === courtId)} />
            </select>
            {error('recommendationId')}
          </div>
        )}
        {procuratorate && (
          <div>
            {label('case', false)}
            <select {...field('caseId')} id="rt-case" ref={caseRef}>
              <option value="">{t('form.noCase')}</option>
              <Options items={cases} />
            </select>
            {error('caseId')}
          </div>
        )}
        <div>
          {label('courtCaseNumber')}
          <input {...field('courtCaseNumber')} ref={caseNumberRef} maxLength={LIMITS.courtCaseNumber} placeholder="(2025)青0103民初123号" />
          {error('courtCaseNumber')}
        </div>
        <div>
          {label('title')}
          <input {...field('title')} maxLength={LIMITS.title} />
          {error('title')}
        </div>
      </div>
      <div>
        {label('parties')}
        <textarea {...field('parties')} rows={2} maxLength={LIMITS.parties} />
        {error('parties')}
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        <div>
          {label('judgmentEffectiveOn')}
          <input {...field('judgmentEffectiveOn')} type="date" max={today} />
          {error('judgmentEffectiveOn')}
        </div>
        <div>
          {label('filedOn')}
          <input {...field('filedOn', true)} ref={filedOnRef} type="date" max={today} />
          <p id="rt-filedOn-help" className="mt-1 text-xs text-slate-500">
            {t('form.filedHelp')}
          </p>
          {error('filedOn')}
        </div>
        {kind === 'party_application' && (
          <div>
            {label('learnedOn', false)}
            <input {...field('learnedOn', true)} type="date" max={today} />
            <p id="rt-learnedOn-help" className="mt-1 text-xs text-slate-500">
              {t('form.learnedHelp')}
            </p>
            {error('learnedOn')}
          </div>
        )}
      </div>
      {kind === 'party_application' && <p className="text-sm text-slate-600">{t('form.windowRule')}</p>}
      <FormFooter pending={pending} label={t('form.submit')} problem={form.problem} message={form.message} />
    </form>
  );
}
