import { getTranslations } from 'next-intl/server';
import { WorkflowTimeline } from '@/components/workflow/WorkflowTimeline';
import type { JointTimelineEntry } from '@/lib/data/cases';
import { tagLabel } from '@/modules/cases/components/labels';

/** Details shown under each step, when the event carries them (labels: cases.data.<key>). */
const DETAILS = [
  'step',
  'number',
  'caseNumber',
  'comment',
  'reason',
  'fromHandler',
  'toHandler',
  'tags',
  'previousTags',
  'courtCaseNumber',
  'outcome',
  'conclusion',
  'reviewDueDate',
  'late',
  'servedOn',
  'dueDate',
  'previousDueDate',
  'replyOn',
  'escalatedTo',
] as const;

/**
 * The case's joint timeline: its own steps, its recommendations' events and those of every
 * record linked to it. Steps written by other workflows that this catalog does not know yet are
 * shown with a generic label and their technical name, never as a missing message.
 */
export async function CaseTimeline({ entries }: { entries: JointTimelineEntry[] }) {
  const t = await getTranslations('cases');
  const prepared = entries.map((e) => {
    const known = t.has(`event.${e.kind}`);
    const data: Record<string, unknown> = { ...(e.data ?? {}) };
    if (!known) data.step = e.kind;
    if (e.recordType === 'SupervisionCase') {
      if (Array.isArray(data.tags)) data.tags = data.tags.length ? data.tags.map((x) => tagLabel(t, String(x))) : t('detail.noTags');
      if (Array.isArray(data.previousTags)) data.previousTags = data.previousTags.length ? data.previousTags.map((x) => tagLabel(t, String(x))) : t('detail.noTags');
      if (typeof data.outcome === 'string' && t.has(`outcome.${data.outcome}`)) data.outcome = t(`outcome.${data.outcome}`);
    } else {
      // Other records' outcome codes are theirs to label.
      delete data.outcome;
    }
    return {
      ...e,
      kind: known ? e.kind : 'other',
      recordType: t.has(`recordType.${e.recordType}`) ? e.recordType : 'other',
      data: Object.keys(data).length ? data : null,
    };
  });
  return <WorkflowTimeline entries={prepared} namespace="cases" details={DETAILS} testId="case-timeline" showRecordType />;
}
