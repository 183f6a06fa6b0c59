import { getTranslations } from 'next-intl/server';
import type { RecommendationView } from '@/lib/data/recommendations';
import type { RecommendationAction } from '@/lib/domain/recommendations/machine';
import { LIMITS } from '@/lib/domain/recommendations/schemas';
import { stepAction } from '@/modules/recommendations/actions';
import { StepList, type StepSpec } from '@/components/workflow/StepList';


/** The steps this viewer may take now (from the state machine), each as a small form. */
export async function StepPanel({ rec, today }: { rec: RecommendationView; today: string }) {
  const t = await getTranslations('recommendations');
  const comment = (label: string, required: boolean, defaultValue?: string) => ({
    kind: 'textarea' as const,
    name: 'comment',
    label,
    required,
    defaultValue,
    maxLength: LIMITS.comment,
  });
  const adoptionOptions = (['adopted', 'partly_adopted', 'not_adopted'] as const).map((v) => ({ value: v, label: t(`adoption.${v}`) }));

  const specs: Partial<Record<RecommendationAction, StepSpec>> = {
    submit: { title: t('steps.submit.title'), help: t('steps.submit.help'), fields: [], buttons: [{ step: 'submit', label: t('steps.submit.button') }] },
    discard: {
      title: t('steps.discard.title'),
      help: t('steps.discard.help'),
      fields: [comment(t('steps.comment'), false)],
      buttons: [{ step: 'discard', label: t('steps.discard.button'), tone: 'danger' }],
    },
    approve: {
      title: t('steps.approve.title'),
      help: rec.type === 'retrial' ? t('steps.approve.retrialHelp') : t('steps.approve.help'),
      fields: [
        ...(rec.type === 'retrial'
          ? [
              { kind: 'text' as const, name: 'committeeDecisionNo', label: t('fields.committeeDecisionNo'), required: true, maxLength: LIMITS.committeeDecisionNo },
              { kind: 'date' as const, name: 'committeeDecisionOn', label: t('fields.committeeDecisionOn'), required: true },
            ]
          : []),
        comment(t('steps.comment'), false),
      ],
      buttons: [{ step: 'approve', label: t('steps.approve.button') }],
    },
    return: {
      title: t('steps.return.title'),
      help: t('steps.return.help'),
      fields: [comment(t('steps.returnComment'), true)],
      buttons: [{ step: 'return', label: t('steps.return.button'), tone: 'secondary' }],
    },
    issue: { title: t('steps.issue.title'), help: t('steps.issue.help'), fields: [], buttons: [{ step: 'issue', label: t('steps.issue.button') }] },
    serve: {
      title: t('steps.serve.title'),
      help: t('steps.serve.help'),
      fields: [
        { kind: 'date', name: 'servedOn', label: t('fields.servedOn'), required: true, defaultValue: today },
        {
          kind: 'select',
          name: 'method',
          label: t('fields.serviceMethod'),
          required: true,
          defaultValue: 'written',
          options: (['written', 'announced'] as const).map((v) => ({ value: v, label: t(`serviceMethod.${v}`) })),
        },
      ],
      buttons: [{ step: 'serve', label: t('steps.serve.button') }],
    },
    acknowledge: { title: t('steps.acknowledge.title'), help: t('steps.acknowledge.help'), fields: [], buttons: [{ step: 'acknowledge', label: t('steps.acknowledge.button') }] },
    object: {
      title: t('steps.object.title'),
      help: t('steps.object.help'),
      fields: [comment(t('steps.objectionReasons'), true)],
      buttons: [{ step: 'object', label: t('steps.object.button'), tone: 'secondary' }],
    },
    rejectObjection: {
      title: t('steps.rejectObjection.title'),
      help: t('steps.rejectObjection.help'),
      fields: [comment(t('steps.reasons'), true)],
      buttons: [{ step: 'rejectObjection', label: t('steps.rejectObjection.button') }],
    },
    upholdObjection: {
      title: t('steps.upholdObjection.title'),
      help: t('steps.upholdObjection.help'),
      fields: [
        {
          kind: 'radio',
          name: 'outcome',
          label: t('steps.upholdObjection.outcome'),
          required: true,
          options: (['modify', 'withdraw'] as const).map((v) => ({ value: v, label: t(`steps.upholdObjection.${v}`) })),
        },
        comment(t('steps.reasons'), true),
      ],
      buttons: [{ step: 'upholdObjection', label: t('steps.upholdObjection.button'), tone: 'secondary' }],
    },
    saveReply: {
      title: t('steps.reply.title'),
      help: t('steps.reply.help'),
      fields: [
        { kind: 'select', name: 'adoption', label: t('fields.adoption'), required: true, defaultValue: rec.reply?.adoption ?? undefined, options: adoptionOptions },
        { kind: 'textarea', name: 'measures', label: t('fields.measures'), required: true, defaultValue: rec.reply?.measures ?? undefined, maxLength: LIMITS.longText },
        {
          kind: 'textarea',
          name: 'reasons',
          label: t('fields.replyReasons'),
          defaultValue: rec.reply?.reasons ?? undefined,
          maxLength: LIMITS.longText,
          help: t('steps.reply.reasonsHelp'),
        },
      ],
      buttons: [
        { step: 'saveReply', label: t('steps.reply.save'), tone: 'secondary' },
        { step: 'submitReply', label: t('steps.reply.submit') },
      ],
    },
    returnReply: {
      title: t('steps.returnReply.title'),
      help: t('steps.returnReply.help'),
      fields: [comment(t('steps.returnComment'), true)],
      buttons: [{ step: 'returnReply', label: t('steps.returnReply.button'), tone: 'secondary' }],
    },
    signReply: {
      title: t('steps.signReply.title'),
      help: t('steps.signReply.help'),
      fields: [{ kind: 'date', name: 'replyOn', label: t('fields.replyOn'), required: true, defaultValue: today }],
      buttons: [{ step: 'signReply', label: t('steps.signReply.button') }],
    },
    requestExtension: {
      title: t('steps.requestExtension.title'),
      help: t('steps.requestExtension.help'),
      fields: [{ kind: 'textarea', name: 'reason', label: t('steps.reasons'), required: true, maxLength: LIMITS.comment }],
      buttons: [{ step: 'requestExtension', label: t('steps.requestExtension.button'), tone: 'secondary' }],
    },
    approveExtension: {
      title: t('steps.approveExtension.title'),
      help: t('steps.approveExtension.help', { reason: rec.extensionReason ?? '' }),
      fields: [],
      buttons: [{ step: 'approveExtension', label: t('steps.approveExtension.button') }],
    },
    evaluate: {
      title: t('steps.evaluate.title'),
      help: t('steps.evaluate.help'),
      fields: [
        {
          kind: 'radio',
          name: 'rectified',
          label: t('fields.rectified'),
          required: true,
          options: [
            { value: 'yes', label: t('rectified.yes') },
            { value: 'no', label: t('rectified.no') },
          ],
        },
        { kind: 'textarea', name: 'evaluation', label: t('fields.evaluation'), required: true, maxLength: LIMITS.longText },
      ],
      buttons: [{ step: 'evaluate', label: t('steps.evaluate.button') }],
    },
    followUp: {
      title: t('steps.followUp.title'),
      help: t('steps.followUp.help'),
      fields: [comment(t('steps.note'), true)],
      buttons: [{ step: 'followUp', label: t('steps.followUp.button'), tone: 'secondary' }],
    },
    close: { title: t('steps.close.title'), help: t('steps.close.help'), fields: [], buttons: [{ step: 'close', label: t('steps.close.button') }] },
    archive: { title: t('steps.archive.title'), help: t('steps.archive.help'), fields: [], buttons: [{ step: 'archive', label: t('steps.archive.button'), tone: 'secondary' }] },
    urge: {
      title: t('steps.urge.title'),
      help: t('steps.urge.help', { days: rec.daysOverdue }),
      fields: [comment(t('steps.comment'), false)],
      buttons: [{ step: 'urge', label: t('steps.urge.button') }],
    },
    escalate: {
      title: t('steps.escalate.title'),
      help: t('steps.escalate.help'),
      fields: [
        { kind: 'text', name: 'escalatedTo', label: t('fields.escalatedTo'), required: true, defaultValue: t('steps.escalate.defaultTo'), maxLength: LIMITS.escalatedTo },
        comment(t('steps.comment'), false),
      ],
      buttons: [{ step: 'escalate', label: t('steps.escalate.button'), tone: 'danger' }],
    },
  };

  // submitReply shares the reply form with saveReply.
  const shown = rec.actions.filter((a) => a !== 'edit' && !(a === 'submitReply' && rec.actions.includes('saveReply')));
  return <StepList record={rec} steps={shown} specs={specs} action={stepAction} none={t('steps.none')} />;
}
