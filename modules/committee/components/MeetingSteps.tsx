import { getTranslations } from 'next-intl/server';
import { meetingStepAction } from '@/modules/committee/actions';
import { StepForm, type StepFormProps } from '@/components/workflow/StepForm';
import type { MeetingView } from '@/lib/data/committee';
import type { CommitteeStep } from '@/lib/domain/committee/machine';
import { LIMITS } from '@/lib/domain/committee/schemas';

type Spec = Omit<StepFormProps, 'id' | 'version' | 'action'>;

/** The steps this viewer may take now (from the rules), each as a small form. */
export async function MeetingSteps({ m }: { m: MeetingView }) {
  const t = await getTranslations('committee');
  const noVote = `${t('noVote.title')} ${t('noVote.body')}`;
  const specs: Record<CommitteeStep, () => Spec> = {
    notify: () => ({
      title: t('steps.notify.title'),
      help: t('steps.notify.help'),
      fields: [],
      buttons: [{ step: 'notify', label: t('steps.notify.button') }],
    }),
    nameAttendee: () => ({
      title: t('steps.nameAttendee.title'),
      help: `${t('steps.nameAttendee.help')} ${noVote}`,
      fields: [
        {
          kind: 'select',
          name: 'attendeeId',
          label: t('fields.attendee'),
          required: true,
          defaultValue: m.attendee?.id,
          options: m.attendeeOptions.map((o) => ({ value: o.id, label: o.title ? `${o.name} · ${o.title}` : o.name })),
        },
      ],
      buttons: [{ step: 'nameAttendee', label: m.attendee ? t('steps.nameAttendee.rename') : t('steps.nameAttendee.button') }],
    }),
    uploadMaterial: () => ({
      title: t('steps.uploadMaterial.title'),
      help: t('steps.uploadMaterial.help'),
      fields: [{ kind: 'file', name: 'files', label: t('fields.materialFile'), required: true }],
      buttons: [{ step: 'uploadMaterial', label: t('steps.uploadMaterial.button'), tone: 'secondary' }],
    }),
    hold: () => ({
      title: t('steps.hold.title'),
      help: t('steps.hold.help'),
      fields: [],
      buttons: [{ step: 'hold', label: t('steps.hold.button') }],
    }),
    recordOutcome: () => ({
      title: m.status === 'recorded' ? t('steps.recordOutcome.correctTitle') : t('steps.recordOutcome.title'),
      help: `${t('steps.recordOutcome.help')} ${noVote}`,
      fields: [
        { kind: 'number', name: 'membersTotal', label: t('fields.membersTotal'), required: true, defaultValue: m.membersTotal?.toString() },
        {
          kind: 'number',
          name: 'membersPresent',
          label: t('fields.membersPresent'),
          required: true,
          defaultValue: m.membersPresent?.toString(),
          help: t('steps.recordOutcome.quorumHelp'),
        },
        { kind: 'text', name: 'chairName', label: t('fields.chair'), required: true, defaultValue: m.chairName ?? undefined, maxLength: LIMITS.chairName },
        ...m.items.flatMap((i) => [
          {
            kind: 'textarea' as const,
            name: `opinion.${i.position}`,
            label: t('steps.recordOutcome.opinion', { n: i.position, number: i.courtCaseNumber }),
            required: true,
            defaultValue: i.attendeeOpinion ?? undefined,
            maxLength: LIMITS.opinion,
            help: t('steps.recordOutcome.opinionHelp'),
          },
          {
            kind: 'textarea' as const,
            name: `decision.${i.position}`,
            label: t('steps.recordOutcome.decision', { n: i.position, number: i.courtCaseNumber }),
            required: true,
            defaultValue: i.decision ?? undefined,
            maxLength: LIMITS.decision,
          },
        ]),
        { kind: 'textarea', name: 'minutes', label: t('fields.minutes'), required: true, defaultValue: m.minutes ?? undefined, maxLength: LIMITS.minutes },
      ],
      buttons: [{ step: 'recordOutcome', label: t('steps.recordOutcome.button') }],
    }),
    confirm: () => ({
      title: t('steps.confirm.title'),
      help: t('steps.confirm.help'),
      fields: [{ kind: 'textarea', name: 'comment', label: t('fields.commentOptional'), maxLength: LIMITS.reason }],
      buttons: [{ step: 'confirm', label: t('steps.confirm.button') }],
    }),
    cancel: () => ({
      title: t('steps.cancel.title'),
      help: t('steps.cancel.help'),
      fields: [{ kind: 'textarea', name: 'reason', label: t('fields.cancelReason'), required: true, maxLength: LIMITS.reason }],
      buttons: [{ step: 'cancel', label: t('steps.cancel.button'), tone: 'danger' }],
    }),
  };
  if (m.steps.length === 0) {
    return <p className="text-sm text-slate-600">{m.waitingOn ? t(`detail.nothingNow.${m.waitingOn}`) : t('detail.nothingClosed')}</p>;
  }
  return (
    <div className="space-y-4">
      {m.steps.map((s) => (
        <StepForm key={s} id={m.id} version={m.version} action={meetingStepAction} testId={`step-${s}`} {...specs[s]()} />
      ))}
    </div>
  );
}
