'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { FileInput } from '@/components/forms/FileInput';
import { FormFooter } from '@/components/forms/FormFooter';
import { Options, useActionForm, type FormAction } from '@/components/forms/fields';
import { scheduleInput } from '@/lib/domain/committee/schemas';

type Option = { id: string; label: string };

const TRIGGERS = ['acquittal_possible', 'death_sentence_possible', 'protested', 'other_procuratorial', 'requested', 'invited'] as const;
const LIMITS = { location: 200, itemTitle: 200, courtCaseNumber: 64, items: 20 };

/** The court schedules a committee meeting: time, place, the agenda (one row per case), materials. */
export function ScheduleForm({
  action,
  procuratorates,
  minLocal,
}: {
  action: FormAction<{ id: string }>;
  procuratorates: Option[];
  /** Now, as a datetime-local value (the meeting must be later). */
  minLocal: string;
}) {
  const t = useTranslations('committee');
  const tc = useTranslations('common');
  const form = useActionForm({ id: 'cm', action, schema: scheduleInput, defaultValue: { procuratorateId: procuratorates[0]?.id }, namespace: 'committee' });
  const { pending, field: attrs, label, error } = form;
  // Stable keys for the rows; names are numbered by position so errors point at the row shown.
  const next = useRef(1);
  const [rows, setRows] = useState<number[]>([0]);

  return (
    <form {...form.props} className="space-y-6" data-testid="schedule-form">
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          {label('procuratorateId', t('fields.procuratorate'))}
          <select {...attrs('procuratorateId')}>
            <Options items={procuratorates} />
          </select>
          {error('procuratorateId')}
        </div>
        <div>
          {label('scheduledAt', t('fields.scheduledAt'))}
          <input {...attrs('scheduledAt')} type="datetime-local" min={minLocal} required />
          <p className="mt-1 text-xs text-slate-500">{t('form.scheduledAtHelp')}</p>
          {error('scheduledAt')}
        </div>
        <div className="md:col-span-2">
          {label('location', t('fields.location'))}
          <input {...attrs('location')} maxLength={LIMITS.location} placeholder={t('form.locationPlaceholder')} required />
          {error('location')}
        </div>
      </div>

      <fieldset className="rounded border border-slate-200 p-4" {...form.aria('items')}>
        <legend className="px-1 text-sm font-medium">{t('form.agendaLegend')}</legend>
        <p className="text-xs text-slate-500">{t('form.agendaHelp')}</p>
        {error('items')}
        <ol className="mt-3 space-y-4">
          {rows.map((key, i) => {
            const n = (f: string) => `items.${i}.${f}`;
            return (
              <li key={key} className="rounded border border-slate-100 bg-slate-50 p-3" data-testid="agenda-row">
                <fieldset>
                  <legend className="text-sm font-semibold">{t('form.item', { n: i + 1 })}</legend>
                  <div className="mt-2 grid gap-3 md:grid-cols-[1fr_2fr_1fr]">
                    <div>
                      {label(n('courtCaseNumber'), t('fields.courtCaseNumber'))}
                      <input {...attrs(n('courtCaseNumber'))} maxLength={LIMITS.courtCaseNumber} placeholder="(2026)青0103刑初215号" />
                      {error(n('courtCaseNumber'))}
                    </div>
                    <div>
                      {label(n('title'), t('fields.itemTitle'))}
                      <input {...attrs(n('title'))} maxLength={LIMITS.itemTitle} />
                      {error(n('title'))}
                    </div>
                    <div>
                      {label(n('trigger'), t('fields.trigger'))}
                      <select {...attrs(n('trigger'))} defaultValue={form.value(n('trigger')) ?? 'other_procuratorial'}>
                        {TRIGGERS.map((x) => (
                          <option key={x} value={x}>
                            {t(`trigger.${x}`)}
                          </option>
                        ))}
                      </select>
                      {error(n('trigger'))}
                    </div>
                  </div>
                  {rows.length > 1 && (
                    <button
                      type="button"
                      className="mt-2 text-sm text-red-700 underline"
                      onClick={() => setRows((r) => r.filter((k) => k !== key))}
                    >
                      {t('form.removeItem', { n: i + 1 })}
                    </button>
                  )}
                </fieldset>
              </li>
            );
          })}
        </ol>
        {rows.length < LIMITS.items && (
          <button
            type="button"
            className="mt-3 rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100"
            onClick={() => setRows((r) => [...r, next.current++])}
          >
            {t('form.addItem')}
          </button>
        )}
      </fieldset>

      <div>
        {label('files', t('fields.materials'), false)}
        <FileInput
          id={attrs('files').id}
          name="files"
          multiple
          invalid={!!attrs('files')['aria-invalid']}
          describedBy={attrs('files')['aria-describedby']}
          error={error('files')}
          message={form.message}
        />
        <p className="mt-1 text-xs text-slate-500">{t('form.materialsHelp')}</p>
      </div>

      <FormFooter pending={pending} label={t('form.submit')} pendingLabel={tc('working')} problem={form.problem} className="flex flex-wrap items-center gap-4" />
    </form>
  );
}
